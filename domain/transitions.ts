import type { ActorKind, TicketAction, TicketStatus } from './vocabulary.js';

/** Who performs an action; only cancelling is restricted (the resident, before staff take the ticket). */
export type { ActorKind };

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: TicketStatus,
    readonly action: TicketAction | null,
    readonly to: TicketStatus | null,
    reason?: string,
  ) {
    super(
      (action ? `cannot ${action} a ticket that is ${from}` : `cannot move a ticket from ${from} to ${to}`) +
        (action && to && to !== from ? ` (${from} → ${to} is not allowed)` : '') +
        (reason ? `: ${reason}` : ''),
    );
    this.name = 'IllegalTransitionError';
  }
}

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'dispatched', 'accepted', 'in_progress'];
const EVERY: readonly TicketStatus[] = [...OPEN_STATUSES, 'resolved', 'closed', 'cancelled'];

interface ActionRule {
  readonly from: readonly TicketStatus[];
  /** null: the action leaves the status as it is (it only adds an event). */
  readonly to: TicketStatus | null;
  readonly actors?: readonly ActorKind[];
  /** Only while no staff member has the ticket (see `TicketHolder`). */
  readonly untaken?: true;
}

export const ACTION_RULES: Readonly<Record<TicketAction, ActionRule>> = {
  dispatch: { from: ['new'], to: 'dispatched' },
  accept: { from: ['dispatched'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved', 'closed'], to: 'dispatched' },
  reassign: { from: ['dispatched', 'accepted', 'in_progress'], to: 'dispatched' },
  cancel: { from: ['new', 'dispatched'], to: 'cancelled', actors: ['resident'], untaken: true },
  reply: { from: [...OPEN_STATUSES, 'resolved'], to: null },
  escalate: { from: OPEN_STATUSES, to: null },
  note: { from: EVERY, to: null },
};

export function isActionAllowed(from: TicketStatus, action: TicketAction, by?: ActorKind): boolean {
  const rule = ACTION_RULES[action];
  return rule.from.includes(from) && (by === undefined || !rule.actors || rule.actors.includes(by));
}

/** The status after `action`; throws IllegalTransitionError naming the state, the action and the target. */
export function applyAction(from: TicketStatus, action: TicketAction, by?: ActorKind): TicketStatus {
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(from)) throw new IllegalTransitionError(from, action, rule.to);
  if (by !== undefined && rule.actors && !rule.actors.includes(by)) {
    throw new IllegalTransitionError(from, action, rule.to, `only ${rule.actors.join(' or ')} may ${action}`);
  }
  return rule.to ?? from;
}

/**
 * What the transition rules read of a ticket. `assignee` is the staff member who has it: set by
 * accepting (or resolving unaccepted) and by a reassignment to a person, cleared by a reassignment
 * to a department, and kept when the ticket is reopened for rework, so a reworked ticket is still
 * in that person's hands although its status is back to dispatched.
 */
export interface TicketHolder {
  readonly status: TicketStatus;
  readonly assignee?: { readonly kind: ActorKind; readonly id: string } | null;
}

/** Whether a staff member has the ticket. */
export function isTaken(ticket: TicketHolder): boolean {
  return ticket.assignee?.kind === 'staff';
}

/** Everyone who has had the ticket in hand: its assignee and each staff member who accepted it. */
export function staffWhoTookIt(ticket: TicketHolder & { readonly events?: readonly { readonly kind: string; readonly by?: { readonly kind: string; readonly id: string } | null }[] | null }): string[] {
  const accepted = (ticket.events ?? []).filter((e) => e.kind === 'accepted' && e.by?.kind === 'staff').map((e) => e.by!.id);
  return [...new Set([...(isTaken(ticket) ? [ticket.assignee!.id] : []), ...accepted])];
}

/** `applyAction` on a whole ticket: also refuses what only an untaken ticket allows (a resident's cancel). */
export function applyActionTo(ticket: TicketHolder, action: TicketAction, by?: ActorKind): TicketStatus {
  const to = applyAction(ticket.status, action, by);
  if (ACTION_RULES[action].untaken && isTaken(ticket)) {
    throw new IllegalTransitionError(ticket.status, action, to, 'a staff member has taken the ticket');
  }
  return to;
}

/** Whether `by` may do `action` to the ticket as it is (status, actor and who has it). */
export function isActionAllowedOn(ticket: TicketHolder, action: TicketAction, by?: ActorKind): boolean {
  return isActionAllowed(ticket.status, action, by) && !(ACTION_RULES[action].untaken && isTaken(ticket));
}

/** The action that moves a ticket from one status to another, or null when no action does. */
export function actionBetween(from: TicketStatus, to: TicketStatus): TicketAction | null {
  for (const [action, rule] of Object.entries(ACTION_RULES) as [TicketAction, ActionRule][]) {
    if (rule.to !== null && rule.to === to && rule.from.includes(from)) return action;
  }
  return null;
}

/** Throws unless some action moves `from` to `to`; returns that action. */
export function assertTransition(from: TicketStatus, to: TicketStatus): TicketAction {
  const action = actionBetween(from, to);
  if (action) return action;
  const intended = (Object.entries(ACTION_RULES) as [TicketAction, ActionRule][]).find(([, rule]) => rule.to === to);
  throw new IllegalTransitionError(from, intended ? intended[0] : null, to);
}

export function isTerminal(status: TicketStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
