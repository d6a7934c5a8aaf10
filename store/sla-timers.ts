import type { Connection } from 'mongoose';
import type { Property } from '../domain/property.js';
import { workingCalendarFor } from '../domain/sla-clock.js';
import { slaPolicyFor } from '../domain/sla-policy.js';
import { doneStageIds, slaStagesOf, type SlaFacts, type SlaStage } from '../domain/sla-stages.js';
import type { Category, Severity } from '../domain/vocabulary.js';

const MINUTE_MS = 60_000;
/** Beyond this many minutes to catch up, one read of the (small) timer collection beats a look-up per minute. */
const MAX_MINUTE_LOOKUPS = 360;

/**
 * What the SLA job needs to know of one ticket without reading it: who to remind and its stages still
 * to come. `version` is the ticket's version when the watch was written.
 */
export interface SlaWatch {
  number: string;
  version: number;
  category: Category;
  severity: Severity | null;
  department: string;
  assigneeId: string | null;
  /** Stage ids handled already (reminders leave no trace on the ticket). */
  done: string[];
  /** Stages still to come, earliest first. */
  stages: SlaStage[];
}

export interface TicketForWatch extends SlaFacts {
  number: string;
  version: number;
  category: Category;
  severity?: Severity | null;
  department: string;
  assignee?: { kind: string; id: string } | null;
}

interface BucketDocument {
  _id: string;
  /**
   * Watches keyed by ticket number, so one is set or removed with one `$set`/`$unset`; each is kept as
   * a JSON string, which FerretDB decodes several times faster than the same nested document.
   */
  tickets: Record<string, string>;
}

interface CursorDocument {
  _id: string;
  through: Date;
}

/** The minute bucket a stage at `at` falls due in: always the minute after, so a run at that minute sees it due. */
export function bucketKey(at: Date): string {
  return new Date((Math.floor(at.getTime() / MINUTE_MS) + 1) * MINUTE_MS).toISOString().slice(0, 16);
}

/** The bucket for a stage at `at`, never one the job has already passed (`through`). */
function keyAfter(at: Date, through: Date | null): string {
  return bucketKey(through && through.getTime() >= at.getTime() ? through : at);
}

function minuteKey(at: Date): string {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS).toISOString().slice(0, 16);
}

export interface DueBucket {
  key: string;
  watches: SlaWatch[];
}

/** The watch of a ticket as it stands: its pending stages, less those handled before. */
export function watchOf(ticket: TicketForWatch, property: Property, handled: readonly string[] = []): SlaWatch {
  const done = new Set([...doneStageIds(ticket), ...handled]);
  const stages = slaStagesOf(ticket, slaPolicyFor(property), workingCalendarFor(property))
    .filter((stage) => !done.has(stage.id))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    number: ticket.number,
    version: ticket.version,
    category: ticket.category,
    severity: ticket.severity ?? null,
    department: ticket.department,
    assigneeId: ticket.assignee?.kind === 'staff' ? ticket.assignee.id : null,
    done: [...done],
    stages,
  };
}

/**
 * When the SLA job must look at which ticket, and what it needs to know then: one document per minute
 * (`_id` "2026-11-26T02:05", UTC) holding the watches of the tickets with a stage due in it. FerretDB
 * 1.24 reads a collection up to the first match for every look-up, `_id` included, so the job reads
 * only these buckets — never `tickets` — for reminders, and its cost follows the due tickets, not the
 * size of `tickets`. Each ticket has at most one watch; a ticket change rewrites it.
 */
export class SlaTimers {
  constructor(
    private readonly connection: Connection,
    private readonly property: Property,
  ) {}

  private get buckets() {
    return this.connection.collection<BucketDocument>('slaTimers');
  }

  private get cursors() {
    return this.connection.collection<CursorDocument>('jobCursors');
  }

  /** Writes a ticket's watch as it now stands (after it opened or changed), or removes it when no stage is left. */
  async book(ticket: TicketForWatch, handled: readonly string[] = []): Promise<void> {
    const field = `tickets.${ticket.number}`;
    const previous = await this.buckets.find({ [field]: { $exists: true } }, { projection: { [field]: 1 } }).toArray();
    const done = previous.flatMap((row) => decode(row.tickets[ticket.number]!).done);
    const watch = watchOf(ticket, this.property, [...done, ...handled]);
    const key = watch.stages[0] ? await this.keyFor(watch.stages[0].at) : null;
    for (const row of previous) if (row._id !== key) await this.unset(row._id, [ticket.number]);
    if (key) await this.put(key, [watch]);
  }

  /** Writes the first watch of a ticket just opened (it has no earlier one to look for). */
  async bookNew(ticket: TicketForWatch): Promise<void> {
    const watch = watchOf(ticket, this.property);
    if (watch.stages[0]) await this.put(await this.keyFor(watch.stages[0].at), [watch]);
  }

  /** Books watches into the bucket of their next stage (the job, after acting on their due stages). */
  async rebook(watches: readonly SlaWatch[]): Promise<void> {
    const byKey = new Map<string, SlaWatch[]>();
    const through = watches.length > 0 ? await this.handledUpTo() : null;
    for (const watch of watches) {
      if (!watch.stages[0]) continue;
      const key = keyAfter(watch.stages[0].at, through);
      byKey.set(key, [...(byKey.get(key) ?? []), watch]);
    }
    for (const [key, group] of byKey) await this.put(key, group);
  }

