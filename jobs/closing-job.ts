import { isEarlierRound } from '../domain/callback-rounds.js';
import type { Clock } from '../domain/clock.js';
import { workingCalendarFor } from '../domain/sla-clock.js';
import { slaPolicyFor } from '../domain/sla-policy.js';
import { closesAfterGrace, closingCandidatesBefore, closingGraceWorkingDays } from '../domain/ticket-closing.js';
import { IllegalTransitionError } from '../domain/transitions.js';
import { inChunks } from '../store/in-chunks.js';
import { closedOrCancelledAmong, resolutionRoundsOf } from '../store/resolution-rounds.js';
import { queueCardUpdates } from '../store/card-updates.js';
import type { Store } from '../store/store.js';
import { Surveys, type CallbackRef, type OpenCallback } from '../store/surveys.js';
import type { Ticket } from '../store/ticket-repository.js';
import { settleWaitingCallbacks, supersedeCallbacks } from './supersede-callbacks.js';

export interface ClosingJobResult {
  /** Resolved tickets past the cut-off that were looked at. */
  checked: number;
  closed: number;
}

/**
 * At most this many tickets are closed per run, oldest resolution first: the first run after this job
 * was added finds every ticket ever resolved, and each close is an update that on FerretDB reads all
 * of `tickets` — the backlog is worked off over the following nights instead of holding the write gate
 * for hours. (Tickets still waiting on a survey or callback do not count, so they cannot hold up the rest.)
 */
export const CLOSES_PER_RUN = 300;

export type ClosingReason = { reason: 'survey'; answer: string; round: number } | { reason: 'callback'; answer: string; task: string } | { reason: 'grace'; workingDays: number };

const CLOSING_TEXT: Readonly<Record<ClosingReason['reason'], string>> = {
  survey: 'the resident answered the survey satisfied',
  callback: 'the resident was satisfied at the callback',
  grace: 'no survey or callback open and nothing more from the resident',
};

/**
 * Closes a resolved ticket by the system, with an event saying why, through the repository's `act`
 * (which re-reads the ticket, checks the transition, claims the version and updates the SLA watch),
 * then settles the surveys and callback tasks still waiting on it. A ticket that is no longer resolved
 * (reopened meanwhile, or already closed), or that `refuseIf` refuses (resolved again since what the
 * caller judged), is left as it is: null.
 */
export async function closeResolvedTicket(store: Store, number: string, why: ClosingReason, at: Date, refuseIf?: (ticket: Ticket) => string | null): Promise<Ticket | null> {
  const { reason, ...data } = why;
  const by = { kind: 'system' as const, id: `closing:${reason}`, name: 'PropDesk' };
  let closed: Ticket;
  try {
    closed = await store.tickets.act(number, 'close', { by, at, text: CLOSING_TEXT[reason], data: { reason, ...data }, refuseIf });
  } catch (err) {
    if (err instanceof IllegalTransitionError) return null;
    throw err;
  }
  // a grace close follows a read that found nothing waiting, and earlier rounds' just settled: nothing to read again
  if (why.reason !== 'grace') await settleWaitingCallbacks(store, closed.number, 'closed', answeredIn(closed.number, why), by.id, at);
  // the staff's dispatch cards show it closed, without buttons that act on it
  await queueCardUpdates(store.outbox, closed, at);
  return closed;
}

/** The survey or task whose answer closes the ticket: its caller marks it answered or done. */
function answeredIn(number: string, why: ClosingReason): CallbackRef | undefined {
  if (why.reason === 'survey') return { kind: 'survey', id: Surveys.idOf(number, why.round) };
  if (why.reason === 'callback') return { kind: 'task', id: why.task };
  return undefined;
}

/**
 * `propdesk job closing` (daily): closes resolved tickets no survey or callback is waiting on once the
 * grace period is over (domain/ticket-closing.ts: the callback window, 10 working days of resolution).
 * It reads only the tickets resolved before the earliest possible cut-off (an indexed range on
 * `status` + `resolvedAt`, never a scan of `tickets`), then the open surveys and callback tasks of
 * those numbers (indexed by ticket number; only those of the ticket's current round count, earlier
 * rounds' are superseded) and their resolutions the survey job has not looked at yet (a small queue).
 * The resident is told nothing more: they were told at resolution and asked at the survey; the staff's
 * dispatch cards are updated in place to show the ticket closed. Each run
 * first settles the surveys and tasks still waiting on closed or cancelled tickets (a daily repair).
 */
