/** Messages of the scheduled jobs (reminders, escalation, surveys, handover, CAPA, monthly report). */
export const jobsZhCN = {
  jobSlaReminder: '提醒：工单 {{number}}（{{category}}）的{{limit}}时限已过 {{percent}}%，请于 {{due}} 前完成。',
  jobSlaBreached: '超时升级：工单 {{number}}（{{category}}）{{limit}}已超时（时限 {{due}}），请立即跟进。',
  jobSlaSupervisorBreached: '超时升级：工单 {{number}} 上报主管后 {{minutes}} 分钟内仍未答复客户，请立即跟进。',
  jobLimitReply: '答复',
  jobLimitResolve: '处理',
  jobResidentDelayed: '非常抱歉，您的工单 {{number}} 处理时间比预期稍长，我们已请主管跟进，会尽快给您答复，感谢您的耐心。',
  jobSurveyAsk:
    '您的工单 {{number}} 已处理完毕。请问您对这次服务是否满意？请回复：满意 / 基本满意 / 不满意（或打 1–5 分，5 分最满意），也欢迎告诉我们哪些地方可以做得更好。',
  jobSurveyThanks: '感谢您的评价！',
  jobSurveySorry: '非常抱歉没有让您满意。工单 {{number}} 已重新打开，相关负责人会在 24 小时内重新处理，处理后我们会再次回访。',
  jobSurveyComment: '回访意见：住户对工单 {{number}} 评价“{{answer}}”，并提出：{{comment}}。请跟进并回复住户。',
  jobReworkNeeded: '返工：住户对工单 {{number}} 的处理不满意（{{comment}}），已重新打开，请于 {{due}} 前完成返工。',
  jobCallbackTask: '回访任务：工单 {{number}}（{{category}}）需{{method}}回访，截止 {{due}}。',
  jobMethodPhone: '电话',
  jobMethodVisit: '上门',
  jobHandover:
    '交接班记录（{{from}} – {{to}}）\n本班接报：{{received}} 件\n未完成（按状态）：{{open}}\n下一班到期：{{dueNext}}\n已超时：{{breached}}',
  jobNone: '无',
  jobCapaCreated: '纠正与预防措施：{{matter}} 在 {{days}} 天内出现 {{count}} 次（工单 {{tickets}}），已建立 CAPA 记录，请客服主管审核并报项目经理。',
  jobMonthlySummary:
    '{{month}} 月度客服统计：共 {{total}} 件（环比 {{mom}}，同比 {{yoy}}），投诉 {{complaints}} 件，答复及时率 {{replyRate}}，处理及时率 {{resolveRate}}，满意率 {{satisfaction}}，回访覆盖率 {{coverage}}。{{callouts}}',
  jobComplaintsRising: '投诉数量上升，请重点关注。',
  jobRecurringProblem: '存在重复发生的问题：{{matters}}。',
} as const;
