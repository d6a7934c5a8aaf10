import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The entries still to send, one small document each (same `_id` as the outbox entry). The notifier
 * scans only this collection: FerretDB 1.24 reads a whole collection for any filter but `_id`
 * equality, so the growing log of sent messages must not be where it looks.
 */
export interface OutboxQueueDocument {
  _id: string;
  nextAttemptAt: Date;
}

const outboxQueueSchema = new Schema<OutboxQueueDocument>(
  {
    _id: { type: String, required: true },
    nextAttemptAt: { type: Date, required: true },
  },
  { collection: 'outboxQueue', versionKey: false },
);

export function outboxQueueModel(connection: Connection): Model<OutboxQueueDocument> {
  return (connection.models.OutboxQueue as Model<OutboxQueueDocument> | undefined) ?? connection.model<OutboxQueueDocument>('OutboxQueue', outboxQueueSchema);
}

/** The cards sent for one ticket (`_id` = ticket number), so an action can update every copy without a scan. */
export interface TicketCardsDocument {
  _id: string;
  entryIds: string[];
}

const ticketCardsSchema = new Schema<TicketCardsDocument>(
  {
    _id: { type: String, required: true },
    entryIds: { type: [String], default: [] },
  },
  { collection: 'ticketCards', versionKey: false },
);

export function ticketCardsModel(connection: Connection): Model<TicketCardsDocument> {
  return (connection.models.TicketCards as Model<TicketCardsDocument> | undefined) ?? connection.model<TicketCardsDocument>('TicketCards', ticketCardsSchema);
}
