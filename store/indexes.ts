import type { Connection } from 'mongoose';

interface IndexSpec {
  collection: string;
  keys: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
}

/**
 * Every index PropDesk needs, created at start-up from this one list (autoIndex is off). Only plain
 * and unique indexes: FerretDB 1.24 has no TTL, partial or text indexes.
 */
export const INDEXES: readonly IndexSpec[] = [
  { collection: 'tickets', keys: { number: 1 }, name: 'number_unique', unique: true },
  { collection: 'tickets', keys: { intakeKey: 1 }, name: 'intakeKey_unique', unique: true },
  { collection: 'tickets', keys: { status: 1, replyDueAt: 1 }, name: 'status_replyDueAt' },
  { collection: 'tickets', keys: { status: 1, resolveDueAt: 1 }, name: 'status_resolveDueAt' },
  { collection: 'tickets', keys: { 'resident.accountId': 1, createdAt: -1 }, name: 'resident_createdAt' },
  { collection: 'tickets', keys: { householdId: 1, createdAt: -1 }, name: 'household_createdAt' },
  { collection: 'tickets', keys: { department: 1, status: 1 }, name: 'department_status' },
  { collection: 'tickets', keys: { 'assignee.id': 1, status: 1 }, name: 'assignee_status' },
  { collection: 'tickets', keys: { createdAt: 1 }, name: 'createdAt' },
  { collection: 'tickets', keys: { resolvedAt: 1 }, name: 'resolvedAt' },
  // the closing job: resolved tickets past the grace period's earliest end
  { collection: 'tickets', keys: { status: 1, resolvedAt: 1 }, name: 'status_resolvedAt' },
  { collection: 'surveys', keys: { status: 1, answerDueAt: 1 }, name: 'status_answerDueAt' },
  { collection: 'surveys', keys: { ticketNumber: 1, status: 1 }, name: 'ticket_status' },
  { collection: 'surveys', keys: { residentAccountId: 1, status: 1 }, name: 'resident_status' },
  { collection: 'callbackTasks', keys: { status: 1, method: 1, dueAt: 1 }, name: 'status_method_dueAt' },
  { collection: 'callbackTasks', keys: { ticketNumber: 1 }, name: 'ticketNumber' },
  { collection: 'capas', keys: { createdAt: 1 }, name: 'createdAt' },
  { collection: 'jobSlots', keys: { at: 1 }, name: 'at' },
  { collection: 'households', keys: { archiveNo: 1 }, name: 'archiveNo_unique', unique: true },
  { collection: 'residents', keys: { householdId: 1 }, name: 'householdId' },
  { collection: 'staff', keys: { bindCode: 1 }, name: 'bindCode_unique', unique: true },
  { collection: 'staff', keys: { bindingKeys: 1 }, name: 'bindingKeys' },
  { collection: 'staff', keys: { department: 1, role: 1 }, name: 'department_role' },
  { collection: 'capas', keys: { clusterKey: 1 }, name: 'clusterKey_unique', unique: true },
  { collection: 'audit', keys: { householdId: 1, at: -1 }, name: 'household_at' },
  { collection: 'audit', keys: { 'actor.id': 1, at: -1 }, name: 'actor_at' },
  { collection: 'outbox', keys: { status: 1, nextAttemptAt: 1 }, name: 'status_nextAttemptAt' },
  { collection: 'outbox', keys: { ticketNumber: 1, kind: 1 }, name: 'ticket_kind' },
  { collection: 'households', keys: { departedAt: 1 }, name: 'departedAt' },
  { collection: 'households', keys: { building: 1 }, name: 'building' },
  { collection: 'conversationRefs', keys: { channelId: 1, userId: 1, updatedAt: -1 }, name: 'channel_user_updatedAt' },
  { collection: 'notices', keys: { status: 1, expiresAt: 1 }, name: 'status_expiresAt' },
  { collection: 'acks', keys: { noticeId: 1, at: 1 }, name: 'notice_at' },
  { collection: 'externalAccessRequests', keys: { archiveNo: 1 }, name: 'archiveNo' },
  { collection: 'internalAccessRequests', keys: { slot: 1 }, name: 'slot_unique', unique: true },
  { collection: 'internalAccessRequests', keys: { 'requester.id': 1, archiveNo: 1, seq: -1 }, name: 'requester_archive_seq' },
  { collection: 'internalAccessRequests', keys: { status: 1, requestedAt: 1 }, name: 'status_requestedAt' },
  { collection: 'ticketVersionClaims', keys: { at: 1 }, name: 'at' },
  { collection: 'botStateClaims', keys: { at: 1 }, name: 'at' },
];

export async function ensureIndexes(connection: Connection, indexes: readonly IndexSpec[] = INDEXES): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error('the database connection is not open');
  for (const index of indexes) {
    await db.collection(index.collection).createIndex(index.keys, { name: index.name, unique: index.unique ?? false });
  }
}
