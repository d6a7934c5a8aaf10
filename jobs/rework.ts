import type { Store } from '../store/store.js';
import { recipientsFor } from '../store/recipients.js';
import type { Ticket } from '../store/ticket-repository.js';
import { localTime, recordStaffTexts } from './job-messages.js';

/** Rework after a dissatisfied survey or callback is due within this many hours (manual §2: 24). */
export const REWORK_HOURS = 24;

/**
 * Reopens a ticket the resident is dissatisfied with: rework due within 24 hours, the department and
 * the service head told once (under `keyPrefix`). Returns when the rework is due.
 */
export async function reopenForRework(
  store: Store,
  ticket: Ticket,
  why: { reason: 'survey' | 'callback' | 'resident'; round: number; comment: string | null; keyPrefix: string },
  at: Date,
): Promise<Date> {
  const reworkDueAt = new Date(at.getTime() + REWORK_HOURS * 3_600_000);
  await store.tickets.act(ticket.number, 'reopen', {
    by: { kind: 'system', id: why.reason, name: 'PropDesk' },
    at,
    text: why.comment ?? 'dissatisfied',
    data: { reason: why.reason, round: why.round },
    set: { resolveDueAt: reworkDueAt, resolveBreached: false, assignee: ticket.assignee ?? null },
  });
  const leads = await recipientsFor(store.staff, ticket.department, ['service-head']);
  const values = { number: ticket.number, comment: why.comment ?? '—', due: localTime(reworkDueAt, store.property.timeZone) };
  await recordStaffTexts(store, leads, { keyPrefix: why.keyPrefix, ticketNumber: ticket.number, key: 'jobReworkNeeded', values }, at);
  return reworkDueAt;
}
