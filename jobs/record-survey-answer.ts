import type { Clock } from '../domain/clock.js';
import type { SurveyAnswer } from '../store/models/survey.js';
import type { Store } from '../store/store.js';
import { Surveys } from '../store/surveys.js';
import { reopenForRework } from './rework.js';

export type SurveyAnswerOutcome = { recorded: false } | { recorded: true; reopened: boolean; reworkDueAt: Date | null };

/**
 * Stores a resident's survey answer on the ticket (satisfaction + a 'survey' event). A dissatisfied
 * answer reopens the ticket with rework due within 24 hours and tells the department and the
 * service head; once resolved again, the survey job asks again (the next round).
 */
export async function recordSurveyAnswer(store: Store, ticketNumber: string, answer: SurveyAnswer, text: string | null, clock: Clock): Promise<SurveyAnswerOutcome> {
  const surveys = new Surveys(store.connection);
  const survey = await surveys.openFor(ticketNumber.trim().toUpperCase());
  if (!survey) return { recorded: false };
  const at = clock();
  if (!(await surveys.answer(survey._id, answer, text, at))) return { recorded: false };
  const ticket = await store.tickets.getByNumber(survey.ticketNumber);
  const resident = { kind: 'resident' as const, id: ticket.resident?.accountId ?? 'resident' };
  await store.tickets.record(ticket.number, 'survey', { by: resident, at, text: text ?? undefined, data: { answer, round: survey.round }, set: { satisfaction: answer } });
  if (answer !== 'dissatisfied') return { recorded: true, reopened: false, reworkDueAt: null };

  const reworkDueAt = await reopenForRework(store, ticket, { reason: 'survey', round: survey.round, comment: text, keyPrefix: `rework:${survey._id}` }, at);
  return { recorded: true, reopened: true, reworkDueAt };
}
