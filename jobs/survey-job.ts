import { isEarlierRound, resolutionRound } from '../domain/callback-rounds.js';
import type { Clock } from '../domain/clock.js';
import { callbackDecision, callbackDueAt } from '../domain/sampling.js';
import { workingCalendarFor } from '../domain/sla-clock.js';
import { slaPolicyFor } from '../domain/sla-policy.js';
import { CATEGORY_LABELS } from '../domain/vocabulary.js';
import type { CallbackMethod } from '../store/models/callback-task.js';
import { recipientsFor } from '../store/recipients.js';
import type { Store } from '../store/store.js';
import { Surveys } from '../store/surveys.js';
import type { Ticket } from '../store/ticket-repository.js';
import { localTime, recordResidentText, recordStaffTexts, staffText } from './job-messages.js';
import { supersedeCallbacks } from './supersede-callbacks.js';

const DAY_MS = 86_400_000;
/** How long a resident has to answer the chat survey before staff call back. */
export const SURVEY_ANSWER_DAYS = 2;

const SYSTEM = { kind: 'system' as const, id: 'survey-job', name: 'PropDesk' };

export interface SurveyJobResult {
  surveysSent: number;
  callbackTasks: number;
  visits: number;
}

/**
 * Callback surveys. A resolved ticket is surveyed when the domain's sampling picks it (complaints
 * always; a reworked ticket always); the resident gets the survey in chat, or staff get a callback
 * task when there is no chat. Sampled repairs flagged for an in-person visit also go to the visit
 * list. A survey unanswered for 2 days becomes a phone callback task, unless the ticket has been
 * reopened for rework since (the survey is then superseded: the next round asks again).
 */
export async function runSurveyJob(store: Store, clock: Clock): Promise<SurveyJobResult> {
  const now = clock();
  const surveys = new Surveys(store.connection);
  const result: SurveyJobResult = { surveysSent: 0, callbackTasks: 0, visits: 0 };

  for (const entry of await store.tickets.resolved.pending(now)) {
    await surveyResolved(store, surveys, entry.number, now, result);
    await store.tickets.resolved.done(entry._id);
  }

  for (const survey of await surveys.unansweredBy(now)) {
    const ticket = await store.tickets.findByNumber(survey.ticketNumber);
    if (ticket && isEarlierRound(survey.round, resolutionRound(ticket))) {
      await supersedeCallbacks(store, surveys, survey.ticketNumber, [{ kind: 'survey', id: survey._id }], SYSTEM.id, now);
      continue;
    }
    const task = { id: survey._id, round: survey.round, method: 'phone', reason: 'no-answer' } as const;
    if (ticket && (await createTask(store, surveys, ticket, task, now))) result.callbackTasks += 1;
    await surveys.expire(survey._id);
  }
  return result;
}

/** Sends the survey for a ticket resolved (again), when it is sampled, or makes a callback task when there is no chat. */
async function surveyResolved(store: Store, surveys: Surveys, number: string, now: Date, result: SurveyJobResult): Promise<void> {
  const ticket = await store.tickets.findByNumber(number);
  if (!ticket?.resolvedAt || (ticket.status !== 'resolved' && ticket.status !== 'closed')) return;
  const round = resolutionRound(ticket);
  const decision = callbackDecision(ticket.number, ticket.category, store.property.callbackRates);
  if (!decision.callback && round === 0) return;
  const id = Surveys.idOf(ticket.number, round);
  if (decision.inPerson && (await createTask(store, surveys, ticket, { id: `${id}:visit`, round, method: 'visit', reason: 'in-person' }, now))) result.visits += 1;
  if (await surveys.exists(id)) {
    await surveys.pointAccountAt(id);
    return;
  }
  if (await recordResidentText(store, ticket, `survey:${id}`, 'jobSurveyAsk', {}, now)) {
    const created = await surveys.create({
      _id: id,
      ticketNumber: ticket.number,
      round,
      conversationKey: ticket.resident?.conversationKey ?? null,
      residentAccountId: ticket.resident?.accountId ?? null,
      inPerson: decision.inPerson,
      status: 'sent',
      sentAt: now,
      answerDueAt: new Date(now.getTime() + SURVEY_ANSWER_DAYS * DAY_MS),
    });
    if (created) result.surveysSent += 1;
  } else if (await createTask(store, surveys, ticket, { id, round, method: 'phone', reason: 'no-chat' }, now)) {
    result.callbackTasks += 1;
  }
}

interface NewTask {
  id: string;
  round: number;
  method: CallbackMethod;
  reason: 'no-answer' | 'in-person' | 'no-chat';
}

/** Creates a callback task once (the task id is the claim) and tells the service department. */
async function createTask(store: Store, surveys: Surveys, ticket: Ticket, { id, round, method, reason }: NewTask, now: Date): Promise<boolean> {
  const dueAt = callbackDueAt(ticket.resolvedAt ?? now, slaPolicyFor(store.property), workingCalendarFor(store.property));
  const values = {
    number: ticket.number,
    category: CATEGORY_LABELS[ticket.category].zh,
    method: staffText(method === 'visit' ? 'jobMethodVisit' : 'jobMethodPhone'),
    due: localTime(dueAt, store.property.timeZone),
  };
  await recordStaffTexts(store, await recipientsFor(store.staff, 'service'), { keyPrefix: `callback-task:${id}`, ticketNumber: ticket.number, key: 'jobCallbackTask', values }, now);
  const created = await surveys.createTask({ _id: id, ticketNumber: ticket.number, round, category: ticket.category, reason, method, status: 'open', dueAt, createdAt: now });
  if (created) await store.tickets.record(ticket.number, 'callback', { by: SYSTEM, at: now, text: `callback task (${method})`, data: { task: id, method, reason, dueAt } });
  return created;
}