export async function runClosingJob(store: Store, clock: Clock): Promise<ClosingJobResult> {
  return closeDueTickets(store, clock(), CLOSES_PER_RUN);
}

/** One run of the closing job at `now`, closing no more than `limit` tickets (oldest resolution first). */
export async function closeDueTickets(store: Store, now: Date, limit: number): Promise<ClosingJobResult> {
  const calendar = workingCalendarFor(store.property);
  const workingDays = closingGraceWorkingDays(slaPolicyFor(store.property));
  const candidates = await store.tickets.tickets
    .find({ status: 'resolved', resolvedAt: { $lt: closingCandidatesBefore(now, workingDays) } }, { _id: 1, number: 1, resolvedAt: 1 })
    .sort({ resolvedAt: 1 })
    .lean();
  const result: ClosingJobResult = { checked: candidates.length, closed: 0 };
  const surveys = new Surveys(store.connection);
  await settleEndedTickets(store, surveys, now);
  for (const chunk of inChunks(candidates)) {
    const numbers = chunk.map((ticket) => ticket.number);
    // the survey job makes the survey or task first and drops the queue entry last: read in the opposite order
    const unseen = await store.tickets.resolved.pendingAmong(numbers);
    const open = await openCallbacksByRound(store, surveys, numbers);
    // a daily repair: earlier rounds' left open by a stop between a reopen and its supersede, or by a rework done before rounds were kept
    for (const [number, callbacks] of open.earlier) await supersedeCallbacks(store, surveys, number, callbacks, 'closing', now);
    const waiting = new Set([...unseen, ...open.currentRound]);
    for (const ticket of chunk) {
      if (!ticket.resolvedAt) continue;
      if (!closesAfterGrace({ resolvedAt: ticket.resolvedAt, callbackOpen: waiting.has(ticket.number) }, now, workingDays, calendar)) continue;
      // resolved again since this read (reopened and reworked): its new resolution has a grace period of its own
      const resolvedAt = ticket.resolvedAt.getTime();
      const sameResolution = (stored: Ticket) => (stored.resolvedAt?.getTime() === resolvedAt ? null : 'resolved again since');
      if (await closeResolvedTicket(store, ticket.number, { reason: 'grace', workingDays }, now, sameResolution)) result.closed += 1;
      if (result.closed >= limit) return result;
    }
  }
  return result;
}

/**
 * Of `numbers`, the tickets a survey or callback task of their current round is still waiting on, and
 * per ticket the surveys and tasks of earlier rounds still open (they wait on nothing).
 */
async function openCallbacksByRound(store: Store, surveys: Surveys, numbers: readonly string[]): Promise<{ currentRound: Set<string>; earlier: Map<string, CallbackRef[]> }> {
  const open = await surveys.openCallbacksOf(numbers);
  const rounds = await resolutionRoundsOf(store.tickets.tickets, open.map((callback) => callback.ticketNumber));
  const isEarlier = (callback: OpenCallback) => isEarlierRound(callback.round, rounds.get(callback.ticketNumber) ?? 0);
  const currentRound = new Set(open.filter((callback) => !isEarlier(callback)).map((callback) => callback.ticketNumber));
  return { currentRound, earlier: byTicket(open.filter(isEarlier)) };
}

/**
 * A daily repair: surveys still sent and callback tasks still open on a ticket closed or cancelled
 * (a stop between a close and its settle, a close from before closes settled them, a cancel) are
 * superseded, so they neither expire into tasks nor stay on the callback and visit lists.
 */
async function settleEndedTickets(store: Store, surveys: Surveys, now: Date): Promise<void> {
  const open = await surveys.allOpenCallbacks();
  const ended = await closedOrCancelledAmong(store.tickets.tickets, open.map((callback) => callback.ticketNumber));
  const waiting = byTicket(open.filter((callback) => ended.has(callback.ticketNumber)));
  for (const [number, callbacks] of waiting) await supersedeCallbacks(store, surveys, number, callbacks, 'closing', now, ended.get(number));
}

/** Open surveys and tasks grouped by their ticket. */
function byTicket(callbacks: readonly OpenCallback[]): Map<string, CallbackRef[]> {
  const grouped = new Map<string, CallbackRef[]>();
  for (const { kind, id, ticketNumber } of callbacks) grouped.set(ticketNumber, [...(grouped.get(ticketNumber) ?? []), { kind, id }]);
  return grouped;
}
