import { supervisorReplyDueAt } from './sla-clock.js';
import type { SlaPolicy } from './sla-policy.js';
import { isOpen } from './transitions.js';
import type { TicketStatus } from './vocabulary.js';
import type { WorkingCalendar } from './working-calendar.js';

/** What the SLA stages of a ticket depend on. */
export interface SlaFacts {
  readonly status: TicketStatus;
  readonly createdAt: Date;
  readonly replyDueAt: Date;
  readonly resolveDueAt?: Date | null;
  readonly firstReplyAt?: Date | null;
  readonly events?: ReadonlyArray<{ readonly kind: string; readonly at: Date; readonly data?: unknown }>;
}

export type SlaLimit = 'reply' | 'resolve' | 'supervisor';

/** One moment the SLA job acts on: a reminder at 50% or 80% of a window, or a breach. */
export interface SlaStage {
  /** Unique within the ticket: the ticket's history records it once done. */
  readonly id: string;
  /** The deadline window the stage belongs to; once a later stage of a window is due, earlier reminders are moot. */
  readonly window: string;
  readonly limit: SlaLimit;
  readonly kind: 'reminder' | 'breach';
  readonly percent: number;
  readonly at: Date;
  readonly dueAt: Date;
}

export const REMINDER_SHARES = [0.5, 0.8] as const;

function windowStages(prefix: string, limit: SlaLimit, start: Date, due: Date): SlaStage[] {
  const span = due.getTime() - start.getTime();
  const reminders = REMINDER_SHARES.map((share) => ({
    id: `${prefix}-${share * 100}`,
    window: prefix,
    limit,
    kind: 'reminder' as const,
    percent: share * 100,
    at: new Date(start.getTime() + Math.max(0, span) * share),
    dueAt: due,
  }));
  return [...reminders, { id: `${prefix}-breach`, window: prefix, limit, kind: 'breach', percent: 100, at: due, dueAt: due }];
}

/**
 * Every stage a ticket has in its current state: reply stages until someone answers, resolve stages
 * (counted per rework round) until it is resolved, and the 5-minute supervisor rule after an
 * escalation nobody answered.
 */
export function slaStagesOf(ticket: SlaFacts, policy: SlaPolicy, calendar: WorkingCalendar): SlaStage[] {
  if (!isOpen(ticket.status)) return [];
  const stages: SlaStage[] = [];
  const events = ticket.events ?? [];
  if (!ticket.firstReplyAt) stages.push(...windowStages('reply', 'reply', ticket.createdAt, ticket.replyDueAt));

  const lastEscalation = [...events].reverse().find((e) => e.kind === 'escalated');
  if (lastEscalation) {
    const answeredAfter = events.some((e) => (e.kind === 'replied' || e.kind === 'accepted') && e.at.getTime() >= lastEscalation.at.getTime());
    if (!answeredAfter) {
      const due = supervisorReplyDueAt(policy, calendar, lastEscalation.at);
      const id = `supervisor-breach@${lastEscalation.at.toISOString()}`;
      stages.push({ id, window: id, limit: 'supervisor', kind: 'breach', percent: 100, at: due, dueAt: due });
    }
  }

  if (ticket.resolveDueAt) {
    const reopenings = events.filter((e) => e.kind === 'reopened');
    const round = reopenings.length;
    const start = round > 0 ? reopenings[round - 1]!.at : ticket.createdAt;
    stages.push(...windowStages(round > 0 ? `resolve#${round}` : 'resolve', 'resolve', start, ticket.resolveDueAt));
  }
  return stages;
}

/** Stage ids already handled, read from the ticket's 'reminded' and 'breached' events. */
export function doneStageIds(ticket: SlaFacts): Set<string> {
  const done = new Set<string>();
  for (const event of ticket.events ?? []) {
    const stage = (event.data as { stage?: unknown } | undefined)?.stage;
    if (event.kind !== 'reminded' && event.kind !== 'breached') continue;
    if (typeof stage === 'string') done.add(stage);
    const covers = (event.data as { covers?: unknown } | undefined)?.covers;
    if (Array.isArray(covers)) covers.forEach((id) => typeof id === 'string' && done.add(id));
  }
  return done;
}

export function pendingStages(ticket: SlaFacts, policy: SlaPolicy, calendar: WorkingCalendar): SlaStage[] {
  const done = doneStageIds(ticket);
  return slaStagesOf(ticket, policy, calendar)
    .filter((stage) => !done.has(stage.id))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
