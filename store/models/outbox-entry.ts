import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * What should reach whom: one entry per message, keyed by its idempotency key (e.g.
 * "dispatch:HY01-20261126-0001:staff:s-eng-1"), so recording the same message twice keeps one.
 * The payload is JSON text (cards hold `$schema` and dotted names FerretDB refuses as field names).
 */
export const outboxEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    conversationKey: { type: String, required: true },
    ticketNumber: { type: String, default: null },
    payloadJson: { type: String, required: true },
    status: { type: String, enum: ['pending', 'sent', 'failed'], required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String, default: null },
    sentActivityId: { type: String, default: null },
    sentAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'outbox', versionKey: false },
);
export type OutboxEntryDocument = InferSchemaType<typeof outboxEntrySchema>;

export function outboxEntryModel(connection: Connection): Model<OutboxEntryDocument> {
  return (connection.models.OutboxEntry as Model<OutboxEntryDocument> | undefined) ?? connection.model<OutboxEntryDocument>('OutboxEntry', outboxEntrySchema);
}
