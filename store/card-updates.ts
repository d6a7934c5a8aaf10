import type { Outbox } from './outbox.js';

/**
 * Every dispatch card already sent for the ticket is updated in place (one entry per card and ticket
 * version; the notifier renders the ticket as it is when it sends), so each copy shows the current
 * status, who has it and the latest event.
 */
export async function queueCardUpdates(outbox: Outbox, ticket: { number: string; version: number }, at: Date): Promise<void> {
  for (const sent of await outbox.sentCards(ticket.number)) {
    if (!sent.sentActivityId) continue;
    await outbox.record(
      { key: `card-update:${sent._id}:v${ticket.version}`, kind: 'card-update', conversationKey: sent.conversationKey, ticketNumber: ticket.number, payload: { ...outbox.payloadOf(sent), activityId: sent.sentActivityId } },
      at,
    );
  }
}
