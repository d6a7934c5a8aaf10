import type { Property } from './property.js';
import type { SlaPolicy } from './sla-policy.js';
import { stableUnitInterval } from './stable-hash.js';
import type { Category } from './vocabulary.js';
import type { WorkingCalendar } from './working-calendar.js';

export type CallbackRates = Property['callbackRates'];

/** Manual §1.7 / §2 rates; security is "important" by nature, so every security item is called back. */
export const DEFAULT_CALLBACK_RATES: CallbackRates = { complaint: 1, repair: 0.3, repairInPerson: 0.01, security: 1, other: 0.1 };

export interface CallbackDecision {
  /** Whether customer service calls this ticket back. */
  readonly callback: boolean;
  /** Whether that callback is an in-person visit (repairs only). */
  readonly inPerson: boolean;
  /** The rate the decision was drawn at. */
  readonly rate: number;
}

/** The callback rate for a category; inquiries count as "other". */
export function callbackRateFor(category: Category, rates: CallbackRates = DEFAULT_CALLBACK_RATES): number {
  switch (category) {
    case 'complaint':
      return rates.complaint;
    case 'repair':
      return rates.repair;
    case 'security':
      return rates.security;
    case 'inquiry':
    case 'other':
      return rates.other;
  }
}

/**
 * Whether a resolved ticket is called back, decided from its id or number alone so that every
 * run (and every process) decides the same: the ticket is sampled when the stable hash of its key
 * falls below the rate.
 */
export function callbackDecision(ticketKey: string, category: Category, rates: CallbackRates = DEFAULT_CALLBACK_RATES): CallbackDecision {
  const rate = callbackRateFor(category, rates);
  const callback = stableUnitInterval(`callback:${ticketKey}`) < rate;
  const inPerson = callback && category === 'repair' && stableUnitInterval(`visit:${ticketKey}`) < rates.repairInPerson;
  return { callback, inPerson, rate };
}

/**
 * Per-ticket sampling gives the in-person share only on average; a job that must guarantee
 * "at least 1% in person" over a period tops up to this many visits.
 */
export function requiredInPersonVisits(sampledRepairCallbacks: number, inPersonShare: number): number {
  if (sampledRepairCallbacks <= 0) return 0;
  return Math.ceil(sampledRepairCallbacks * inPersonShare - 1e-9);
}

/** Callbacks are due within the policy's working days of resolution (manual §2: 10). */
export function callbackDueAt(resolvedAt: Date, policy: Pick<SlaPolicy, 'callbackWithinWorkingDays'>, calendar: WorkingCalendar): Date {
  return calendar.addWorkingDays(resolvedAt, policy.callbackWithinWorkingDays);
}
