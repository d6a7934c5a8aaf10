import { isEarlierRound, refuseUnlessAtRound, resolutionRound } from '../domain/callback-rounds.js';
import { IllegalTransitionError } from '../domain/transitions.js';
import { queueCardUpdates } from '../store/card-updates.js';
import type { Store } from '../store/store.js';
import { recipientsFor } from '../store/recipients.js';
import type { CallbackRef } from '../store/surveys.js';
import type { Ticket } from '../store/ticket-repository.js';
import { localTime, recordStaffTexts } from './job-messages.js';
import { settleWaitingCallbacks } from './supersede-callbacks.js';

/** Rework after a dissatisfied survey or callback is due within this many hours (manual §2: 24). */
export const REWORK_HOURS = 24;

export interface ReworkReason {
  reason: 'survey' | 'callback' | 'resident';
  /** The resolution round the resident is dissatisfied with: the ticket is reopened only while it is still the current one. */
  round: number;
  comment: string | null;
  keyPrefix: string;
  /** The survey or task whose answer reopens the ticket: its caller settles it, it is not superseded. */
  answered?: CallbackRef;
}

/**
 * Reopens a ticket the resident is dissatisfied with: rework due within 24 hours, the department and
 * the service head told once (under `keyPrefix`), its staff cards updated. Then the surveys and callback tasks still waiting on
 * the ticket's earlier rounds are superseded (named in a `callback` event: the `reopened` event is
 * written before anything is superseded); the next resolution is surveyed afresh. Returns when the
 * rework is due, or null when the ticket is no longer at `why.round` resolved or closed (reopened
 * since, maybe resolved again): the answer is then history only.
 */
export async function reopenForRework(store: Store, ticket: Ticket, why: ReworkReason, at: Date): Promise<Date | null> {
  const reworkDueAt = new Date(at.getTime() + REWORK_HOURS * 3_600_000);
  let reopened: Ticket;
  try {
    reopened = await store.tickets.act(ticket.number, 'reopen', {
      by: { kind: 'system', id: why.reason, name: 'PropDesk' },
      at,
      text: why.comment ?? undefined,
      data: { reason: why.reason, round: why.round },
      set: { resolveDueAt: reworkDueAt, resolveBreached: false, assignee: ticket.assignee ?? null },
      refuseIf: refuseUnlessAtRound(why.round, 'reopened since'),
    });
  } catch (err) {
    if (err instanceof IllegalTransitionError) return null;
    throw err;
  }
  const leads = await recipientsFor(store.staff, ticket.department, ['service-head']);
  const values = { number: ticket.number, comment: why.comment ?? '—', due: localTime(reworkDueAt, store.property.timeZone) };
  await recordStaffTexts(store, leads, { keyPrefix: why.keyPrefix, ticketNumber: ticket.number, key: 'jobReworkNeeded', values }, at);
  await queueCardUpdates(store.outbox, reopened, at);
  const round = resolutionRound(reopened);
  await settleWaitingCallbacks(store, reopened.number, 'reworked', why.answered, 'rework', at, (callback) => isEarlierRound(callback.round, round));
  return reworkDueAt;
}
