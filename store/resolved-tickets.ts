import type { Connection } from 'mongoose';

interface ResolvedEntry {
  _id: string;
  number: string;
  at: Date;
}

/**
 * Tickets resolved and not yet looked at by the survey job: a small work queue keyed by `_id`
 * ("<number>@<resolved at>"), so the job never reads the whole `tickets` collection by `resolvedAt`.
 */
export class ResolvedTickets {
  constructor(private readonly connection: Connection) {}

  private get entries() {
    return this.connection.collection<ResolvedEntry>('resolvedTickets');
  }

  async add(number: string, at: Date): Promise<void> {
    const _id = `${number}@${at.toISOString()}`;
    await this.entries.replaceOne({ _id }, { number, at }, { upsert: true });
  }

  async pending(until: Date, limit = 500): Promise<ResolvedEntry[]> {
    return this.entries.find({ at: { $lte: until } }).sort({ at: 1 }).limit(limit).toArray();
  }

  /** Of `numbers`, those with a resolution the survey job has not looked at yet (it may still survey them). */
  async pendingAmong(numbers: readonly string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows = await this.entries.find({ number: { $in: [...numbers] } }, { projection: { number: 1 } }).toArray();
    return new Set(rows.map((row) => row.number));
  }

  async done(id: string): Promise<void> {
    await this.entries.deleteOne({ _id: id });
  }
}
