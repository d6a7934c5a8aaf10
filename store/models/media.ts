import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** Bytes a resident sent (photos, voice), kept because the channel deletes them (WeChat: after 3 days). */
export const mediaSchema = new Schema(
  {
    _id: { type: String, required: true },
    contentType: { type: String, required: true },
    fileName: { type: String, default: null },
    size: { type: Number, required: true },
    bytes: { type: Buffer, required: true },
    channelId: { type: String, required: true },
    channelMediaId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'media', versionKey: false },
);
export type MediaDocument = InferSchemaType<typeof mediaSchema>;

export function mediaModel(connection: Connection): Model<MediaDocument> {
  return (connection.models.Media as Model<MediaDocument> | undefined) ?? connection.model<MediaDocument>('Media', mediaSchema);
}
