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

/** The day's next sequence number after the highest stored one. */
export async function nextSequence(tickets: Model<TicketDocument>, prefix: string): Promise<number> {
  const last = await tickets
    .findOne({ number: { $gte: prefix, $lt: `${prefix}\uffff` } }, { number: 1 })
    .sort({ number: -1 })
    .lean();
  if (!last) return 1;
  return Number(last.number.slice(prefix.length)) + 1;
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
