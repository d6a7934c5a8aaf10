import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { CATEGORIES, NATURES, SEVERITIES, SOURCES, TICKET_EVENT_KINDS, TICKET_STATUSES, DEPARTMENT_IDS, type TicketEventKind } from '../../domain/vocabulary.js';

export { TICKET_EVENT_KINDS, type TicketEventKind };

const actorSchema = new Schema(
  {
    kind: { type: String, enum: ['resident', 'staff', 'system'], required: true },
    id: { type: String, required: true },
    name: { type: String },
  },
  { _id: false },
);

const eventSchema = new Schema(
  {
    kind: { type: String, enum: TICKET_EVENT_KINDS, required: true },
    at: { type: Date, required: true },
    by: { type: actorSchema, required: true },
    text: { type: String },
    from: { type: String },
    to: { type: String },
    data: { type: Schema.Types.Mixed },
  },
  { _id: false },
);

const locationSchema = new Schema(
  {
    building: { type: String },
    unit: { type: String },
    room: { type: String },
    area: { type: String },
    raw: { type: String },
  },
  { _id: false },
);

const attachmentSchema = new Schema(
  {
    contentType: { type: String, required: true },
    url: { type: String },
    name: { type: String },
    storedAt: { type: Date },
  },
  { _id: false },
);

export const ticketSchema = new Schema(
  {
    /** The ticket number is also the `_id`: FerretDB 1.24 answers only `_id` equality without reading the whole collection. */
    _id: { type: String, required: true },
    number: { type: String, required: true },
    /** The inbound activity (or staff entry) that opened the ticket; unique, so a retried activity finds the first ticket. */
    intakeKey: { type: String, required: true },
    propertyCode: { type: String, required: true },
    category: { type: String, enum: CATEGORIES, required: true },
    severity: { type: String, enum: [...SEVERITIES, null], default: null },
    nature: { type: String, enum: NATURES, required: true },
    topic: { type: String, default: null },
    source: { type: String, enum: SOURCES, required: true },
    channel: { type: String, required: true },
    language: { type: String, default: 'zh-CN' },
    text: { type: String, required: true },
    attachments: { type: [attachmentSchema], default: [] },
    location: { type: locationSchema, default: {} },
    householdId: { type: String, default: null },
    resident: {
      accountId: { type: String },
      name: { type: String },
      phone: { type: String },
      conversationKey: { type: String },
    },
    receiver: { type: actorSchema, required: true },
    department: { type: String, enum: DEPARTMENT_IDS, required: true },
    assignee: { type: actorSchema, default: null },
    urgent: { type: Boolean, default: false },
    status: { type: String, enum: TICKET_STATUSES, required: true },
    replyDueAt: { type: Date, required: true },
    resolveDueAt: { type: Date, default: null },
    firstReplyAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    replyBreached: { type: Boolean, default: false },
    resolveBreached: { type: Boolean, default: false },
    satisfaction: { type: String, default: null },
    /** Bumped by every change; a change claims its version first, so two concurrent changes cannot both apply. */
    version: { type: Number, required: true, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    events: { type: [eventSchema], default: [] },
  },
  { collection: 'tickets', versionKey: false, minimize: false },
);

export type TicketDocument = InferSchemaType<typeof ticketSchema>;
export type TicketEvent = InferSchemaType<typeof eventSchema>;
export type Actor = { kind: 'resident' | 'staff' | 'system'; id: string; name?: string };

export function ticketModel(connection: Connection): Model<TicketDocument> {
  return (connection.models.Ticket as Model<TicketDocument> | undefined) ?? connection.model<TicketDocument>('Ticket', ticketSchema);
}