  /** A time the job has already passed (a clock behind the others', a run with an earlier --now) goes into the next minute. */
  private async keyFor(at: Date): Promise<string> {
    return keyAfter(at, await this.handledUpTo());
  }

  private async handledUpTo(): Promise<Date | null> {
    return (await this.cursors.findOne({ _id: 'sla' }))?.through ?? null;
  }

  private async put(key: string, watches: readonly SlaWatch[]): Promise<void> {
    const set = Object.fromEntries(watches.map((watch) => [`tickets.${watch.number}`, encodeWatch(watch)]));
    await this.buckets.updateOne({ _id: key }, { $set: set }, { upsert: true });
  }

  private async unset(key: string, numbers: readonly string[]): Promise<void> {
    if (numbers.length === 0) return;
    await this.buckets.updateOne({ _id: key }, { $unset: Object.fromEntries(numbers.map((n) => [`tickets.${n}`, ''])) });
    await this.buckets.deleteOne({ _id: key, tickets: {} });
  }

  /** The buckets due by `now` that the last run did not take care of, oldest first. */
  async due(now: Date): Promise<DueBucket[]> {
    const last = await this.handledUpTo();
    const through = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    const minutes = last ? Math.round((through - last.getTime()) / MINUTE_MS) : Infinity;
    if (minutes <= 0) return [];
    const rows: BucketDocument[] = [];
    if (minutes > MAX_MINUTE_LOOKUPS) {
      rows.push(...(await this.buckets.find({ _id: { $lte: minuteKey(now) } }).sort({ _id: 1 }).toArray()));
    } else {
      for (let i = minutes - 1; i >= 0; i -= 1) {
        const row = await this.buckets.findOne({ _id: minuteKey(new Date(through - i * MINUTE_MS)) });
        if (row) rows.push(row);
      }
    }
    return rows.map((row) => ({ key: row._id, watches: Object.values(row.tickets ?? {}).map(decode) }));
  }

  /**
   * Settles a bucket a run has handled: each watch goes on to the bucket of its next stage (`next`),
   * unless its ticket changed during the run — a watch rewritten meanwhile stays the ticket's watch
   * (moved to the next minute when it was rewritten into this bucket), and a watch taken away is
   * not put back. Then the bucket is emptied.
   */
  async handled(bucket: DueBucket, next: readonly SlaWatch[], now: Date): Promise<void> {
    const current = await this.buckets.findOne({ _id: bucket.key });
    const stored = new Map(Object.values(current?.tickets ?? {}).map(decode).map((watch) => [watch.number, watch]));
    const seen = new Map(bucket.watches.map((watch) => [watch.number, watch.version]));
    await this.rebook(next.filter((watch) => stored.get(watch.number)?.version === seen.get(watch.number)));
    const rewritten = [...stored.values()].filter((watch) => seen.get(watch.number) !== watch.version);
    if (rewritten.length > 0) await this.put(bucketKey(now), rewritten);
    if (current) await this.unset(bucket.key, Object.keys(current.tickets ?? {}));
  }

  /** Remembers that every minute up to `now` has been handled. */
  async advance(now: Date): Promise<void> {
    const through = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
    const last = await this.handledUpTo();
    if (last && last.getTime() >= through.getTime()) return;
    await this.cursors.replaceOne({ _id: 'sla' }, { through }, { upsert: true });
  }

  /** Every ticket's newest watch, the bucket it is in and how many buckets hold one (one read of the small timer collection). */
  async allWatches(): Promise<Map<string, { key: string; watch: SlaWatch; copies: number }>> {
    const found = new Map<string, { key: string; watch: SlaWatch; copies: number }>();
    for await (const row of this.buckets.find({})) {
      for (const json of Object.values(row.tickets ?? {})) {
        const watch = decode(json);
        const seen = found.get(watch.number);
        const copies = (seen?.copies ?? 0) + 1;
        found.set(watch.number, !seen || seen.watch.version < watch.version ? { key: row._id, watch, copies } : { ...seen, copies });
      }
    }
    return found;
  }

  /** The last minute the SLA job has handled (buckets at or before it are not read again). */
  async handledThrough(): Promise<string | null> {
    const through = await this.handledUpTo();
    return through ? minuteKey(through) : null;
  }

  /** Removes a ticket's watch wherever it is (a ticket no longer open). */
  async forget(number: string): Promise<void> {
    const rows = await this.buckets.find({ [`tickets.${number}`]: { $exists: true } }, { projection: { _id: 1 } }).toArray();
    for (const row of rows) await this.unset(row._id, [number]);
  }
}

export function encodeWatch(watch: SlaWatch): string {
  return JSON.stringify(watch);
}

function decode(json: string): SlaWatch {
  const watch = JSON.parse(json) as SlaWatch;
  return { ...watch, stages: watch.stages.map((stage) => ({ ...stage, at: new Date(stage.at), dueAt: new Date(stage.dueAt) })) };
}
