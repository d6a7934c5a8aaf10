import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** A corrective and preventive action record (纠正与预防措施实施表), one per repeat cluster. */
export const capaSchema = new Schema(
  {
    clusterKey: { type: String, required: true },
    propertyCode: { type: String, required: true },
    householdId: { type: String, default: null },
    category: { type: String, required: true },
    matter: { type: String, required: true },
    ticketNumbers: { type: [String], default: [] },
    status: { type: String, enum: ['open', 'reviewed', 'closed'], default: 'open' },
    createdAt: { type: Date, required: true },
    notes: { type: [{ at: Date, by: String, text: String }], default: [] },
  },
  { collection: 'capas', versionKey: false },
);
export type CapaDocument = InferSchemaType<typeof capaSchema>;

export function capaModel(connection: Connection): Model<CapaDocument> {
  return (connection.models.Capa as Model<CapaDocument> | undefined) ?? connection.model<CapaDocument>('Capa', capaSchema);
}
