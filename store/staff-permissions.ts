import type { StaffRole } from '../domain/property.js';
import type { StaffDirectory } from './staff-directory.js';

/** Who may do what with archives, notices and retention (manual §3, §4). */
export const ROLES_FOR = {
  manageArchives: ['desk', 'agent', 'service-head', 'project-manager'],
  readAuditLog: ['service-head', 'project-manager'],
  draftNotice: ['desk', 'agent', 'technician', 'security', 'service-head', 'project-manager'],
  checkNotice: ['desk', 'agent', 'service-head'],
  approveNotice: ['project-manager'],
  publishNotice: ['desk', 'agent', 'service-head'],
  approveExternalAccess: ['project-manager'],
  approveDestruction: ['project-manager'],
  recordCallback: ['desk', 'agent', 'technician', 'service-head', 'project-manager'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type StaffAction = keyof typeof ROLES_FOR;

export interface ActingStaff {
  id: string;
  name: string;
  role: StaffRole;
}

export class PermissionDeniedError extends Error {
  override name = 'PermissionDeniedError';
}

/** The acting staff member, when they are on the roster and their role allows `action`. */
export async function requireStaffRole(staff: StaffDirectory, staffId: string, action: StaffAction): Promise<ActingStaff> {
  const member = await staff.byId(staffId);
  if (!member || !member.active) throw new PermissionDeniedError(`${staffId} is not on the roster`);
  const allowed: readonly StaffRole[] = ROLES_FOR[action];
  if (!allowed.includes(member.role)) throw new PermissionDeniedError(`${staffId} (${member.role}) may not ${action}`);
  return { id: member._id, name: member.name, role: member.role };
}
