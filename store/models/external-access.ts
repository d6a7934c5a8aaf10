import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

export const EXTERNAL_REQUESTER_KINDS = ['police', 'court', 'lawyer', 'other'] as const;

/** An outside request (police, court, lawyer) to see a household's file: registered with credentials, approved by the project manager. */
export const externalAccessRequestSchema = new Schema(
  {
    _id: { type: String, required: true },
    archiveNo: { type: String, required: true },
    requester: {
      kind: { type: String, enum: EXTERNAL_REQUESTER_KINDS, required: true },
      name: { type: String, required: true },
      organisation: { type: String, required: true },
      credential: { type: String, required: true },
    },
    reason: { type: String, required: true },
    registeredBy: { id: { type: String, required: true }, name: { type: String } },
    registeredAt: { type: Date, required: true },
    approvedBy: { id: { type: String }, name: { type: String } },
    approvedAt: { type: Date, default: null },
  },
  { collection: 'externalAccessRequests', versionKey: false },
);
export type ExternalAccessRequestDocument = InferSchemaType<typeof externalAccessRequestSchema>;

export function externalAccessRequestModel(connection: Connection): Model<ExternalAccessRequestDocument> {
  return (
    (connection.models.ExternalAccessRequest as Model<ExternalAccessRequestDocument> | undefined) ??
    connection.model<ExternalAccessRequestDocument>('ExternalAccessRequest', externalAccessRequestSchema)
  );
}
