import type { Clock } from '../domain/clock.js';
import { routeTicket } from '../domain/routing.js';
import { dispatchCardPayload, recipientsFor } from '../store/recipients.js';
import type { Store } from '../store/store.js';

const SYSTEM = { kind: 'system' as const, id: 'dispatcher', name: 'PropDesk' };

/**
 * Sends every new ticket to its department (and, for major items, to the service head and the
 * project manager): records one dispatch card per recipient conversation in the outbox, then marks
 * the ticket dispatched. Outbox keys make a repeated run record nothing twice.
 */
export async function dispatchNewTickets(store: Store, clock: Clock, limit = 100): Promise<string[]> {
  const pending = await store.tickets.tickets.find({ status: 'new' }, { number: 1 }).sort({ createdAt: 1 }).limit(limit).lean();
  const dispatched: string[] = [];
  for (const { number } of pending) {
    const ticket = await store.tickets.findByNumber(number);
    if (!ticket || ticket.status !== 'new') continue;
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
        data: { department: ticket.department, recipients: recipients.map((r) => r.staffId) },
        text: recipients.length === 0 ? 'no bound staff to receive the card' : undefined,
      });
      dispatched.push(number);
    } catch {
      // cancelled or changed meanwhile: nothing to dispatch
    }
  }
  return dispatched;
}
