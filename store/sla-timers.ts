import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';

const MINUTE_MS = 60_000;
/** Beyond this many minutes to catch up, one read of the (small) timer collection beats a look-up per minute. */
const MAX_MINUTE_LOOKUPS = 360;

interface BucketDocument {
  _id: string;
  numbers: string[];
}

interface CursorDocument {
  _id: string;
  through: Date;
}

/** The minute bucket a stage at `at` falls due in: always the minute after, so a run at that minute sees it due. */
export function bucketKey(at: Date): string {
  return new Date((Math.floor(at.getTime() / MINUTE_MS) + 1) * MINUTE_MS).toISOString().slice(0, 16);
}

function minuteKey(at: Date): string {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS).toISOString().slice(0, 16);
}

export interface DueBucket {
  key: string;
  numbers: string[];
}

/**
 * When the SLA job must look at which ticket: one document per minute (`_id` "2026-11-26T02:05", UTC)
 * listing the ticket numbers with a stage due in it. FerretDB 1.24 serves only `_id` look-ups without
 * reading the whole collection, so a run reads the minutes since the last run by `_id` and the cost
 * follows the due tickets, not the size of `tickets`. Processed minutes are removed.
 */
export class SlaTimers {
  constructor(private readonly connection: Connection) {}

  private get buckets() {
    return this.connection.collection<BucketDocument>('slaTimers');
  }

  private get cursors() {
    return this.connection.collection<CursorDocument>('jobCursors');
  }

  /**
   * Asks the SLA job to look at a ticket at `at` (at the latest a minute later). A time the job has
   * already passed (a clock behind the others', a run with an earlier --now) goes into the next minute.
   */
  async wake(number: string, at: Date): Promise<void> {
    const last = await this.cursors.findOne({ _id: 'sla' });
    const _id = bucketKey(last && last.through.getTime() >= at.getTime() ? last.through : at);
    try {
      await this.buckets.updateOne({ _id }, { $addToSet: { numbers: number } }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await this.buckets.updateOne({ _id }, { $addToSet: { numbers: number } });
    }
  }

  /** The buckets due by `now` that the last run did not take care of, oldest first. */
  async due(now: Date): Promise<DueBucket[]> {
    const last = await this.cursors.findOne({ _id: 'sla' });
    const through = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    const minutes = last ? Math.round((through - last.through.getTime()) / MINUTE_MS) : Infinity;
    if (minutes <= 0) return [];
    if (minutes > MAX_MINUTE_LOOKUPS) {
      const rows = await this.buckets.find({ _id: { $lte: minuteKey(now) } }).sort({ _id: 1 }).toArray();
      return rows.map((row) => ({ key: row._id, numbers: row.numbers }));
    }
    const due: DueBucket[] = [];
    for (let i = minutes - 1; i >= 0; i -= 1) {
      const key = minuteKey(new Date(through - i * MINUTE_MS));
      const row = await this.buckets.findOne({ _id: key });
      if (row) due.push({ key, numbers: row.numbers });
    }
    return due;
  }

  /** Removes the numbers a run has handled; a number woken into the bucket meanwhile stays. */
  async handled(bucket: DueBucket): Promise<void> {
    await this.buckets.updateOne({ _id: bucket.key }, { $pullAll: { numbers: bucket.numbers } });
    await this.buckets.deleteOne({ _id: bucket.key, numbers: { $size: 0 } });
  }

  /** Remembers that every minute up to `now` has been handled. */
  async advance(now: Date): Promise<void> {
    const through = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
    const last = await this.cursors.findOne({ _id: 'sla' });
    if (last && last.through.getTime() >= through.getTime()) return;
    await this.cursors.replaceOne({ _id: 'sla' }, { through }, { upsert: true });
  }
}
