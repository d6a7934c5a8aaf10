import type { Clock } from '../domain/clock.js';
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
 * tickets closed or cancelled over 30 days ago (and messages of no ticket), their intake keys, and
 * conversation states idle for 30 days (a resident coming back then starts afresh instead of
 * confirming a month-old request). Tickets and their history are never touched. On FerretDB every
 * look-up reads the whole collection, so this keeps each turn's and each delivery's cost flat.
 */
export async function runHousekeepingJob(store: Store, clock: Clock): Promise<HousekeepingResult> {
  const before = new Date(clock().getTime() - HOUSEKEEPING_AFTER_DAYS * 86_400_000);
  const finishedBefore = (numbers: readonly string[], at: Date) => store.tickets.finishedBefore(numbers, at);
  return {
    outboxEntries: await store.outbox.pruneSettled(before, finishedBefore),
    intakeKeys: await store.tickets.forgetFinishedIntakes(before),
    conversations: await store.botState.pruneIdleConversations(before),
  };
}
