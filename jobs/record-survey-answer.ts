import { isEarlierRound, refuseUnlessAtRound, resolutionRound } from '../domain/callback-rounds.js';
import type { Clock } from '../domain/clock.js';
import { answerClosesTicket } from '../domain/ticket-closing.js';
import { isOpen } from '../domain/transitions.js';
import type { SurveyAnswer } from '../store/models/survey.js';
import { claim } from '../store/claims.js';
import { claimModel } from '../store/models/support.js';
import type { Store } from '../store/store.js';
import { Surveys } from '../store/surveys.js';
import { closeResolvedTicket } from './closing-job.js';
import { reopenForRework } from './rework.js';

export type SurveyAnswerOutcome = { recorded: false } | { recorded: true; reopened: boolean; reworkDueAt: Date | null; closed: boolean };

/**
 * Stores a resident's survey answer on the ticket (satisfaction + a 'survey' event). A satisfied or
 * basically satisfied answer ends the callback cycle: the system closes the resolved ticket (a
 * 'closed' event saying why; the resident's thank-you is the only reply). A dissatisfied answer
 * reopens the ticket with rework due within 24 hours and tells the department and the service head;
 * once resolved again, the survey job asks again (the next round). An answer to a survey of an earlier
 * round (the ticket was reworked since, and the survey not yet superseded) is only kept in the history.
 */
export async function recordSurveyAnswer(store: Store, ticketNumber: string, answer: SurveyAnswer, text: string | null, clock: Clock): Promise<SurveyAnswerOutcome> {
  const surveys = new Surveys(store.connection);
  const survey = await surveys.openFor(ticketNumber.trim().toUpperCase());
  if (!survey) return { recorded: false };
  const at = clock();
  // one answer per survey (a unique insert); the survey is marked answered last, so a stop half-way
  // leaves it open and, unanswered after 2 days, it becomes a callback task rather than a lost rework
  if (!(await claim(claimModel(store.connection, 'surveyAnswerClaims'), survey._id, survey.ticketNumber, at))) return { recorded: false };
  const ticket = await store.tickets.getByNumber(survey.ticketNumber);
  const resident = { kind: 'resident' as const, id: ticket.resident?.accountId ?? 'resident' };
  if (isEarlierRound(survey.round, resolutionRound(ticket))) {
    await store.tickets.record(ticket.number, 'survey', { by: resident, at, text: text ?? undefined, data: { answer, round: survey.round, earlierRound: true } });
    await surveys.answer(survey._id, answer, text, at);
    return { recorded: true, reopened: false, reworkDueAt: null, closed: false };
  }
  const recorded = await store.tickets.record(ticket.number, 'survey', { by: resident, at, text: text ?? undefined, data: { answer, round: survey.round }, set: { satisfaction: answer } });
  // judged on the ticket as the answer was written to it; one reopened since, reopenForRework refuses (the answer is then history only)
  const why = { reason: 'survey' as const, round: survey.round, comment: text, keyPrefix: `rework:${survey._id}`, answered: { kind: 'survey' as const, id: survey._id } };
  const reworkDueAt = answer === 'dissatisfied' && !isOpen(recorded.status) ? await reopenForRework(store, recorded, why, at) : null;
  // only the resolution this survey asked about (a ticket reworked since waits for its own survey)
  const sameRound = refuseUnlessAtRound(survey.round, 'reopened since this survey was sent');
  const closes = answerClosesTicket(answer) && !(await taskStillOpen(surveys, ticket.number, survey.round));
  const closed = closes ? (await closeResolvedTicket(store, ticket.number, { reason: 'survey', answer, round: survey.round }, at, sameRound)) !== null : false;
  await surveys.answer(survey._id, answer, text, at);
  return { recorded: true, reopened: reworkDueAt !== null, reworkDueAt, closed };
}

/** An open callback task of the survey's round (an in-person visit sampled with it) still belongs to the cycle: the visit's result or the closing job closes the ticket. */
async function taskStillOpen(surveys: Surveys, ticketNumber: string, round: number): Promise<boolean> {
  return (await surveys.openTasksOf([ticketNumber])).some((task) => !isEarlierRound(task.round, round));
}
