import type { Clock } from '../domain/clock.js';
import { OPEN_STATUSES } from '../domain/transitions.js';
import { watchOf } from '../store/sla-timers.js';
import type { Store } from '../store/store.js';
import type { Ticket } from '../store/ticket-repository.js';

export interface SlaCheckResult {
  open: number;
  rebooked: number;
  forgotten: number;
}

/**
 * The SLA job trusts the watches in its timers; this hourly check makes them true again where a
 * process stopped between a ticket change and the rewrite of its watch: every open ticket whose
 * watch is missing, older than the ticket, held twice, or in a minute the job has already passed is
 * booked again, and watches of tickets no longer open are removed. It reads every open ticket (a scan of `tickets` on FerretDB, rare work).
 */
export async function runSlaCheckJob(store: Store, _clock: Clock): Promise<SlaCheckResult> {
  const timers = store.tickets.slaTimers;
  const watches = await timers.allWatches();
  const handledThrough = await timers.handledThrough();
  const result: SlaCheckResult = { open: 0, rebooked: 0, forgotten: 0 };
  const open = new Set<string>();
  for await (const ticket of store.tickets.tickets.find({ status: { $in: [...OPEN_STATUSES] } }).lean().cursor()) {
    const current = ticket as Ticket;
    open.add(current.number);
    result.open += 1;
    const watched = watches.get(current.number);
    const readable = watched && (handledThrough === null || watched.key > handledThrough);
    if (watched && readable && watched.copies === 1 && watched.watch.version >= current.version) continue;
    if (!watched && watchOf(current, store.property).stages.length === 0) continue;
    await timers.book(current);
    result.rebooked += 1;
  }
  for (const number of watches.keys()) {
    if (open.has(number)) continue;
    await timers.forget(number);
    result.forgotten += 1;
  }
  return result;
}
