import { resolutionRound, settledBecause, type SettledBecause } from '../domain/callback-rounds.js';
import type { Clock } from '../domain/clock.js';
import { callbackDecision, callbackDueAt } from '../domain/sampling.js';
import { workingCalendarFor } from '../domain/sla-clock.js';
import { slaPolicyFor } from '../domain/sla-policy.js';
import { CATEGORY_LABELS } from '../domain/vocabulary.js';
import type { CallbackMethod } from '../store/models/callback-task.js';
import { recipientsFor } from '../store/recipients.js';
import { roundAndStatusOf } from '../store/resolution-rounds.js';
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
 * reopened for rework since (the survey is then superseded: the next round asks again), closed or
 * cancelled (superseded too). A closed or cancelled ticket is never surveyed nor given a task.
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
    const made = settledBecause(survey.round, ticket) ?? (await createTask(store, surveys, ticket, task, now));
    if (made === 'created') result.callbackTasks += 1;
    if (made === 'created' || made === 'existed') await surveys.expire(survey._id);
    else await supersedeCallbacks(store, surveys, ticket.number, [{ kind: 'survey', id: survey._id }], SYSTEM.id, now, made);
  }
  return result;
}

/** Sends the survey for a ticket resolved (again), when it is sampled, or makes a callback task when there is no chat. */
async function surveyResolved(store: Store, surveys: Surveys, number: string, now: Date, result: SurveyJobResult): Promise<void> {
  const ticket = await store.tickets.findByNumber(number);
  // closed since (an earlier round's callback counted for this resolution) or reopened: nobody to ask
  if (!ticket?.resolvedAt || ticket.status !== 'resolved') return;
  const round = resolutionRound(ticket);
  const decision = callbackDecision(ticket.number, ticket.category, store.property.callbackRates);
  if (!decision.callback && round === 0) return;
  const id = Surveys.idOf(ticket.number, round);
  if (decision.inPerson) {
    const visit = await createTask(store, surveys, ticket, { id: `${id}:visit`, round, method: 'visit', reason: 'in-person' }, now);
    // reopened since the ticket was read (its next resolution is surveyed afresh), or closed
    if (visit !== 'created' && visit !== 'existed') return;
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
 * asks in chat only while it still waits: its round still the ticket's current one, the ticket not
 * closed or cancelled, the survey still sent. That is read after each of our writes, as rework and
 * closing read the open surveys after their reopen or close, so a survey of a round reworked or
 * closed meanwhile is seen by one side or the other and superseded, never left open. A run stopped
 * half-way comes back here (the resolution is still queued) and the ask's outbox key keeps it to one
 * message. True when this run made the survey.
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
  const settled = async () => {
    const because = await settledSince(store, ticket.number, survey.round);
    // the survey's status last, right before the ask: a rework or close supersedes after writing the ticket
    if (because === null && (await surveys.isSent(survey.id))) return false;
    // also when settled by someone else: this moves a pointer we set after their supersede on
    await supersedeCallbacks(store, surveys, ticket.number, [{ kind: 'survey', id: survey.id }], SYSTEM.id, now, because ?? 'reworked');
    return true;
  };
  if (await settled()) return false;
  await surveys.pointAccountAt(survey.id);
  // a rework between the read above and the pointer found no pointer to move on: read once more.
  // One between this read and the queued ask still gets the resident asked once; the pointer has
  // moved on, so their reply is not read as an answer to it.
  if (await settled()) return false;
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
 * Makes a callback task once (the task id is the claim); then, if the ticket still waits on it (read
 * after the insert: still at the task's round, neither closed nor cancelled — rework and closing read
 * the open tasks after their reopen or close, so one side or the other sees a task made meanwhile and
 * supersedes it), notes it on the ticket and tells the service department. A task superseded so is told
 * to nobody. A run stopped after the insert comes back here (the survey is still sent, the resolution
 * still queued), finds the task made and does the rest: the note once (looked up on the ticket), the
 * messages once (their outbox keys).
 */
async function createTask(store: Store, surveys: Surveys, ticket: Ticket, { id, round, method, reason }: NewTask, now: Date): Promise<'created' | 'existed' | SettledBecause> {
  const dueAt = callbackDueAt(ticket.resolvedAt ?? now, slaPolicyFor(store.property), workingCalendarFor(store.property));
  const created = await surveys.createTask({ _id: id, ticketNumber: ticket.number, round, category: ticket.category, reason, method, status: 'open', dueAt, createdAt: now });
  const fresh = (await store.tickets.findByNumber(ticket.number)) ?? ticket;
  const because = settledBecause(round, fresh);
  if (because) {
    await supersedeCallbacks(store, surveys, ticket.number, [{ kind: 'task', id }], SYSTEM.id, now, because);
    return because;
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

/** Why a survey or task of `round` no longer waits on the ticket, read now (its status and round only); null while it does. */
async function settledSince(store: Store, number: string, round: number): Promise<SettledBecause | null> {
  const ticket = await roundAndStatusOf(store.tickets.tickets, number);
  return ticket && settledBecause(round, ticket);
}
