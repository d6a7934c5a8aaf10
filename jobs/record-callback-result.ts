import { callbackCountsFor, isEarlierRound, recordedCallbackRound, refuseUnlessAtRound, resolutionRound } from '../domain/callback-rounds.js';
import type { SurveyAnswer } from '../domain/survey-answer.js';
import { answerClosesTicket } from '../domain/ticket-closing.js';
import { isOpen } from '../domain/transitions.js';
import type { CallbackMethod } from '../store/models/callback-task.js';
import type { Store } from '../store/store.js';
import { Surveys } from '../store/surveys.js';
import { closeResolvedTicket } from './closing-job.js';
import { reopenForRework } from './rework.js';

export interface CallbackResult {
  method: CallbackMethod;
  /** What the resident said, in the caller's words. */
  result: string;
  satisfaction: SurveyAnswer | null;
  by: { id: string; name: string };
  /** When the call was made, which decides the round it counts for; default: when it is recorded. */
  madeAt?: Date;
}

export type CallbackOutcome =
  | { done: false; reason: 'no-such-task' | 'already-done' }
  | {
      done: true;
      ticketNumber: string;
      reopened: boolean;
      reworkDueAt: Date | null;
      closed: boolean;
      /** The task is of a round since reworked. */
      earlierRound: boolean;
      /** Made before the ticket's current resolution (on an earlier round's task): kept in the history, neither closes nor reopens. */
      recordOnly: boolean;
      /** Already on the ticket's history from an earlier run that stopped before the task was marked done: this run finished it. */
      resumed: boolean;
      /** The resolution the call counted for has been reopened since (by this call's earlier run or otherwise): neither closed nor reopened now. */
      reworkedSince: boolean;
    };

/**
 * Records a callback staff made (回访: method, result, satisfaction) on the ticket's history and then
 * on its task. A satisfied or basically satisfied resident ends the callback cycle: the system closes
 * the resolved ticket. A dissatisfied resident gets the ticket reopened for rework within 24 hours, as
 * after a dissatisfied survey. On a task of an earlier round (the ticket was reworked since) the call
 * counts for the current resolution when made after it, and is only recorded when made before it
 * (domain/callback-rounds.ts). The task is marked done last, so a run stopped half-way can simply be
 * run again: the ticket keeps one record per task, and the rerun takes the round the call counted for
 * from that record, so a resolution reached since is neither reopened nor closed by it.
 */
export async function recordCallbackResult(store: Store, taskId: string, callback: CallbackResult, at: Date): Promise<CallbackOutcome> {
  const surveys = new Surveys(store.connection);
  const task = await surveys.tasks.findById(taskId).lean();
  if (!task) return { done: false, reason: 'no-such-task' };
  if (task.status === 'done') return { done: false, reason: 'already-done' };
  let ticket = await store.tickets.getByNumber(task.ticketNumber);
  const taskRound = Surveys.roundOfTask(task);
  const earlierRound = isEarlierRound(taskRound, resolutionRound(ticket));
  const recorded = recordedCallbackRound(ticket.events, taskId);
  // null: about a resolution since reworked, history only
  const round = recorded !== undefined ? recorded : callbackCountsFor(taskRound, ticket, callback.madeAt ?? at);
  if (recorded === undefined) {
    const by = { kind: 'staff' as const, id: callback.by.id, name: callback.by.name };
    const madeAt = callback.madeAt && callback.madeAt.getTime() !== at.getTime() ? { madeAt: callback.madeAt } : {};
    const data = { task: taskId, method: callback.method, satisfaction: callback.satisfaction, done: true, ...(round === null ? { earlierRound: true } : { round }), ...madeAt };
    const set = callback.satisfaction && round !== null ? { satisfaction: callback.satisfaction } : {};
    ticket = await store.tickets.record(task.ticketNumber, 'callback', { by, at, text: callback.result, data, set });
  }
  let reworkDueAt: Date | null = null;
  // a ticket already back in work (a survey reopened it) needs no second reopening
  if (round !== null && callback.satisfaction === 'dissatisfied' && !isOpen(ticket.status)) {
    const why = { reason: 'callback' as const, round, comment: callback.result, keyPrefix: `rework:callback:${taskId}`, answered: { kind: 'task' as const, id: taskId } };
    reworkDueAt = await reopenForRework(store, ticket, why, at);
  }
  let closed = false;
  if (round !== null && answerClosesTicket(callback.satisfaction)) {
    // only the resolution the call was about (reworked since, the ticket waits for its next round)
    const reason = { reason: 'callback' as const, answer: callback.satisfaction!, task: taskId };
    closed = (await closeResolvedTicket(store, ticket.number, reason, at, refuseUnlessAtRound(round, 'reopened since this callback was made'))) !== null;
  }
  if (!(await surveys.completeTask(taskId, { method: callback.method, result: callback.result, satisfaction: callback.satisfaction, by: callback.by.id }, at))) {
    return { done: false, reason: 'already-done' };
  }
  const reworkedSince = round !== null && reworkDueAt === null && isEarlierRound(round, resolutionRound(ticket));
  return { done: true, ticketNumber: ticket.number, reopened: reworkDueAt !== null, reworkDueAt, closed, earlierRound, recordOnly: round === null, resumed: recorded !== undefined, reworkedSince };
}
