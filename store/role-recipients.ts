import type { StaffRole } from '../domain/property.js';
import type { Recipient } from './recipients.js';
import type { StaffDirectory, StaffMember } from './staff-directory.js';

function bindingsOf(members: StaffMember[]): Recipient[] {
  const seen = new Set<string>();
  return members
    .flatMap((m) => (m.bindings ?? []).map((b) => ({ conversationKey: b.conversationKey, staffId: m._id, kind: b.kind as Recipient['kind'] })))
    .filter((r) => (seen.has(r.conversationKey) ? false : (seen.add(r.conversationKey), true)));
}

/** The chat conversations of everyone with one of these roles (e.g. the service head and the project manager). */
export async function recipientsWithRoles(staff: StaffDirectory, roles: readonly StaffRole[]): Promise<Recipient[]> {
  return bindingsOf(await staff.withRoles(roles));
}

/** The chat conversations of one staff member (a ticket's assignee). */
export async function recipientsOfStaff(staff: StaffDirectory, staffId: string): Promise<Recipient[]> {
  const member = await staff.byId(staffId);
  return member && member.active ? bindingsOf([member]) : [];
}
