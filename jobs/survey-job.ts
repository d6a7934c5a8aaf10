import { isEarlierRound, resolutionRound } from '../domain/callback-rounds.js';
import type { Clock } from '../domain/clock.js';
import { callbackDecision, callbackDueAt } from '../domain/sampling.js';
import { workingCalendarFor } from '../domain/sla-clock.js';
import { slaPolicyFor } from '../domain/sla-policy.js';
import { CATEGORY_LABELS } from '../domain/vocabulary.js';
import type { CallbackMethod } from '../store/models/callback-task.js';
import { recipientsFor } from '../store/recipients.js';
import { resolutionRoundOf } from '../store/resolution-rounds.js';
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
    if (!ticket) {
      await surveys.expire(survey._id);
      continue;
    }
    const task = { id: survey._id, round: survey.round, method: 'phone', reason: 'no-answer' } as const;
    const made = isEarlierRound(survey.round, resolutionRound(ticket)) ? 'superseded' : await createTask(store, surveys, ticket, task, now);
    if (made === 'created') result.callbackTasks += 1;
    if (made === 'superseded') await supersedeCallbacks(store, surveys, ticket.number, [{ kind: 'survey', id: survey._id }], SYSTEM.id, now);
    else await surveys.expire(survey._id);
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
  if (decision.inPerson) {
    const visit = await createTask(store, surveys, ticket, { id: `${id}:visit`, round, method: 'visit', reason: 'in-person' }, now);
    // reopened since the ticket was read: its next resolution is surveyed afresh
    if (visit === 'superseded') return;
    if (visit === 'created') result.visits += 1;
  }
  if (ticket.resident?.conversationKey) {
    if (await askInChat(store, surveys, ticket, { id, round, inPerson: decision.inPerson }, now)) result.surveysSent += 1;
  } else if ((await createTask(store, surveys, ticket, { id, round, method: 'phone', reason: 'no-chat' }, now)) === 'created') {
    result.callbackTasks += 1;
  }
}

/**
 * Inserts the chat survey (once: its id is the claim), then points the resident's account at it and
 * asks in chat only while its round is still the ticket's current one. The round is read after each of
 * our writes, as rework reads the open surveys after its reopen, so a survey of a round reworked
 * meanwhile is seen by one side or the other and superseded, never left open. A run stopped half-way
 * comes back here (the resolution is still queued) and the ask's outbox key keeps it to one message.
 * True when this run made the survey.
 */
async function askInChat(store: Store, surveys: Surveys, ticket: Ticket, survey: { id: string; round: number; inPerson: boolean }, now: Date): Promise<boolean> {
  const created = await surveys.create({
    _id: survey.id,
    ticketNumber: ticket.number,
    round: survey.round,
    conversationKey: ticket.resident?.conversationKey ?? null,
    residentAccountId: ticket.resident?.accountId ?? null,
    inPerson: survey.inPerson,
    status: 'sent',
    sentAt: now,
    answerDueAt: new Date(now.getTime() + SURVEY_ANSWER_DAYS * DAY_MS),
  });
  const superseded = async () => {
    if (!(await roundMovedOn(store, ticket.number, survey.round))) return false;
    await supersedeCallbacks(store, surveys, ticket.number, [{ kind: 'survey', id: survey.id }], SYSTEM.id, now);
    return true;
  };
  if (await superseded()) return false;
  await surveys.pointAccountAt(survey.id);
  // a rework between the read above and the pointer found no pointer to move on: read once more
  if (await superseded()) return false;
  await recordResidentText(store, ticket, `survey:${survey.id}`, 'jobSurveyAsk', {}, now);
  return created;
}

interface NewTask {
  id: string;
  round: number;
  method: CallbackMethod;
  reason: 'no-answer' | 'in-person' | 'no-chat';
}

/**
 * Makes a callback task once (the task id is the claim); then, if the ticket is still at the task's
 * round (read after the insert, as rework reads the open tasks after its reopen: one side or the other
 * sees the task of a round reworked meanwhile and supersedes it), notes it on the ticket and tells the
 * service department. A task superseded so is told to nobody. A run stopped after the insert comes back
 * here (the survey is still sent, the resolution still queued), finds the task made and does the rest:
 * the note once (looked up on the ticket), the messages once (their outbox keys).
 */
async function createTask(store: Store, surveys: Surveys, ticket: Ticket, { id, round, method, reason }: NewTask, now: Date): Promise<'created' | 'existed' | 'superseded'> {
  const dueAt = callbackDueAt(ticket.resolvedAt ?? now, slaPolicyFor(store.property), workingCalendarFor(store.property));
  const created = await surveys.createTask({ _id: id, ticketNumber: ticket.number, round, category: ticket.category, reason, method, status: 'open', dueAt, createdAt: now });
  const fresh = (await store.tickets.findByNumber(ticket.number)) ?? ticket;
  if (isEarlierRound(round, resolutionRound(fresh))) {
    await supersedeCallbacks(store, surveys, ticket.number, [{ kind: 'task', id }], SYSTEM.id, now);
    return 'superseded';
  }
  // made by a run that stopped: nobody to tell once it is done or superseded
  if (!created && !(await surveys.isOpenTask(id))) return 'existed';
  const noted = (fresh.events ?? []).some((e) => e.kind === 'callback' && e.by.kind === 'system' && (e.data as { task?: unknown } | undefined)?.task === id);
  if (!noted) await store.tickets.record(ticket.number, 'callback', { by: SYSTEM, at: now, text: `callback task (${method})`, data: { task: id, method, reason, dueAt } });
  const values = {
    number: ticket.number,
    category: CATEGORY_LABELS[ticket.category].zh,
    method: staffText(method === 'visit' ? 'jobMethodVisit' : 'jobMethodPhone'),
    due: localTime(dueAt, store.property.timeZone),
  };
  await recordStaffTexts(store, await recipientsFor(store.staff, 'service'), { keyPrefix: `callback-task:${id}`, ticketNumber: ticket.number, key: 'jobCallbackTask', values }, now);
  return created ? 'created' : 'existed';
}

async function roundMovedOn(store: Store, number: string, round: number): Promise<boolean> {
  const current = await resolutionRoundOf(store.tickets.tickets, number);
  return current !== null && isEarlierRound(round, current);
}
