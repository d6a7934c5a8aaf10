/**
 * Callback rounds (manual §2: an unsatisfactory result → rework within 24 hours → callback again,
 * until the customer is satisfied). Each resolution of a ticket is a round, numbered by how many
 * times the ticket had been reopened when it was resolved; its survey and callback tasks belong to
 * that round. Rework supersedes the surveys and callbacks of earlier rounds: a survey answer about an
 * earlier round is history only — it neither closes nor reopens the ticket, and does not hold up its
 * closing. A callback is about when it was made (`callbackCountsFor`). Closing or cancelling the
 * ticket settles whatever of any round still waits (`settledBecause`).
 */
export function resolutionRound(ticket: { readonly events?: readonly { readonly kind: string }[] | null }): number {
  return (ticket.events ?? []).filter((e) => e.kind === 'reopened').length;
}

/** A `refuseIf` for a ticket change judged at `round`: refused (with `reason`) once the ticket has been reopened since. */
export function refuseUnlessAtRound(round: number, reason: string): (ticket: { readonly events?: readonly { readonly kind: string }[] | null }) => string | null {
  return (ticket) => (resolutionRound(ticket) === round ? null : reason);
}

/** Whether a survey or callback of `round` is about a resolution since reworked; `null` (a round not known) counts as the current one. */
export function isEarlierRound(round: number | null, currentRound: number): boolean {
  return round !== null && round < currentRound;
}

/**
 * The round a callback made at `at` on a task of `taskRound` counts for, or null when it is history
 * only. On a task of an earlier round, a call made after the ticket's current resolution tells how the
 * resident feels about that resolution, so it counts for the current round; one made before it (or
 * while the ticket is back in rework) is about a resolution since reworked.
 */
export function callbackCountsFor(
  taskRound: number | null,
  ticket: { readonly events?: readonly { readonly kind: string }[] | null; readonly resolvedAt?: Date | null },
  at: Date,
): number | null {
  const current = resolutionRound(ticket);
  if (!isEarlierRound(taskRound, current)) return current;
  return ticket.resolvedAt && at.getTime() >= ticket.resolvedAt.getTime() ? current : null;
}

/** Why a survey or callback task waits on nothing any more (it is then marked `superseded`). */
export type SettledBecause = 'reworked' | 'closed' | 'cancelled';

/**
 * Why a survey or callback task of `round` no longer waits on `ticket`: the ticket is closed or
 * cancelled, or the resolution it is about was reworked since; null while it still waits.
 */
export function settledBecause(round: number | null, ticket: { readonly status: string; readonly events?: readonly { readonly kind: string }[] | null }): SettledBecause | null {
  if (ticket.status === 'closed' || ticket.status === 'cancelled') return ticket.status;
  return isEarlierRound(round, resolutionRound(ticket)) ? 'reworked' : null;
}

/**
 * The round a callback already on the ticket's history (staff's `callback` event with `data.done` for
 * `taskId`) counted for: its `data.round`; null when it was history only (`data.earlierRound`); for
 * one recorded before the round was stored, the ticket's round when it was recorded. Undefined when
 * the callback is not on the ticket yet.
 */
export function recordedCallbackRound(events: readonly { readonly kind: string; readonly data?: unknown }[] | null | undefined, taskId: string): number | null | undefined {
  const history = events ?? [];
  const at = history.findIndex((e) => e.kind === 'callback' && isDoneCallbackOf(e.data, taskId));
  if (at < 0) return undefined;
  const data = history[at].data as { round?: unknown; earlierRound?: unknown };
  if (typeof data.round === 'number') return data.round;
  if (data.earlierRound === true) return null;
  return resolutionRound({ events: history.slice(0, at) });
}

function isDoneCallbackOf(data: unknown, taskId: string): boolean {
  const fields = data as { task?: unknown; done?: unknown } | null | undefined;
  return fields?.task === taskId && fields.done === true;
}
