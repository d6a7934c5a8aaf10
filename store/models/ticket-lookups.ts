import { Schema, type Connection, type Model } from 'mongoose';

/** Intake key → ticket number, so a retried activity finds its ticket by `_id`. */
export interface IntakeMapDocument {
  _id: string;
  number: string;
}

const intakeMapSchema = new Schema<IntakeMapDocument>(
  { _id: { type: String, required: true }, number: { type: String, required: true } },
  { collection: 'ticketIntakes', versionKey: false },
);

export function intakeMapModel(connection: Connection): Model<IntakeMapDocument> {
  return (connection.models.TicketIntake as Model<IntakeMapDocument> | undefined) ?? connection.model<IntakeMapDocument>('TicketIntake', intakeMapSchema);
}

/** A ticket opened but not yet dispatched (`_id` = ticket number). */
export interface NewTicketDocument {
  _id: string;
  at: Date;
}

const newTicketSchema = new Schema<NewTicketDocument>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'newTickets', versionKey: false },
);

export function newTicketModel(connection: Connection): Model<NewTicketDocument> {
  return (connection.models.NewTicket as Model<NewTicketDocument> | undefined) ?? connection.model<NewTicketDocument>('NewTicket', newTicketSchema);
}

/** A resident account's ticket numbers, oldest first (`_id` = resident account id). */
export interface ResidentTicketsDocument {
  _id: string;
  numbers: string[];
}

const residentTicketsSchema = new Schema<ResidentTicketsDocument>(
  { _id: { type: String, required: true }, numbers: { type: [String], default: [] } },
  { collection: 'residentTickets', versionKey: false },
);

export function residentTicketsModel(connection: Connection): Model<ResidentTicketsDocument> {
  return (
    (connection.models.ResidentTickets as Model<ResidentTicketsDocument> | undefined) ??
    connection.model<ResidentTicketsDocument>('ResidentTickets', residentTicketsSchema)
  );
}
