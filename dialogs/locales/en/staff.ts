import type { staffZhCN } from '../zh-CN/staff.js';

export const staffEn: Record<keyof typeof staffZhCN, string> = {
  bindDone: 'Bound: {{name}} ({{department}} · {{role}}). Dispatch cards will reach you here.',
  bindTeamDone: 'This channel now receives the dispatch cards of {{department}} (bound by {{name}}).',
  bindUnknownCode: 'That bind code is not valid. Please check it, or ask the customer-service head for yours.',
  bindUsage: 'To bind, send: bind <code>, e.g. "bind ENG-7F3K".',
  bindInactive: 'That bind code belongs to someone no longer on the roster. Please ask the customer-service head.',
  bindElsewhere: 'That bind code is already used by another account. Ask the customer-service head to move it.',
  staffHelp:
    'Hello {{name}}. Commands:\n"my queue" lists your open tickets; "ticket <number>" shows one;\n"archive <archive no> <reason>" asks to read a household file (your department head approves); "archive approve <request id>" / "archive refuse <request id> <reason>" decide a request;\n"notice check|approve|publish|status <id>" moves a notice along.',
  residentAccepted: 'Your ticket {{number}} has been taken by {{name}} of {{department}}. We will handle it soon.',
  residentReplied: 'About your ticket {{number}}, {{name}} replies: {{text}}',
  residentResolved: 'Your ticket {{number}} has been resolved: {{text}}. If the problem is still there, reply "not fixed {{number}}" and we will reopen it.',
  residentReassigned: 'Your ticket {{number}} has been passed to {{department}}.',
  escalatedToYou: 'Ticket {{number}} was escalated by {{name}}; please follow it up.',
  staffTicketCancelled: 'The resident cancelled ticket {{number}} ({{text}}); nothing more to do on it.',
  staffResidentAdded: 'The resident added to your ticket {{number}}: {{text}}',
  actionRefused: 'You are not allowed to act on this ticket; the attempt has been logged.',
  actionNotAllowed: 'That did not work: ticket {{number}} is {{status}}, so "{{action}}" is not possible now.',
  actionIncomplete: 'That did not work: "{{action}}" needs text or a valid person or department to pass it to; complete it on the card and try again.',
  actionDone: 'Done: {{number}} {{action}}',
  queueEmpty: 'You have no open tickets.',
  queueHeader: 'Your open tickets (by deadline):',
  queueLine: '{{number}} · {{category}} · {{status}} · reply by {{due}}',
  ticketNotFound: 'No ticket {{number}}.',
  ticketDetail: '{{number}} · {{category}} · {{status}}\n{{text}}\nHistory:\n{{history}}',
};
