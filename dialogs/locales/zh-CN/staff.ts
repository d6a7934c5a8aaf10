/** Messages of the staff side (dialogs/staff, cards, notifications). */
export const staffZhCN = {
  bindDone: '绑定成功：{{name}}（{{department}} · {{role}}）。今后派单卡片会发送到这里。',
  bindTeamDone: '已把本群绑定为{{department}}的派单群，由 {{name}} 绑定。',
  bindUnknownCode: '绑定码无效，请核对后再试，或联系客服主管获取绑定码。',
  bindUsage: '绑定格式：绑定 <绑定码>，例如“绑定 ENG-7F3K”。',
  bindInactive: '该绑定码对应的员工已不在名册中，请联系客服主管。',
  bindElsewhere: '该绑定码已被另一个账号使用。如需换绑，请联系客服主管。',
  staffHelp: '{{name}}，您好。可用指令：“我的工单”查看待办，“工单 <编号>”查看详情。',
};
