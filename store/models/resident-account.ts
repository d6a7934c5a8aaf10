import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** A resident's chat account (channel + user id), optionally linked to a household. */
export const residentAccountSchema = new Schema(
  {
    _id: { type: String, required: true },
    channelId: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String },
    language: { type: String, default: 'zh-CN' },
    householdId: { type: String, default: null },
    phone: { type: String, default: null },
    unreachable: { type: Boolean, default: false },
    linkedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'residents', versionKey: false },
);
export type ResidentAccountDocument = InferSchemaType<typeof residentAccountSchema>;

export function residentAccountModel(connection: Connection): Model<ResidentAccountDocument> {
  return (
    (connection.models.ResidentAccount as Model<ResidentAccountDocument> | undefined) ??
    connection.model<ResidentAccountDocument>('ResidentAccount', residentAccountSchema)
  );
}

export function residentAccountId(channelId: string, userId: string): string {
  return `${channelId}:${userId}`;
}
