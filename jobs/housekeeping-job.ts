import type { Clock } from '../domain/clock.js';
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
 * tickets closed or cancelled over 30 days ago (and messages of no ticket), their intake keys, and
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
  const finishedBefore = (numbers: readonly string[], at: Date) => store.tickets.finishedBefore(numbers, at);
  return {
    outboxEntries: await store.outbox.pruneSettled(before, finishedBefore),
    intakeKeys: await store.tickets.forgetFinishedIntakes(before),
    conversations: await store.botState.pruneIdleConversations(before),
    ticketsArchived: await store.tickets.archiveFinished(before),
  };
}
