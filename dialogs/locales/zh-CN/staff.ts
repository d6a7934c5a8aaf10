/** Messages of the staff side (dialogs/staff, cards, notifications). */
export const staffZhCN = {
  bindDone: '绑定成功：{{name}}（{{department}} · {{role}}）。今后派单卡片会发送到这里。',
  bindTeamDone: '已把本群绑定为{{department}}的派单群，由 {{name}} 绑定。',
  bindUnknownCode: '绑定码无效，请核对后再试，或联系客服主管获取绑定码。',
  bindUsage: '绑定格式：绑定 <绑定码>，例如“绑定 ENG-7F3K”。',
  bindInactive: '该绑定码对应的员工已不在名册中，请联系客服主管。',
  bindElsewhere: '该绑定码已被另一个账号使用。如需换绑，请联系客服主管。',
  staffHelp:
    '{{name}}，您好。可用指令：\n“我的工单”查看待办；“工单 <编号>”查看详情；\n“档案 <档案号> <理由>”查阅住户档案（须部门负责人批准）；“批准查档 <申请号>”/“驳回查档 <申请号> <理由>”处理查档申请；\n“公告审核|公告批准|公告发布|公告状态 <编号>”处理公告。',
  residentAccepted: '您的工单 {{number}} 已由{{department}}的{{name}}受理，我们会尽快处理。',
  residentReplied: '关于工单 {{number}}，{{name}}回复：{{text}}',
  residentResolved: '您的工单 {{number}} 已处理完成：{{text}}。如问题仍未解决，请回复“没修好 {{number}}”，我们会重新处理。',
  residentReassigned: '您的工单 {{number}} 已转交{{department}}处理。',
  escalatedToYou: '工单 {{number}} 已被{{name}}升级，请您跟进。',
  actionRefused: '您无权处理该工单，此次操作已记录。',
  actionFailed: '操作未成功：{{reason}}',
  actionDone: '已处理：{{number}} {{action}}',
  queueEmpty: '您目前没有待处理的工单。',
  queueHeader: '您的待办工单（按时限排序）：',
  queueLine: '{{number}} · {{category}} · {{status}} · 回复时限 {{due}}',
  ticketNotFound: '没有找到工单 {{number}}。',
  ticketDetail: '{{number}} · {{category}} · {{status}}\n{{text}}\n历史：\n{{history}}',
};
