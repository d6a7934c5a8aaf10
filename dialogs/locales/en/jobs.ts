import type { jobsZhCN } from '../zh-CN/jobs.js';

export const jobsEn: Record<keyof typeof jobsZhCN, string> = {
  jobSlaReminder: 'Reminder: {{percent}}% of the {{limit}} time for ticket {{number}} ({{category}}) has passed; it is due by {{due}}.',
  jobSlaBreached: 'Escalation: the {{limit}} deadline of ticket {{number}} ({{category}}) was missed (due {{due}}). Please follow it up now.',
  jobSlaSupervisorBreached: 'Escalation: ticket {{number}} was passed to a supervisor and the resident had no reply within {{minutes}} minutes. Please follow it up now.',
  jobLimitReply: 'reply',
  jobLimitResolve: 'resolve',
  jobResidentDelayed: 'We are sorry: your ticket {{number}} is taking longer than expected. A supervisor is following it up and we will get back to you as soon as we can. Thank you for your patience.',
  jobSurveyAsk:
    'Your ticket {{number}} has been resolved. Were you satisfied with our service? Please reply satisfied / basically satisfied / dissatisfied (or a score from 1 to 5, 5 = best), and tell us what we could do better.',
  jobSurveyThanks: 'Thank you for your feedback!',
  jobSurveySorry: 'We are sorry we did not satisfy you. Ticket {{number}} has been reopened and will be reworked within 24 hours; we will ask you again afterwards.',
  jobSurveyComment: 'Survey feedback: the resident rated ticket {{number}} "{{answer}}" and says: {{comment}}. Please follow it up and answer the resident.',
  jobReworkNeeded: 'Rework: the resident is dissatisfied with ticket {{number}} ({{comment}}). It has been reopened; please finish the rework by {{due}}.',
  jobCallbackTask: 'Callback task: ticket {{number}} ({{category}}) needs a {{method}} callback by {{due}}.',
  jobMethodPhone: 'phone',
  jobMethodVisit: 'visit',
  jobHandover:
    'Shift handover ({{from}} – {{to}})\nReceived this shift: {{received}}\nStill open (by status): {{open}}\nDue next shift: {{dueNext}}\nBreached: {{breached}}',
  jobNone: 'none',
  jobCapaCreated: 'Corrective and preventive action: {{matter}} came up {{count}} times in {{days}} days (tickets {{tickets}}). A CAPA record was opened; the service head reviews it and reports to the project manager.',
  jobMonthlySummary:
    '{{month}} service statistics: {{total}} tickets (month on month {{mom}}, year on year {{yoy}}), {{complaints}} complaints, replies on time {{replyRate}}, resolved on time {{resolveRate}}, satisfaction {{satisfaction}}, callback coverage {{coverage}}. {{callouts}}',
  jobComplaintsRising: 'Complaints are rising and need special attention.',
  jobRecurringProblem: 'Recurring problems: {{matters}}.',
};
