import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** A project manager's approval to destroy a departed household's file, with the witness named. */
export const destructionApprovalSchema = new Schema(
  {
    _id: { type: String, required: true },
    approvedBy: { id: { type: String, required: true }, name: { type: String } },
    witness: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'destructionApprovals', versionKey: false },
);
export type DestructionApprovalDocument = InferSchemaType<typeof destructionApprovalSchema>;

/** The destruction register (销毁登记): kept forever, nothing ever deletes from it. */
export const destructionEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    archiveNo: { type: String, required: true },
    departedAt: { type: Date, required: true },
    retainedUntil: { type: Date, required: true },
    approvedBy: { id: { type: String, required: true }, name: { type: String } },
    witness: { type: String, required: true },
    approvedAt: { type: Date, required: true },
    destroyedAt: { type: Date, required: true },
    memberCount: { type: Number, required: true },
    recordCount: { type: Number, required: true },
  },
  { collection: 'destructionRegister', versionKey: false },
);
export type DestructionEntryDocument = InferSchemaType<typeof destructionEntrySchema>;

export function destructionApprovalModel(connection: Connection): Model<DestructionApprovalDocument> {
  return (
    (connection.models.DestructionApproval as Model<DestructionApprovalDocument> | undefined) ??
    connection.model<DestructionApprovalDocument>('DestructionApproval', destructionApprovalSchema)
  );
}

export function destructionEntryModel(connection: Connection): Model<DestructionEntryDocument> {
  return (
    (connection.models.DestructionEntry as Model<DestructionEntryDocument> | undefined) ??
    connection.model<DestructionEntryDocument>('DestructionEntry', destructionEntrySchema)
  );
}
