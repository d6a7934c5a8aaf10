import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

export const CALLBACK_METHODS = ['phone', 'visit', 'letter', 'email'] as const;
export type CallbackMethod = (typeof CALLBACK_METHODS)[number];
/** `superseded`: still open when the ticket was reopened for rework, closed or cancelled (settled then, `doneAt` set, nobody's callback). */
export const CALLBACK_TASK_STATUSES = ['open', 'done', 'superseded'] as const;

/**
 * A callback (回访) staff make by phone or in person; `method: 'visit'` tasks form the visit list.
 * `_id` is "<ticket number>#<round>", or "…#<round>:visit"; tasks made before `round` was stored have it only there.
 */
export const callbackTaskSchema = new Schema(
  {
    _id: { type: String, required: true },
    ticketNumber: { type: String, required: true },
    category: { type: String, required: true },
    reason: { type: String, enum: ['no-answer', 'in-person', 'no-chat'], required: true },
    method: { type: String, enum: CALLBACK_METHODS, required: true },
    round: { type: Number },
    status: { type: String, enum: CALLBACK_TASK_STATUSES, required: true },
    dueAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    result: { type: String, default: null },
    satisfaction: { type: String, default: null },
    doneAt: { type: Date, default: null },
    doneBy: { type: String, default: null },
  },
  { collection: 'callbackTasks', versionKey: false },
);
export type CallbackTaskDocument = InferSchemaType<typeof callbackTaskSchema>;

export function callbackTaskModel(connection: Connection): Model<CallbackTaskDocument> {
  return (connection.models.CallbackTask as Model<CallbackTaskDocument> | undefined) ?? connection.model<CallbackTaskDocument>('CallbackTask', callbackTaskSchema);
}
