import { resolutionRound } from '../domain/callback-rounds.js';
import type { Clock } from '../domain/clock.js';
import { SURVEY_ANSWER_LABELS, type SurveyAnswer } from '../domain/survey-answer.js';
import type { Store } from '../store/store.js';
import { Surveys } from '../store/surveys.js';
import { recipientsFor } from '../store/recipients.js';
import { recordStaffTexts } from './job-messages.js';
import { recordSurveyAnswer } from './record-survey-answer.js';
import { reopenForRework } from './rework.js';

/** Survey answers as the resident desk takes them in chat (the `SurveyAnswers` the desk asks for). */
export class ResidentSurveyAnswers {
  private readonly surveys: Surveys;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.surveys = new Surveys(store.connection);
  }

  openFor(accountId: string): Promise<{ surveyId: string; ticketNumber: string } | null> {
    return this.surveys.openForResident(accountId);
  }

  async answer(ticketNumber: string, answer: SurveyAnswer, comment: string | null): Promise<{ recorded: boolean; reopened: boolean }> {
    const outcome = await recordSurveyAnswer(this.store, ticketNumber, answer, comment, this.clock);
    return { recorded: outcome.recorded, reopened: outcome.recorded && outcome.reopened };
  }

  async notFixed(ticketNumber: string, accountId: string, comment: string | null): Promise<{ reworkDueAt: Date } | null> {
    const ticket = await this.store.tickets.getByNumber(ticketNumber);
    if (ticket.status !== 'resolved' && ticket.status !== 'closed') return null;
    const at = this.clock();
    if (comment) await this.store.tickets.record(ticketNumber, 'resident_message', { by: { kind: 'resident', id: accountId }, at, text: comment });
    const why = { reason: 'resident' as const, round: resolutionRound(ticket), comment, keyPrefix: `rework:resident:${ticketNumber}:v${ticket.version}` };
    // null: reopened by someone else in the meantime (a retried message, a dissatisfied callback), it is being reworked already
    const reworkDueAt = await reopenForRework(this.store, ticket, why, at);
    return reworkDueAt ? { reworkDueAt } : null;
  }

  /** What the resident says could be better: kept on the survey and the ticket, and sent to the ticket's department and the service head (manual §2: every suggestion is followed up). */
  async comment(surveyId: string, ticketNumber: string, accountId: string, text: string): Promise<void> {
    const at = this.clock();
    await this.surveys.addComment(surveyId, text);
    const ticket = await this.store.tickets.record(ticketNumber, 'survey', { by: { kind: 'resident', id: accountId }, at, text, data: { survey: surveyId, comment: true } });
    const leads = await recipientsFor(this.store.staff, ticket.department, ['service-head']);
    const answer = ticket.satisfaction ? SURVEY_ANSWER_LABELS[ticket.satisfaction as SurveyAnswer]?.['zh-CN'] : undefined;
    const values = { number: ticketNumber, answer: answer ?? '—', comment: text };
    await recordStaffTexts(this.store, leads, { keyPrefix: `survey-comment:${surveyId}`, ticketNumber, key: 'jobSurveyComment', values }, at);
  }
}
