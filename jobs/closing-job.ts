import { IllegalTransitionError } from '../domain/transitions.js';
import type { Store } from '../store/store.js';
import type { Ticket } from '../store/ticket-repository.js';

export type ClosingReason = { reason: 'survey'; answer: string; round: number } | { reason: 'callback'; answer: string; task: string } | { reason: 'grace'; workingDays: number };

const CLOSING_TEXT: Readonly<Record<ClosingReason['reason'], string>> = {
  survey: 'the resident answered the survey satisfied',
  callback: 'the resident was satisfied at the callback',
  grace: 'no survey or callback open and nothing more from the resident',
};

/**
 * Closes a resolved ticket by the system, with an event saying why, through the repository's `act`
 * (which re-reads the ticket, checks the transition, claims the version and updates the SLA watch).
 * A ticket that is no longer resolved (reopened meanwhile, or already closed), or that `refuseIf`
 * refuses (resolved again since what the caller judged), is left as it is: null.
 */
export async function closeResolvedTicket(store: Store, number: string, why: ClosingReason, at: Date, refuseIf?: (ticket: Ticket) => string | null): Promise<Ticket | null> {
  try {
    const { reason, ...data } = why;
    const by = { kind: 'system' as const, id: `closing:${reason}`, name: 'PropDesk' };
    return await store.tickets.act(number, 'close', { by, at, text: CLOSING_TEXT[reason], data: { reason, ...data }, refuseIf });
  } catch (err) {
    if (err instanceof IllegalTransitionError) return null;
    throw err;
  }
}
