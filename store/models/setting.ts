import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** Values the processes of one installation share and never change once set (e.g. the media link secret). */
export const settingSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'settings', versionKey: false },
);
export type SettingDocument = InferSchemaType<typeof settingSchema>;

export function settingModel(connection: Connection): Model<SettingDocument> {
  return (connection.models.Setting as Model<SettingDocument> | undefined) ?? connection.model<SettingDocument>('Setting', settingSchema);
}
