import type { Clock } from '../domain/clock.js';
import { NOTICE_CARD_KIND } from '../store/notices.js';
import type { SettledEntry } from '../store/outbox.js';
import type { Store } from '../store/store.js';

/** How long a finished ticket's messages and an idle conversation are kept. */
export const HOUSEKEEPING_AFTER_DAYS = 30;

export interface HousekeepingResult {
  outboxEntries: number;
  intakeKeys: number;
  conversations: number;
}

/**
 * `propdesk job housekeeping`: drops working data nothing will read again — the message log of
 * tickets closed or cancelled over 30 days ago and of notices archived, other messages settled over
 * 30 days ago, the finished tickets' intake keys, and conversation states idle for 30 days (a
 * resident coming back then starts afresh instead of confirming a month-old request). Tickets and
 * their history are never touched. On FerretDB every look-up reads the whole collection, so this
 * keeps each turn's and each delivery's cost flat.
 */
export async function runHousekeepingJob(store: Store, clock: Clock): Promise<HousekeepingResult> {
  const before = new Date(clock().getTime() - HOUSEKEEPING_AFTER_DAYS * 86_400_000);
  return {
    outboxEntries: await store.outbox.pruneSettled(before, (entries) => settledForGood(store, entries, before)),
    intakeKeys: await store.tickets.forgetFinishedIntakes(before),
    conversations: await store.botState.pruneIdleConversations(before),
  };
}

/**
 * A message's key can be dropped once nothing would record it again: a ticket's once the ticket is
 * finished; a notice card's once the notice is archived (publishing a published notice again records
 * only the cards not yet recorded); the rest (handovers, reports, CAPA, archive requests) are keyed
 * by a moment or a record that is never produced twice.
 */
async function settledForGood(store: Store, entries: SettledEntry[], before: Date): Promise<Set<string>> {
  const finishedTickets = await store.tickets.finishedBefore(entries.flatMap((entry) => (entry.ticketNumber ? [entry.ticketNumber] : [])), before);
  const noticeOf = new Map(
    entries.filter((entry) => !entry.ticketNumber && entry.kind === NOTICE_CARD_KIND).map((entry) => [entry._id, String((JSON.parse(entry.payloadJson) as { noticeId?: unknown }).noticeId ?? '')]),
  );
  const archivedNotices = await store.notices.archivedAmong([...noticeOf.values()]);
  const done = entries.filter((entry) => {
    if (entry.ticketNumber) return finishedTickets.has(entry.ticketNumber);
    const noticeId = noticeOf.get(entry._id);
    return noticeId === undefined || archivedNotices.has(noticeId);
  });
  return new Set(done.map((entry) => entry._id));
}
