import type { SurveyAnswer } from '../domain/survey-answer.js';
import type { CallbackMethod } from '../store/models/callback-task.js';
import type { Store } from '../store/store.js';
import { Surveys } from '../store/surveys.js';
import { reopenForRework } from './rework.js';
import { surveyRound } from './survey-job.js';

export interface CallbackResult {
  method: CallbackMethod;
  /** What the resident said, in the caller's words. */
  result: string;
  satisfaction: SurveyAnswer | null;
  by: { id: string; name: string };
}

export type CallbackOutcome = { done: false; reason: 'no-such-task' | 'already-done' } | { done: true; ticketNumber: string; reopened: boolean; reworkDueAt: Date | null };

/**
 * Records a callback staff made (回访: method, result, satisfaction) on its task and on the ticket's
 * history. A dissatisfied resident gets the ticket reopened for rework within 24 hours, as after a
 * dissatisfied survey.
 */
export async function recordCallbackResult(store: Store, taskId: string, callback: CallbackResult, at: Date): Promise<CallbackOutcome> {
  const surveys = new Surveys(store.connection);
  const task = await surveys.tasks.findById(taskId).lean();
  if (!task) return { done: false, reason: 'no-such-task' };
  const completed = await surveys.completeTask(taskId, { method: callback.method, result: callback.result, satisfaction: callback.satisfaction, by: callback.by.id }, at);
  if (!completed) return { done: false, reason: 'already-done' };
  const by = { kind: 'staff' as const, id: callback.by.id, name: callback.by.name };
  const data = { task: taskId, method: callback.method, satisfaction: callback.satisfaction, done: true };
  const ticket = await store.tickets.record(task.ticketNumber, 'callback', { by, at, text: callback.result, data, set: callback.satisfaction ? { satisfaction: callback.satisfaction } : {} });
  if (callback.satisfaction !== 'dissatisfied') return { done: true, ticketNumber: ticket.number, reopened: false, reworkDueAt: null };
  const why = { reason: 'callback' as const, round: surveyRound(ticket), comment: callback.result, keyPrefix: `rework:callback:${taskId}` };
  const reworkDueAt = await reopenForRework(store, ticket, why, at);
  return { done: true, ticketNumber: ticket.number, reopened: true, reworkDueAt };
}
