import { DateTime } from 'luxon';
import type { Model } from 'mongoose';
import type { TicketDocument } from './models/ticket.js';

const SEQUENCE_DIGITS = 4;

/** HY01 + 2026-11-26 (property zone) → "HY01-20261126-". */
export function ticketNumberPrefix(propertyCode: string, at: Date, zone: string): string {
  return `${propertyCode}-${DateTime.fromJSDate(at).setZone(zone).toFormat('yyyyLLdd')}-`;
}

export function formatTicketNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * The day's highest sequence number in use, found with `_id` look-ups only (a range query would read
 * the whole collection on FerretDB): double until a number is free, then bisect.
 */
export async function highestSequence(tickets: Model<TicketDocument>, prefix: string): Promise<number> {
  const taken = async (sequence: number) => (await tickets.exists({ _id: formatTicketNumber(prefix, sequence) })) !== null;
  if (!(await taken(1))) return 0;
  let low = 1;
  let high = 2;
  while (await taken(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await taken(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * Serialises number allocation inside one process, so concurrent intakes here do not race each
 * other for the same number; across processes the unique index on `number` decides.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
