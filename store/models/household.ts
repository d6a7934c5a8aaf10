import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const memberSchema = new Schema(
  {
    name: { type: String, required: true },
    role: { type: String, enum: ['owner', 'tenant', 'member'], required: true },
    phone: { type: String },
    movedIn: { type: Date },
    movedOut: { type: Date, default: null },
  },
  { _id: false },
);

const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    change: { type: String, required: true },
    before: { type: Schema.Types.Mixed },
  },
  { _id: false },
);

export const RECORD_KINDS = ['praise', 'correspondence', 'payment', 'document'] as const;
export const DOCUMENT_KINDS = ['move-in', 'renovation', 'lease-contract', 'service-contract', 'ad-approval', 'other'] as const;

/** A daily record or a document of the file; documents are references (where the file is kept) with metadata. */
const recordSchema = new Schema(
  {
    kind: { type: String, enum: RECORD_KINDS, required: true },
    documentKind: { type: String, enum: DOCUMENT_KINDS, default: null },
    title: { type: String, required: true },
    ref: { type: String, default: null },
    meta: { type: Schema.Types.Mixed, default: null },
    at: { type: Date, required: true },
    by: { type: String, required: true },
  },
  { _id: false },
);

/** One file per household (一户一档); archive number = property code + building + unit + room. */
export const householdSchema = new Schema(
  {
    archiveNo: { type: String, required: true },
    propertyCode: { type: String, required: true },
    building: { type: String, required: true },
    unit: { type: String, default: null },
    room: { type: String, required: true },
    members: { type: [memberSchema], default: [] },
    departedAt: { type: Date, default: null },
    legalHold: { type: Boolean, default: false },
    records: { type: [recordSchema], default: [] },
    history: { type: [historySchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'households', versionKey: false },
);
export type HouseholdDocument = InferSchemaType<typeof householdSchema>;

export function householdModel(connection: Connection): Model<HouseholdDocument> {
  return (connection.models.Household as Model<HouseholdDocument> | undefined) ?? connection.model<HouseholdDocument>('Household', householdSchema);
}

/** HY01 + 3栋 2单元 501 → HY01-3-2-501 (no unit: HY01-12-302). */
export function archiveNumber(propertyCode: string, building: string, unit: string | null | undefined, room: string): string {
  return [propertyCode, building, unit, room].filter((part) => part !== undefined && part !== null && part !== '').join('-');
}
