import type { Property } from './property.js';
import type { SlaDuration, SlaPolicy } from './sla-policy.js';
import { slaPolicyFor, slaRuleFor } from './sla-policy.js';
import type { Category, Severity } from './vocabulary.js';
import { WorkingCalendar } from './working-calendar.js';
import { formatInZone } from './zoned-format.js';

export interface Deadlines {
  readonly replyDueAt: Date;
  readonly resolveDueAt: Date | null;
}

const MINUTE_MS = 60_000;

/** `from` plus a limit: minutes and hours on the wall clock, working days on the calendar. */
export function addSlaDuration(from: Date, duration: SlaDuration, calendar: WorkingCalendar): Date {
  if ('minutes' in duration) return new Date(from.getTime() + duration.minutes * MINUTE_MS);
  if ('hours' in duration) return new Date(from.getTime() + duration.hours * 60 * MINUTE_MS);
  return calendar.addWorkingDays(from, duration.workingDays);
}

const calendars = new WeakMap<object, { zone: string; overrides: unknown; calendar: WorkingCalendar }>();

/** The property's calendar, built again only when its zone or calendar overrides are replaced. */
export function workingCalendarFor(property: Pick<Property, 'timeZone' | 'calendar'>): WorkingCalendar {
  const built = calendars.get(property);
  if (built && built.zone === property.timeZone && built.overrides === property.calendar) return built.calendar;
  const calendar = new WorkingCalendar(property.timeZone, property.calendar);
  calendars.set(property, { zone: property.timeZone, overrides: property.calendar, calendar });
  return calendar;
}

export function computeDeadlines(
  policy: SlaPolicy,
  calendar: WorkingCalendar,
  category: Category,
  severity: Severity | null | undefined,
  at: Date,
): Deadlines {
  const rule = slaRuleFor(policy, category, severity);
  return {
    replyDueAt: addSlaDuration(at, rule.reply, calendar),
    resolveDueAt: rule.resolve ? addSlaDuration(at, rule.resolve, calendar) : null,
  };
}

/** Deadlines for a request received at `at`, from the property's calendar and SLA overrides (for `propdesk sla`). */
export function deadlinesFor(
  property: Pick<Property, 'timeZone' | 'calendar' | 'sla'>,
  category: Category,
  severity: Severity | null | undefined,
  at: Date,
): Deadlines {
  return computeDeadlines(slaPolicyFor(property), workingCalendarFor(property), category, severity, at);
}

/** The reply deadline once the receiver has asked a supervisor (manual §1: 5 minutes). */
export function supervisorReplyDueAt(policy: SlaPolicy, calendar: WorkingCalendar, escalatedAt: Date): Date {
  return addSlaDuration(escalatedAt, policy.supervisorReply, calendar);
}

/** Deadlines as ISO strings with the property's offset, e.g. 2026-10-08T15:00:00+08:00. */
export function formatDeadlines(deadlines: Deadlines, zone: string): { replyDueAt: string; resolveDueAt: string | null } {
  return {
    replyDueAt: formatInZone(deadlines.replyDueAt, zone),
    resolveDueAt: deadlines.resolveDueAt ? formatInZone(deadlines.resolveDueAt, zone) : null,
  };
}

export function isOverdue(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && now.getTime() > dueAt.getTime();
}
