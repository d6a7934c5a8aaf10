import type { Property, SlaDuration, SlaOverrides } from './property.js';
import type { Category, Severity } from './vocabulary.js';
import { effectiveSeverity } from './vocabulary.js';

export type { SlaDuration, SlaOverrides };

export interface SlaRule {
  readonly reply: SlaDuration;
  /** null: no resolve deadline. */
  readonly resolve: SlaDuration | null;
}

export interface SlaPolicy {
  readonly complaint: Readonly<Record<Severity, SlaRule>>;
  readonly repair: SlaRule;
  readonly inquiry: SlaRule;
  readonly security: SlaRule;
  readonly other: SlaRule;
  readonly supervisorReply: SlaDuration;
  readonly callbackWithinWorkingDays: number;
}

/**
 * Complaint limits are the manual's table (§2); the rest are PropDesk's defaults:
 * security is answered within 15 minutes and settled within 24 hours, wall clock, because
 * security works round the clock; repairs are answered within 1 working day and fixed within 3;
 * inquiries are answered and settled within 1 working day; other requests within 1 and 3.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  complaint: {
    major: { reply: { hours: 2 }, resolve: { workingDays: 3 } },
    important: { reply: { workingDays: 1 }, resolve: { workingDays: 2 } },
    minor: { reply: { workingDays: 1 }, resolve: { workingDays: 1 } },
  },
  repair: { reply: { workingDays: 1 }, resolve: { workingDays: 3 } },
  inquiry: { reply: { workingDays: 1 }, resolve: { workingDays: 1 } },
  security: { reply: { minutes: 15 }, resolve: { hours: 24 } },
  other: { reply: { workingDays: 1 }, resolve: { workingDays: 3 } },
  supervisorReply: { minutes: 5 },
  callbackWithinWorkingDays: 10,
};

type RuleOverride = { reply?: SlaDuration | undefined; resolve?: SlaDuration | null | undefined };

function mergeRule(base: SlaRule, override: RuleOverride | undefined): SlaRule {
  if (!override) return base;
  return {
    reply: override.reply ?? base.reply,
    resolve: override.resolve === undefined ? base.resolve : override.resolve,
  };
}

/** The default policy with a property file's `sla` overrides laid over it, field by field. */
export function mergeSlaPolicy(overrides: SlaOverrides | undefined, base: SlaPolicy = DEFAULT_SLA_POLICY): SlaPolicy {
  if (!overrides) return base;
  return {
    complaint: {
      major: mergeRule(base.complaint.major, overrides.complaint?.major),
      important: mergeRule(base.complaint.important, overrides.complaint?.important),
      minor: mergeRule(base.complaint.minor, overrides.complaint?.minor),
    },
    repair: mergeRule(base.repair, overrides.repair),
    inquiry: mergeRule(base.inquiry, overrides.inquiry),
    security: mergeRule(base.security, overrides.security),
    other: mergeRule(base.other, overrides.other),
    supervisorReply: overrides.supervisorReply ?? base.supervisorReply,
    callbackWithinWorkingDays: overrides.callbackWithinWorkingDays ?? base.callbackWithinWorkingDays,
  };
}

export function slaPolicyFor(property: Pick<Property, 'sla'>): SlaPolicy {
  return mergeSlaPolicy(property.sla);
}

/** The rule for a ticket; severity only matters for complaints (an ungraded complaint counts as important). */
export function slaRuleFor(policy: SlaPolicy, category: Category, severity?: Severity | null): SlaRule {
  if (category === 'complaint') return policy.complaint[effectiveSeverity(category, severity) as Severity];
  return policy[category];
}

export function describeDuration(duration: SlaDuration): string {
  if ('minutes' in duration) return `${duration.minutes} min`;
  if ('hours' in duration) return `${duration.hours} h`;
  return `${duration.workingDays} working day${duration.workingDays === 1 ? '' : 's'}`;
}
