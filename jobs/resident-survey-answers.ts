import type { Clock } from '../domain/clock.js';
import type { SurveyAnswer } from '../domain/survey-answer.js';
import type { Store } from '../store/store.js';
import { Surveys } from '../store/surveys.js';
import { recordSurveyAnswer } from './record-survey-answer.js';

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

  async comment(surveyId: string, ticketNumber: string, accountId: string, text: string): Promise<void> {
    await this.surveys.addComment(surveyId, text);
    await this.store.tickets.record(ticketNumber, 'survey', { by: { kind: 'resident', id: accountId }, at: this.clock(), text, data: { survey: surveyId, comment: true } });
  }
}
