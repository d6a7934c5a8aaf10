import type { Connection, Model } from 'mongoose';
import { claim } from './claims.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { outboxEntryModel, type OutboxEntryDocument } from './models/outbox-entry.js';
import { claimModel } from './models/support.js';

export type OutboxEntry = OutboxEntryDocument;

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

/**
 * Messages recorded before they are sent. Each delivery attempt is claimed with a unique insert
 * (entry + attempt number), so two notifiers never send the same entry at once, and an entry marked
 * sent is never sent again.
 */
export class Outbox {
  readonly entries: Model<OutboxEntryDocument>;
  private readonly attemptClaims;

  constructor(connection: Connection) {
    this.entries = outboxEntryModel(connection);
    this.attemptClaims = claimModel(connection, 'outboxAttemptClaims');
  }

  /** Records a message once; false when a message with this key was recorded before. */
  async record(message: OutboxMessage, at: Date): Promise<boolean> {
    try {
      await this.entries.create({
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
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async due(now: Date, limit = 50): Promise<OutboxEntry[]> {
    return this.entries.find({ status: 'pending', nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1 }).limit(limit).lean();
  }

  /** Takes the next attempt of an entry; false when another notifier already took it. */
  async claimAttempt(entry: OutboxEntry, now: Date): Promise<boolean> {
    return claim(this.attemptClaims, `${entry._id}#${entry.attempts + 1}`, entry._id, now);
  }

  async markSent(entry: OutboxEntry, activityId: string | undefined, now: Date): Promise<void> {
    await this.entries.updateOne(
      { _id: entry._id },
      { $set: { status: 'sent', sentActivityId: activityId ?? null, sentAt: now, attempts: entry.attempts + 1, lastError: null } },
    );
  }

  async markFailed(entry: OutboxEntry, error: string, now: Date): Promise<void> {
    const attempts = entry.attempts + 1;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
    await this.entries.updateOne(
      { _id: entry._id },
      { $set: { attempts, lastError: error.slice(0, 500), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', nextAttemptAt: new Date(now.getTime() + delay) } },
    );
  }

  payloadOf<T = Record<string, unknown>>(entry: OutboxEntry): T {
    return JSON.parse(entry.payloadJson) as T;
  }

  /** Sent dispatch cards of a ticket: where to refresh the card after an action. */
  async sentCards(ticketNumber: string): Promise<OutboxEntry[]> {
    return this.entries.find({ ticketNumber, kind: 'dispatch-card', status: 'sent' }).lean();
  }
}
