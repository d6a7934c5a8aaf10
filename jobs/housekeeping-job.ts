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
  /** Tickets moved from `tickets` to `ticketArchive`. */
  ticketsArchived: number;
}

/**
 * `propdesk job housekeeping`: drops working data nothing will read again — the message log of
 * tickets closed or cancelled over 30 days ago and of archived notices (and other messages of no
 * ticket), their intake keys, and
 * conversation states idle for 30 days (a resident coming back then starts afresh instead of
 * confirming a month-old request) — and moves those tickets, whole, from `tickets` to
 * `ticketArchive`. Nothing of a ticket or its history is deleted. On FerretDB every look-up (and
 * every update) reads the whole collection, so this keeps each turn's, each delivery's and each
 * ticket change's cost flat.
 *
 * Why the move happens here, 30 days after a ticket was finished, and not when it is closed: what
 * can still happen to a finished ticket (a note, a late survey answer or callback, a reopening for
 * rework) happens in the days after; those stay ordinary changes in `tickets`, and closing stays a
 * single update. After 30 days the ticket's intake key is forgotten as well (a retried activity is
 * minutes old), so the unique intake key of `tickets` covering only the tickets there loses nothing.
 * The rare change after the move still works, in the archive (or back in `tickets` when reopened).
 */
export async function runHousekeepingJob(store: Store, clock: Clock): Promise<HousekeepingResult> {
  const before = new Date(clock().getTime() - HOUSEKEEPING_AFTER_DAYS * 86_400_000);
  return {
    outboxEntries: await store.outbox.pruneSettled(before, (entries) => settledForGood(store, entries, before)),
    intakeKeys: await store.tickets.forgetFinishedIntakes(before),
    conversations: await store.botState.pruneIdleConversations(before),
    ticketsArchived: await store.tickets.archiveFinished(before),
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
  const noticeOf = (entry: SettledEntry): string => String((JSON.parse(entry.payloadJson) as { noticeId?: unknown }).noticeId ?? '');
  const archivedNotices = await store.notices.archivedAmong(entries.filter((entry) => entry.kind === NOTICE_CARD_KIND).map(noticeOf));
  const done = entries.filter((entry) => {
    if (entry.ticketNumber) return finishedTickets.has(entry.ticketNumber);
    if (entry.kind === NOTICE_CARD_KIND) return archivedNotices.has(noticeOf(entry));
    return true;
  });
  return new Set(done.map((entry) => entry._id));
}
