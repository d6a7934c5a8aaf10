import type { SettledBecause } from '../domain/callback-rounds.js';
import type { Store } from '../store/store.js';
import { Surveys, type CallbackRef, type OpenCallback } from '../store/surveys.js';

const WHY: Readonly<Record<SettledBecause, string>> = {
  reworked: 'superseded: the ticket was reopened for rework since',
  closed: 'superseded: the ticket was closed',
  cancelled: 'superseded: the ticket was cancelled',
};

/**
 * Supersedes surveys and callback tasks that wait on nothing any more (`because`) and records on the
 * ticket (a system `callback` event, `data.superseded`) those this changed; none still open, nothing recorded.
 */
export async function supersedeCallbacks(
  store: Store,
  surveys: Surveys,
  ticketNumber: string,
  callbacks: readonly CallbackRef[],
  by: string,
  at: Date,
  because: SettledBecause = 'reworked',
): Promise<CallbackRef[]> {
  if (callbacks.length === 0) return [];
  const superseded = await surveys.supersede(callbacks, at);
  if (superseded.length > 0) {
    await store.tickets.record(ticketNumber, 'callback', { by: { kind: 'system', id: by, name: 'PropDesk' }, at, text: WHY[because], data: { superseded } });
  }
  return superseded;
}

/**
 * Settles the surveys and callback tasks still waiting on a ticket just reopened for rework (`which`:
 * those of earlier rounds) or closed (all), except the one whose answer did it (its caller settles
 * that). Read after the reopen or close, never before: the survey job, reading the ticket after each
 * insert, settles what it makes meanwhile.
 */
export async function settleWaitingCallbacks(
  store: Store,
  ticketNumber: string,
  because: SettledBecause,
  answered: CallbackRef | undefined,
  by: string,
  at: Date,
  which: (callback: OpenCallback) => boolean = () => true,
): Promise<CallbackRef[]> {
  const surveys = new Surveys(store.connection);
  const waiting = (await surveys.openCallbacksOf([ticketNumber])).filter((callback) => which(callback) && (callback.kind !== answered?.kind || callback.id !== answered.id));
  return supersedeCallbacks(store, surveys, ticketNumber, waiting.map(({ kind, id }) => ({ kind, id })), by, at, because);
}
