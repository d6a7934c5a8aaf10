import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** The access log (借阅登记): who read what, when and why; also refused attempts. */
export const auditEntrySchema = new Schema(
  {
    at: { type: Date, required: true },
    actor: {
      kind: { type: String, enum: ['staff', 'resident', 'system', 'unknown'], required: true },
      id: { type: String, required: true },
      name: { type: String },
    },
    action: { type: String, required: true },
    target: {
      kind: { type: String, required: true },
      id: { type: String, required: true },
    },
    householdId: { type: String, default: null },
    reason: { type: String, default: null },
    outcome: { type: String, enum: ['allowed', 'refused'], required: true },
    detail: { type: String, default: null },
  },
  { collection: 'audit', versionKey: false },
);
export type AuditEntryDocument = InferSchemaType<typeof auditEntrySchema>;

export function auditEntryModel(connection: Connection): Model<AuditEntryDocument> {
  return (connection.models.AuditEntry as Model<AuditEntryDocument> | undefined) ?? connection.model<AuditEntryDocument>('AuditEntry', auditEntrySchema);
}
