/**
 * Callback rounds (manual §2: an unsatisfactory result → rework within 24 hours → callback again,
 * until the customer is satisfied). Each resolution of a ticket is a round, numbered by how many
 * times the ticket had been reopened when it was resolved; its survey and callback tasks belong to
 * that round. Rework supersedes the surveys and callbacks of earlier rounds: a survey answer about an
 * earlier round is history only — it neither closes nor reopens the ticket, and does not hold up its
 * closing. A callback is about when it was made (`callbackCountsFor`).
 */
export function resolutionRound(ticket: { readonly events?: readonly { readonly kind: string }[] | null }): number {
  return (ticket.events ?? []).filter((e) => e.kind === 'reopened').length;
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
