import type { Store } from '../store/store.js';
import type { CallbackRef, Surveys } from '../store/surveys.js';

/**
 * Supersedes surveys and callback tasks of a ticket's earlier rounds and records on the ticket (a
 * system `callback` event, `data.superseded`) those this changed; none still open, nothing recorded.
 */
export async function supersedeCallbacks(store: Store, surveys: Surveys, ticketNumber: string, callbacks: readonly CallbackRef[], by: string, at: Date): Promise<CallbackRef[]> {
  if (callbacks.length === 0) return [];
  const superseded = await surveys.supersede(callbacks, at);
  if (superseded.length > 0) {
    const text = 'superseded: the ticket was reopened for rework since';
    await store.tickets.record(ticketNumber, 'callback', { by: { kind: 'system', id: by, name: 'PropDesk' }, at, text, data: { superseded } });
  }
  return superseded;
}
