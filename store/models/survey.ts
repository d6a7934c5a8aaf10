import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { SURVEY_ANSWERS, type SurveyAnswer } from '../../domain/survey-answer.js';

export { SURVEY_ANSWERS, type SurveyAnswer };

/** `superseded`: left unanswered when the ticket was reopened for rework (a later round's survey asks again), closed or cancelled. */
export const SURVEY_STATUSES = ['sent', 'answered', 'expired', 'superseded'] as const;

/** A callback survey sent in chat after a ticket was resolved; `_id` is "<ticket number>#<round>" (round = times reopened). */
export const surveySchema = new Schema(
  {
    _id: { type: String, required: true },
    ticketNumber: { type: String, required: true },
    round: { type: Number, required: true },
    conversationKey: { type: String, default: null },
    residentAccountId: { type: String, default: null },
    inPerson: { type: Boolean, default: false },
    status: { type: String, enum: SURVEY_STATUSES, required: true },
    sentAt: { type: Date, required: true },
    answerDueAt: { type: Date, required: true },
    answer: { type: String, enum: [...SURVEY_ANSWERS, null], default: null },
    comment: { type: String, default: null },
    answeredAt: { type: Date, default: null },
  },
  { collection: 'surveys', versionKey: false },
);
export type SurveyDocument = InferSchemaType<typeof surveySchema>;

export function surveyModel(connection: Connection): Model<SurveyDocument> {
  return (connection.models.Survey as Model<SurveyDocument> | undefined) ?? connection.model<SurveyDocument>('Survey', surveySchema);
}

/** The survey a resident's chat account has open, by account id (`_id`), so a reply is matched with one `_id` read. */
export const openSurveySchema = new Schema(
  {
    _id: { type: String, required: true },
    surveyId: { type: String, required: true },
    ticketNumber: { type: String, required: true },
    sentAt: { type: Date, required: true },
  },
  { collection: 'openSurveys', versionKey: false },
);
export type OpenSurveyDocument = InferSchemaType<typeof openSurveySchema>;

export function openSurveyModel(connection: Connection): Model<OpenSurveyDocument> {
  return (connection.models.OpenSurvey as Model<OpenSurveyDocument> | undefined) ?? connection.model<OpenSurveyDocument>('OpenSurvey', openSurveySchema);
}
