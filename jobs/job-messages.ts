import { DateTime } from 'luxon';
import { translator, type MessageKey } from '../dialogs/i18n.js';
import type { Recipient } from '../store/recipients.js';
import type { Store } from '../store/store.js';
import type { Ticket } from '../store/ticket-repository.js';

/** Staff read PropDesk in Chinese; values that are words are translated here, the notifier fills them in. */
export const staffText = translator('zh-CN');

export function localTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** Records one text per recipient conversation under `${keyPrefix}:${conversationKey}`; returns how many were new. */
export async function recordStaffTexts(
  store: Store,
  recipients: readonly Recipient[],
  message: { keyPrefix: string; ticketNumber?: string; key: MessageKey; values: Record<string, unknown> },
  at: Date,
): Promise<number> {
  let recorded = 0;
  for (const recipient of recipients) {
    const fresh = await store.outbox.record(
      {
        key: `${message.keyPrefix}:${recipient.conversationKey}`,
        kind: 'staff-text',
        conversationKey: recipient.conversationKey,
        ticketNumber: message.ticketNumber,
        payload: { key: message.key, values: message.values, language: 'zh-CN' },
      },
      at,
    );
    if (fresh) recorded += 1;
  }
  return recorded;
}

/** Records a text to the resident who raised the ticket (in the ticket's language); false when there is no chat to reach. */
export async function recordResidentText(store: Store, ticket: Ticket, key: string, message: MessageKey, values: Record<string, unknown>, at: Date): Promise<boolean> {
  const conversationKey = ticket.resident?.conversationKey;
  if (!conversationKey) return false;
  return store.outbox.record(
    { key, kind: 'resident-text', conversationKey, ticketNumber: ticket.number, payload: { key: message, values: { number: ticket.number, ...values }, language: ticket.language ?? 'zh-CN' } },
    at,
  );
}
