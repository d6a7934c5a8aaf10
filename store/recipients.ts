import type { StaffRole } from '../domain/property.js';
import type { DepartmentId } from '../domain/vocabulary.js';
import type { StaffDirectory, StaffMember } from './staff-directory.js';

export interface Recipient {
  conversationKey: string;
  staffId: string;
  kind: 'personal' | 'department';
}

function bindingsOf(members: StaffMember[]): Recipient[] {
  return members.flatMap((m) => (m.bindings ?? []).map((b) => ({ conversationKey: b.conversationKey, staffId: m._id, kind: b.kind as Recipient['kind'] })));
}

/** The chat conversations of a department's bound staff (and department channels), plus those of extra roles; one each. */
export async function recipientsFor(staff: StaffDirectory, department: DepartmentId, alsoRoles: readonly StaffRole[] = []): Promise<Recipient[]> {
  const members = [...(await staff.membersOf(department)), ...(alsoRoles.length ? await staff.withRoles(alsoRoles) : [])];
  const seen = new Set<string>();
  return bindingsOf(members).filter((r) => (seen.has(r.conversationKey) ? false : (seen.add(r.conversationKey), true)));
}

/** The personal chats of these staff members (active ones), one each. */
export async function personalRecipients(staff: StaffDirectory, ids: readonly string[]): Promise<Recipient[]> {
  const members = (await Promise.all([...new Set(ids)].map((id) => staff.byId(id)))).filter((m): m is StaffMember => Boolean(m?.active));
  return bindingsOf(members).filter((r) => r.kind === 'personal');
}

/** What a dispatch card entry carries: who it is for, so the assignee's personal card can show the full phone. */
export interface CardRecipientPayload {
  staffId: string;
  kind: Recipient['kind'];
}

export function dispatchCardPayload(recipient: Recipient): CardRecipientPayload {
  return { staffId: recipient.staffId, kind: recipient.kind };
}
