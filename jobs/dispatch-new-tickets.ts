import type { Clock } from '../domain/clock.js';
import { routeTicket } from '../domain/routing.js';
import { dispatchCardPayload, recipientsFor } from '../store/recipients.js';
import type { Store } from '../store/store.js';

const SYSTEM = { kind: 'system' as const, id: 'dispatcher', name: 'PropDesk' };

/**
 * Sends every new ticket to its department (and, for major items, to the service head and the
 * project manager): records one dispatch card per recipient conversation in the outbox, then marks
 * the ticket dispatched. Outbox keys make a repeated run record nothing twice.
 *
 * It reads the short list of tickets opened since the last run; `sweep` also scans `tickets` for
 * new ones that a crash kept off that list (a full read on FerretDB, so only now and then).
 */
export async function dispatchNewTickets(store: Store, clock: Clock, options: { limit?: number; sweep?: boolean } = {}): Promise<string[]> {
  const limit = options.limit ?? 100;
  const queued = (await store.tickets.newTickets.find({}, { _id: 1 }).sort({ at: 1 }).limit(limit).lean()).map((q) => q._id);
  const swept = options.sweep ? (await store.tickets.tickets.find({ status: 'new' }, { number: 1 }).limit(limit).lean()).map((t) => t.number) : [];
  const dispatched: string[] = [];
  for (const number of new Set([...queued, ...swept])) {
    const ticket = store.tickets.takeJustOpened(number) ?? (await store.tickets.findByNumber(number));
    if (!ticket || ticket.status !== 'new') {
      await store.tickets.newTickets.deleteOne({ _id: number });
      continue;
    }
    const route = routeTicket(ticket.category, ticket.severity);
    const recipients = await recipientsFor(store.staff, ticket.department, route.alsoNotify);
    const now = clock();
    for (const recipient of recipients) {
      await store.outbox.record(
        { key: `dispatch:${number}:${recipient.conversationKey}`, kind: 'dispatch-card', conversationKey: recipient.conversationKey, ticketNumber: number, payload: { ...dispatchCardPayload(recipient) } },
        now,
      );
    }
    try {
      await store.tickets.act(number, 'dispatch', {
        by: SYSTEM,
        at: now,
        current: ticket,
        data: { department: ticket.department, recipients: recipients.map((r) => r.staffId) },
        text: recipients.length === 0 ? 'no bound staff to receive the card' : undefined,
      });
      dispatched.push(number);
    } catch {
      // cancelled or changed meanwhile: nothing to dispatch
    }
    await store.tickets.newTickets.deleteOne({ _id: number });
  }
  return dispatched;
}
