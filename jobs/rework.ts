import { isEarlierRound, resolutionRound } from '../domain/callback-rounds.js';
import type { Store } from '../store/store.js';
import { recipientsFor } from '../store/recipients.js';
import { Surveys, type OpenCallback } from '../store/surveys.js';
import type { Ticket } from '../store/ticket-repository.js';
import { localTime, recordStaffTexts } from './job-messages.js';

/** Rework after a dissatisfied survey or callback is due within this many hours (manual §2: 24). */
export const REWORK_HOURS = 24;

/**
 * Reopens a ticket the resident is dissatisfied with: rework due within 24 hours, the department and
 * the service head told once (under `keyPrefix`). The surveys and callback tasks still waiting on the
 * ticket's earlier rounds are superseded (named in the `reopened` event), except `answered`, the one
 * whose answer reopens it (its caller settles it); the next resolution is surveyed afresh. Returns
 * when the rework is due.
 */
export async function reopenForRework(
  store: Store,
  ticket: Ticket,
  why: { reason: 'survey' | 'callback' | 'resident'; round: number; comment: string | null; keyPrefix: string; answered?: Pick<OpenCallback, 'kind' | 'id'> },
  at: Date,
): Promise<Date> {
  const reworkDueAt = new Date(at.getTime() + REWORK_HOURS * 3_600_000);
  const surveys = new Surveys(store.connection);
  // read before the reopen so that its event can name them; one made meanwhile counts for nothing either (domain/callback-rounds.ts)
  const waiting = (await surveys.openCallbacksOf([ticket.number])).filter((callback) => callback.kind !== why.answered?.kind || callback.id !== why.answered.id);
  const superseded = waiting.length > 0 ? { superseded: waiting.map(({ kind, id }) => ({ kind, id })) } : {};
  const reopened = await store.tickets.act(ticket.number, 'reopen', {
    by: { kind: 'system', id: why.reason, name: 'PropDesk' },
    at,
    text: why.comment ?? 'dissatisfied',
    data: { reason: why.reason, round: why.round, ...superseded },
    set: { resolveDueAt: reworkDueAt, resolveBreached: false, assignee: ticket.assignee ?? null },
  });
  await surveys.supersede(waiting.filter((callback) => isEarlierRound(callback.round, resolutionRound(reopened))), at);
  const leads = await recipientsFor(store.staff, ticket.department, ['service-head']);
  const values = { number: ticket.number, comment: why.comment ?? '—', due: localTime(reworkDueAt, store.property.timeZone) };
  await recordStaffTexts(store, leads, { keyPrefix: why.keyPrefix, ticketNumber: ticket.number, key: 'jobReworkNeeded', values }, at);
  return reworkDueAt;
}
