import type { TurnContext } from 'botbuilder';
import { parseSurveyAnswer, type SurveyAnswer } from '../../domain/survey-answer.js';
import { residentTurn } from './resident-turn.js';

/** What the resident desk needs to take a survey answer in chat (wired in bot/ to the survey job's store). */
export interface SurveyAnswers {
  /** The survey the resident's account has open, if any. */
  openFor(accountId: string): Promise<{ surveyId: string; ticketNumber: string } | null>;
  /** Stores the answer on the ticket; a dissatisfied answer reopens it for rework. */
  answer(ticketNumber: string, answer: SurveyAnswer, comment: string | null): Promise<{ recorded: boolean; reopened: boolean }>;
  /** Stores what the resident said could be better, sent after the rating. */
  comment(surveyId: string, ticketNumber: string, accountId: string, text: string): Promise<void>;
  /** "没修好 <number>": reopens a resolved or closed ticket for rework (due within 24 hours); null when it is not resolved or closed. */
  notFixed(ticketNumber: string, accountId: string, comment: string | null): Promise<{ reworkDueAt: Date } | null>;
}

/** A survey rated without a comment: the resident's next message is taken as the comment until `until`. */
export interface PendingSurveyComment {
  surveyId: string;
  ticketNumber: string;
  until: string;
}

const COMMENT_MINUTES = 30;
const SKIP = /^(跳过|不用了|不用|没有了?|无|没了|算了|skip|no|none|nothing|no thanks)[\s!！。.]*$/i;

/**
 * Takes a survey answer ("满意", "不满意 师傅没来", "4") when the resident has a survey open; a rating
 * without a comment asks once what could be better. Returns the comment still awaited (or null), or
 * undefined when the message was not a survey answer.
 */
export async function takeSurveyAnswer(context: TurnContext, surveys: SurveyAnswers, now: Date): Promise<PendingSurveyComment | null | undefined> {
  const parsed = parseSurveyAnswer(context.activity.text ?? '');
  if (!parsed) return undefined;
  const { t, accountId } = residentTurn(context);
  const open = await surveys.openFor(accountId);
  if (!open) return undefined;
  const outcome = await surveys.answer(open.ticketNumber, parsed.answer, parsed.comment);
  if (!outcome.recorded) return undefined;
  await context.sendActivity(outcome.reopened ? t('jobSurveySorry', { number: open.ticketNumber }) : t('jobSurveyThanks'));
  if (parsed.comment) return null;
  await context.sendActivity(t('surveyCommentAsk'));
  return { ...open, until: new Date(now.getTime() + COMMENT_MINUTES * 60_000).toISOString() };
}

/** Stores the awaited comment (or the resident's "skip"). */
export async function takeSurveyComment(context: TurnContext, surveys: SurveyAnswers, pending: PendingSurveyComment): Promise<void> {
  const text = (context.activity.text ?? '').trim();
  const { t, accountId } = residentTurn(context);
  if (SKIP.test(text)) {
    await context.sendActivity(t('surveyCommentSkipped'));
    return;
  }
  await surveys.comment(pending.surveyId, pending.ticketNumber, accountId, text);
  await context.sendActivity(t('surveyCommentThanks'));
}
