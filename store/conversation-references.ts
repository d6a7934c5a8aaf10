import type { ConversationReference } from 'botbuilder';
import type { Connection, Model } from 'mongoose';
import { insertOrUpdate } from './upsert.js';
import { conversationReferenceModel, type ConversationReferenceDocument } from './models/conversation-reference.js';

export function conversationKey(reference: Partial<ConversationReference>): string {
  return `${reference.channelId ?? 'unknown'}:${reference.conversation?.id ?? 'unknown'}`;
}

/** Stored conversation references, for sending proactively later (dispatch cards, updates, surveys). */
export class ConversationReferences {
  private readonly references: Model<ConversationReferenceDocument>;

  constructor(connection: Connection) {
    this.references = conversationReferenceModel(connection);
  }

  async save(reference: Partial<ConversationReference>, at = new Date()): Promise<string> {
    const key = conversationKey(reference);
    const document = { channelId: reference.channelId ?? 'unknown', userId: reference.user?.id ?? 'unknown', referenceJson: JSON.stringify(reference), updatedAt: at };
    await insertOrUpdate(this.references, key, document, { $set: document });
    return key;
  }

  async get(key: string): Promise<Partial<ConversationReference> | null> {
    const document = await this.references.findById(key).lean();
    return document ? (JSON.parse(document.referenceJson) as Partial<ConversationReference>) : null;
  }

  /** The key of a user's most recently saved conversation on a channel (where to reach a resident). */
  async latestKeyFor(channelId: string, userId: string): Promise<string | null> {
    const document = await this.references.findOne({ channelId, userId }, { _id: 1 }).sort({ updatedAt: -1 }).lean();
    return document?._id ?? null;
  }
}
