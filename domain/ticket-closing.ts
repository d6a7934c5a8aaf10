import type { SlaPolicy } from './sla-policy.js';
import type { SurveyAnswer } from './survey-answer.js';
import type { WorkingCalendar } from './working-calendar.js';

const DAY_MS = 86_400_000;

/**
 * When a resolved ticket is finished (closed): its callback cycle (manual §2, 回访) is over.
 *
 * - At once, when the resident's survey answer or a callback staff made says satisfied or basically
 *   satisfied (a score of 3–5 reads as one of those). A dissatisfied answer reopens the ticket for
 *   rework instead, and the cycle starts again.
 * - Otherwise, when no survey or callback is waiting on the ticket (it was not sampled, or its survey
 *   or callback is finished), once the callback window is over — a late survey answer or callback
 *   still counts until then: 10 working days of resolution by default
 *   (`sla.callbackWithinWorkingDays`), on the property's working-day calendar.
 */
export function answerClosesTicket(answer: SurveyAnswer | null | undefined): boolean {
  return answer === 'satisfied' || answer === 'basically-satisfied';
}

/** The grace period in working days: the callback window of the policy (manual §2: 10). */
export function closingGraceWorkingDays(policy: Pick<SlaPolicy, 'callbackWithinWorkingDays'>): number {
  return policy.callbackWithinWorkingDays;
}

/** When the grace period of a ticket resolved at `resolvedAt` is over (the same counting as a callback's due date). */
export function closingGraceEndsAt(resolvedAt: Date, workingDays: number, calendar: WorkingCalendar): Date {
  return calendar.addWorkingDays(resolvedAt, workingDays);
}

export interface ClosingFacts {
  /** When the ticket was (last) resolved. */
  readonly resolvedAt: Date;
  /** A survey sent and not answered or expired, a callback task not done, or a survey not yet decided on. */
  readonly callbackOpen: boolean;
}

/** Whether a resolved ticket closes quietly now: nothing waits on it and its grace period is over. */
export function closesAfterGrace(facts: ClosingFacts, now: Date, workingDays: number, calendar: WorkingCalendar): boolean {
  if (facts.callbackOpen) return false;
  return now.getTime() >= closingGraceEndsAt(facts.resolvedAt, workingDays, calendar).getTime();
}

/**
 * Tickets resolved at or after this instant cannot have finished their grace period at `now`: every
 * working day is a calendar day, so N working days never end before N − 1 whole days have passed
 * (one day of slack covers a clock change in zones that have one). A job reads only the tickets
 * resolved before it (an indexed range) and asks `closesAfterGrace` of each.
 */
export function closingCandidatesBefore(now: Date, workingDays: number): Date {
  return new Date(now.getTime() - Math.max(0, workingDays - 1) * DAY_MS);
}
