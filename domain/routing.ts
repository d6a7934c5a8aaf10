import type { Category, DepartmentId, Severity, StaffRole } from './vocabulary.js';
import { effectiveSeverity } from './vocabulary.js';

/** Manual §1 routing table (信息处理网络图). */
export const DEPARTMENT_BY_CATEGORY: Readonly<Record<Category, DepartmentId>> = {
  complaint: 'service',
  inquiry: 'service',
  other: 'service',
  repair: 'engineering',
  security: 'security',
};

export interface Route {
  readonly department: DepartmentId;
  /** Roles told in addition to the department (major items: service head and project manager). */
  readonly alsoNotify: readonly StaffRole[];
  /** Deliver at once, bypassing any batching or quiet hours (security items). */
  readonly immediate: boolean;
}

export function departmentFor(category: Category): DepartmentId {
  return DEPARTMENT_BY_CATEGORY[category];
}

export function routeTicket(category: Category, severity?: Severity | null): Route {
  const major = effectiveSeverity(category, severity) === 'major';
  return {
    department: departmentFor(category),
    alsoNotify: major ? ['service-head', 'project-manager'] : [],
    immediate: category === 'security' || major,
  };
}

/**
 * Who is told when a deadline is breached: by complaint level (minor → desk lead,
 * important → service head, major → project manager), or by category for the rest
 * (security → project manager, repair → service head, inquiry/other → desk; an
 * ungraded complaint counts as important).
 */
export function escalationTarget(key: Severity | Category): StaffRole {
  switch (key) {
    case 'minor':
    case 'inquiry':
    case 'other':
      return 'desk';
    case 'important':
    case 'complaint':
    case 'repair':
      return 'service-head';
    case 'major':
    case 'security':
      return 'project-manager';
  }
}

/** escalationTarget for a ticket: complaints by their level, everything else by category. */
export function escalationTargetFor(category: Category, severity?: Severity | null): StaffRole {
  return escalationTarget(effectiveSeverity(category, severity) ?? category);
}
