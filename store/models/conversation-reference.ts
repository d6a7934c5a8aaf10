import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * Where to send proactively. The Bot Framework reference is kept as JSON text: channel data may hold
 * property names with dots or `$`, which FerretDB refuses as field names.
 */
export const conversationReferenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    channelId: { type: String, required: true },
    userId: { type: String, required: true },
    referenceJson: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'conversationRefs', versionKey: false },
);
export type ConversationReferenceDocument = InferSchemaType<typeof conversationReferenceSchema>;

export function conversationReferenceModel(connection: Connection): Model<ConversationReferenceDocument> {
  return (
    (connection.models.ConversationReference as Model<ConversationReferenceDocument> | undefined) ??
    connection.model<ConversationReferenceDocument>('ConversationReference', conversationReferenceSchema)
  );
}
