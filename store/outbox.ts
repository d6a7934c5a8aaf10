import type { Connection, Model } from 'mongoose';
import { claim } from './claims.js';
import { QueuedWork } from './queued-work.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { outboxEntryModel, type OutboxEntryDocument } from './models/outbox-entry.js';
import { outboxQueueModel, ticketCardsModel, type OutboxQueueDocument, type TicketCardsDocument } from './models/outbox-queue.js';
import { claimModel } from './models/support.js';
import { upsertWithDefaults } from './upsert.js';
import { insertDocument } from './insert.js';
import { inChunks } from './in-chunks.js';

export type OutboxEntry = OutboxEntryDocument;

/** What the housekeeping decides on: a settled log entry. */
export type SettledEntry = Pick<OutboxEntryDocument, '_id' | 'kind' | 'ticketNumber' | 'payloadJson'>;

/** A message to deliver; `payload` is rendered by the notifier (card or text, in the recipient's language). */
export interface OutboxMessage {
  key: string;
  kind: string;
  conversationKey: string;
  ticketNumber?: string;
  payload: Record<string, unknown>;
}

const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 10 * 60_000;
/** Longer than any send with the connector's own retries takes. */
const ABANDONED_ATTEMPT_MS = 5 * 60_000;

/**
 * Messages recorded before they are sent. `entries` is the log of every message (its `_id` is the
 * idempotency key); `queue` holds only what is still to send. Each delivery attempt is claimed with a
 * unique insert (entry + attempt number), so two notifiers never send the same entry at once, and an
 * entry marked sent is never sent again.
 */
export class Outbox {
  readonly entries: Model<OutboxEntryDocument>;
  private readonly queue: Model<OutboxQueueDocument>;
  private readonly ticketCards: Model<TicketCardsDocument>;
  private readonly attemptClaims;
  /** Raised by every message recorded here. */
  readonly queued = new QueuedWork();

  constructor(connection: Connection) {
    this.entries = outboxEntryModel(connection);
    this.queue = outboxQueueModel(connection);
    this.ticketCards = ticketCardsModel(connection);
    this.attemptClaims = claimModel(connection, 'outboxAttemptClaims');
  }

