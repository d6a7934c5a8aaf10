/**
 * Callback rounds (manual §2: an unsatisfactory result → rework within 24 hours → callback again,
 * until the customer is satisfied). Each resolution of a ticket is a round, numbered by how many
 * times the ticket had been reopened when it was resolved; its survey and callback tasks belong to
 * that round. Rework supersedes the surveys and callbacks of earlier rounds: an answer or callback
 * about an earlier round is history only — it neither closes nor reopens the ticket, and does not
 * hold up its closing.
 */
export function resolutionRound(ticket: { readonly events?: readonly { readonly kind: string }[] | null }): number {
  return (ticket.events ?? []).filter((e) => e.kind === 'reopened').length;
}

/** Whether a survey or callback of `round` is about a resolution since reworked. */
export function isEarlierRound(round: number, currentRound: number): boolean {
  return round < currentRound;
}
