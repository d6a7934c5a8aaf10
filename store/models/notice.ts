import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

export const NOTICE_KINDS = ['general', 'price', 'outage', 'safety', 'renovation'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_STATUSES = ['draft', 'checked', 'approved', 'published', 'archived'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

const stepSchema = new Schema(
  {
    step: { type: String, enum: ['drafted', 'checked', 'approved', 'published', 'archived'], required: true },
    by: { id: { type: String, required: true }, name: { type: String } },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** A public notice (公开文件): drafted, checked by customer service, approved by the project manager, then published. */
export const noticeSchema = new Schema(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    kind: { type: String, enum: NOTICE_KINDS, required: true },
    /** Price notices carry the government document that approved the prices. */
    approvingDocument: { type: String, default: null },
    validFrom: { type: Date, default: null },
    validUntil: { type: Date, default: null },
    /** null = every household; otherwise one building's households. */
    building: { type: String, default: null },
    status: { type: String, enum: NOTICE_STATUSES, required: true },
    steps: { type: [stepSchema], default: [] },
    publishedAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
    archivedAt: { type: Date, default: null },
    /** The households the notice was distributed to (发放记录), fixed at publication. */
    recipients: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'notices', versionKey: false },
);
export type NoticeDocument = InferSchemaType<typeof noticeSchema>;

export function noticeModel(connection: Connection): Model<NoticeDocument> {
  return (connection.models.Notice as Model<NoticeDocument> | undefined) ?? connection.model<NoticeDocument>('Notice', noticeSchema);
}

/** One household's acknowledgement (签收) of a notice; `_id` = notice id + archive number, so it is kept once. */
export const noticeAckSchema = new Schema(
  {
    _id: { type: String, required: true },
    noticeId: { type: String, required: true },
    householdId: { type: String, required: true },
    accountId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'acks', versionKey: false },
);
export type NoticeAckDocument = InferSchemaType<typeof noticeAckSchema>;

export function noticeAckModel(connection: Connection): Model<NoticeAckDocument> {
  return (connection.models.NoticeAck as Model<NoticeAckDocument> | undefined) ?? connection.model<NoticeAckDocument>('NoticeAck', noticeAckSchema);
}