  /** Records a message once; false when a message with this key was recorded before. */
  async record(message: OutboxMessage, at: Date): Promise<boolean> {
    try {
      await insertDocument(this.entries, {
        _id: message.key,
        kind: message.kind,
        conversationKey: message.conversationKey,
        ticketNumber: message.ticketNumber ?? null,
        payloadJson: JSON.stringify(message.payload),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        createdAt: at,
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // recorded before; if a crash came between the two inserts, queue it now
      const existing = await this.entries.findById(message.key, { status: 1, nextAttemptAt: 1 }).lean();
      if (existing?.status === 'pending') await this.enqueue(message.key, existing.nextAttemptAt);
      return false;
    }
    await this.enqueue(message.key, at);
    this.queued.raise();
    return true;
  }

  private async enqueue(key: string, nextAttemptAt: Date): Promise<void> {
    try {
      await insertDocument(this.queue, { _id: key, nextAttemptAt });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async due(now: Date, limit = 50): Promise<OutboxEntry[]> {
    const queued = await this.queue.find({ nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1 }).limit(limit).lean();
    const entries = await Promise.all(queued.map((q) => this.entries.findById(q._id).lean() as Promise<OutboxEntry | null>));
    // a queue row left behind by a crash after the entry was settled must not hold a place in the queue
    const settled = queued.filter((_row, i) => entries[i]?.status !== 'pending').map((q) => q._id);
    if (settled.length > 0) await this.queue.deleteMany({ _id: { $in: settled } });
    return entries.filter((entry): entry is OutboxEntry => entry?.status === 'pending');
  }

  /**
   * Takes the next attempt of an entry; false when another notifier holds it. A notifier that stopped
   * in the middle of a send (a crash, a shutdown) leaves its claim behind with the entry still
   * pending: once that claim is older than any send can take, the attempt is counted as failed, so
   * the next run takes the following attempt as usual (and so on, however often it happens).
   */
  async claimAttempt(entry: OutboxEntry, now: Date): Promise<boolean> {
    const key = `${entry._id}#${entry.attempts + 1}`;
    if (await claim(this.attemptClaims, key, entry._id, now)) return true;
    const held = await this.attemptClaims.findById(key).lean();
    if (held && now.getTime() - held.at.getTime() >= ABANDONED_ATTEMPT_MS) await this.markFailed(entry, 'attempt abandoned mid-send', now);
    return false;
  }

  async markSent(entry: OutboxEntry, activityId: string | undefined, now: Date): Promise<void> {
    await this.entries.updateOne(
      { _id: entry._id },
      { $set: { status: 'sent', sentActivityId: activityId ?? null, sentAt: now, attempts: entry.attempts + 1, lastError: null } },
    );
    if (entry.kind === 'dispatch-card' && entry.ticketNumber && activityId) {
      await upsertWithDefaults(this.ticketCards, entry.ticketNumber, {}, { entryIds: [] });
      await this.ticketCards.updateOne({ _id: entry.ticketNumber }, { $addToSet: { entryIds: entry._id } });
    }
    await this.queue.deleteOne({ _id: entry._id });
  }

  async markFailed(entry: OutboxEntry, error: string, now: Date): Promise<void> {
    const attempts = entry.attempts + 1;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
    const gaveUp = attempts >= MAX_ATTEMPTS;
    const nextAttemptAt = new Date(now.getTime() + delay);
    await this.entries.updateOne(
      { _id: entry._id },
      { $set: { attempts, lastError: error.slice(0, 500), status: gaveUp ? 'failed' : 'pending', nextAttemptAt } },
    );
    if (gaveUp) await this.queue.deleteOne({ _id: entry._id });
    else await this.queue.updateOne({ _id: entry._id }, { $set: { nextAttemptAt } });
  }

  /** Gives up on an entry at once (retrying cannot help): it stays `failed` with the reason for staff to follow up. */
  async markUndeliverable(entry: OutboxEntry, reason: string, now: Date): Promise<void> {
    await this.entries.updateOne({ _id: entry._id }, { $set: { attempts: entry.attempts + 1, lastError: reason.slice(0, 500), status: 'failed', nextAttemptAt: now } });
    await this.queue.deleteOne({ _id: entry._id });
  }

  /**
   * Deletes the log entries settled (sent or failed) before `before` that `settledForGood` says
   * nothing will record or look at again, with their attempt claims; a dispatch card leaves its
   * ticket's card list (the list goes when empty, so cards sent after a reopen stay). Pending
   * entries are never touched. Returns how many entries went.
   */
  async pruneSettled(before: Date, settledForGood: (entries: SettledEntry[]) => Promise<Set<string>>): Promise<number> {
    const settled: SettledEntry[] = await this.entries
      .find({ status: { $in: ['sent', 'failed'] }, createdAt: { $lt: before } }, { _id: 1, kind: 1, ticketNumber: 1, payloadJson: 1 })
      .lean();
    const done = await settledForGood(settled);
    const gone = settled.filter((entry) => done.has(entry._id));
    const ids = gone.map((entry) => entry._id);
    for (const chunk of inChunks(ids)) {
      await this.entries.deleteMany({ _id: { $in: chunk } });
      await this.attemptClaims.deleteMany({ scope: { $in: chunk } });
    }
    const cardsByTicket = new Map<string, string[]>();
    for (const entry of gone) {
      if (entry.kind === 'dispatch-card' && entry.ticketNumber) cardsByTicket.set(entry.ticketNumber, [...(cardsByTicket.get(entry.ticketNumber) ?? []), entry._id]);
    }
    for (const [ticketNumber, entryIds] of cardsByTicket) {
      await this.ticketCards.updateOne({ _id: ticketNumber }, { $pullAll: { entryIds } });
      await this.ticketCards.deleteOne({ _id: ticketNumber, entryIds: { $size: 0 } });
    }
    return ids.length;
  }

  payloadOf<T = Record<string, unknown>>(entry: OutboxEntry): T {
    return JSON.parse(entry.payloadJson) as T;
  }

  /** Sent dispatch cards of a ticket: where to refresh the card after an action. */
  async sentCards(ticketNumber: string): Promise<OutboxEntry[]> {
    const cards = await this.ticketCards.findById(ticketNumber).lean();
    const entries = await Promise.all((cards?.entryIds ?? []).map((id) => this.entries.findById(id).lean() as Promise<OutboxEntry | null>));
    return entries.filter((entry): entry is OutboxEntry => entry?.status === 'sent');
  }
}
