import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/** The property's setup file (PROPDESK_PROPERTY_FILE), as in docs/interfaces.md. Unknown fields are rejected. */

export const PROPERTY_KINDS = ['residential', 'residential-premium', 'office-single-owner', 'office-multi-owner'] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];

export const DEPARTMENT_IDS = ['service', 'engineering', 'security', 'management'] as const;
export type DepartmentId = (typeof DEPARTMENT_IDS)[number];

export const STAFF_ROLES = ['desk', 'agent', 'technician', 'security', 'service-head', 'project-manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((day) => DateTime.fromISO(day, { zone: 'UTC' }).isValid, 'no such date');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
const rate = z.number().min(0).max(1);

/** A time limit: wall-clock minutes or hours, or working days on the property's calendar. */
export const slaDurationSchema = z.union(
  [
    z.strictObject({ minutes: z.number().int().positive() }),
    z.strictObject({ hours: z.number().positive() }),
    z.strictObject({ workingDays: z.number().int().min(0) }),
  ],
  { error: 'expected one of { "minutes": n }, { "hours": n }, { "workingDays": n }' },
);
export type SlaDuration = z.infer<typeof slaDurationSchema>;

/** Overrides one category's (or complaint level's) limits; `resolve: null` means no resolve limit. */
export const slaRuleOverrideSchema = z.strictObject({
  reply: slaDurationSchema.optional(),
  resolve: slaDurationSchema.nullable().optional(),
});

/** Every number of the SLA policy can be overridden here; what is left out keeps the manual's default. */
export const slaOverridesSchema = z.strictObject({
  complaint: z
    .strictObject({
      major: slaRuleOverrideSchema.optional(),
      important: slaRuleOverrideSchema.optional(),
      minor: slaRuleOverrideSchema.optional(),
    })
    .optional(),
  repair: slaRuleOverrideSchema.optional(),
  inquiry: slaRuleOverrideSchema.optional(),
  security: slaRuleOverrideSchema.optional(),
  other: slaRuleOverrideSchema.optional(),
  /** Reply limit once the receiver has asked a supervisor (manual §1: 5 minutes). */
  supervisorReply: slaDurationSchema.optional(),
  /** Callbacks are due within this many working days of resolution (manual §2: 10). */
  callbackWithinWorkingDays: z.number().int().min(1).optional(),
});
export type SlaOverrides = z.infer<typeof slaOverridesSchema>;

export const departmentSchema = z.strictObject({
  id: z.enum(DEPARTMENT_IDS),
  name: z.string().min(1),
});

export const staffSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  department: z.enum(DEPARTMENT_IDS),
  role: z.enum(STAFF_ROLES),
  bindCode: z.string().min(4),
  phone: z.string().optional(),
});

export const propertySchema = z
  .strictObject({
    code: z.string().regex(/^[A-Za-z0-9]{2,12}$/, 'expected 2–12 letters or digits'),
    name: z.string().min(1),
    kind: z.enum(PROPERTY_KINDS),
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), 'expected an IANA time zone such as Asia/Shanghai')
      .default('Asia/Shanghai'),
    dutyPhone: z.string().min(3),
    departments: z.array(departmentSchema).min(1),
    staff: z.array(staffSchema).default([]),
    callbackRates: z
      .strictObject({
        complaint: z.literal(1, 'complaints are always called back: expected 1').default(1),
        repair: z.number().min(0.3).max(0.8).default(0.3),
        /** Share of sampled repair callbacks made in person (manual §2: at least 1%). */
        repairInPerson: z.number().min(0.01).max(1).default(0.01),
        security: rate.default(1),
        other: rate.default(0.1),
      })
      .default({ complaint: 1, repair: 0.3, repairInPerson: 0.01, security: 1, other: 0.1 }),
    calendar: z
      .strictObject({
        extraHolidays: z.array(isoDate).default([]),
        extraWorkdays: z.array(isoDate).default([]),
      })
      .default({ extraHolidays: [], extraWorkdays: [] }),
    sla: slaOverridesSchema.optional(),
    shifts: z.array(clockTime).min(1).default(['08:00', '20:00']),
    retentionYears: z.number().int().min(1).max(30).default(3),
  })
  .superRefine((p, ctx) => {
    p.calendar.extraHolidays.forEach((day, i) => {
      if (p.calendar.extraWorkdays.includes(day)) {
        ctx.addIssue({ code: 'custom', path: ['calendar', 'extraHolidays', i], message: `${day} is also listed in extraWorkdays` });
      }
    });
    const departmentIds = new Set(p.departments.map((d) => d.id));
    p.staff.forEach((s, i) => {
      if (!departmentIds.has(s.department)) {
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'department'], message: `department "${s.department}" is not in departments` });
      }
    });
    const seen = new Map<string, number>();
    p.staff.forEach((s, i) => {
      for (const key of [`id:${s.id}`, `bindCode:${s.bindCode}`]) {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['staff', i], message: `duplicate ${key.replace(':', ' ')}` });
        seen.set(key, i);
      }
    });
  });

export type Property = z.infer<typeof propertySchema>;
export type Staff = z.infer<typeof staffSchema>;

export class PropertyError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PropertyError';
  }
}

/** Formats zod issues as one line each, naming the field, e.g. `staff[0].role: invalid option`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
      .join('');
    if (issue.code === 'unrecognized_keys') {
      const where = path ? `${prefix}${path}` : prefix.replace(/\.$/, '') || 'property';
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return `${prefix}${path || '(root)'}: ${issue.message}`;
  });
}

export function parseProperty(raw: unknown): Property {
  const result = propertySchema.safeParse(raw);
  if (!result.success) throw new PropertyError(describeIssues(result.error.issues));
  return result.data;
}
