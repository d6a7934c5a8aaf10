import type { DepartmentId, StaffRole } from './property.js';

/**
 * Manual §3: viewing or copying a household file inside the company needs the department head's
 * approval and a logged request. A department's head is whoever holds a head role in it; the project
 * manager heads the whole property, so may approve any request (and is the only approver for
 * departments with no head role on the roster, e.g. engineering and security).
 */
export const HEAD_ROLES: readonly StaffRole[] = ['service-head', 'project-manager'];

/** How long an approved request lets its requester read the file. */
export const INTERNAL_ACCESS_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ArchiveStaff {
  id: string;
  department: DepartmentId;
  role: StaffRole;
}

/** Heads and the project manager approve their own reads: they see a file at once (the log says self-approved). */
export function readsWithoutApproval(staff: Pick<ArchiveStaff, 'role'>): boolean {
  return HEAD_ROLES.includes(staff.role);
}

/** The project manager, or a head of the requester's own department; never the requester. */
export function mayApproveInternalAccess(approver: ArchiveStaff, requester: ArchiveStaff): boolean {
  if (approver.id === requester.id) return false;
  if (approver.role === 'project-manager') return true;
  return HEAD_ROLES.includes(approver.role) && approver.department === requester.department;
}

export function internalAccessExpiresAt(approvedAt: Date): Date {
  return new Date(approvedAt.getTime() + INTERNAL_ACCESS_WINDOW_MS);
}

export type InternalAccessState = 'pending' | 'granted' | 'expired' | 'refused';

/** Where a request stands at `now`, from its decision (none yet: pending). */
export function internalAccessState(decision: { outcome: 'approved' | 'refused'; at: Date } | null | undefined, now: Date): InternalAccessState {
  if (!decision) return 'pending';
  if (decision.outcome === 'refused') return 'refused';
  return now.getTime() < internalAccessExpiresAt(decision.at).getTime() ? 'granted' : 'expired';
}
