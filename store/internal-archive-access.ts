import { randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import { internalAccessExpiresAt, internalAccessState, mayApproveInternalAccess, readsWithoutApproval, HEAD_ROLES, type ArchiveStaff, type InternalAccessState } from '../domain/archive-access.js';
import { DEPARTMENT_LABELS } from '../domain/vocabulary.js';
import { formatInZone } from '../domain/zoned-format.js';
import type { AuditLog } from './audit-log.js';
import { MIN_REASON_LENGTH, type ConfidentialAccess, type StaffReader } from './confidential-access.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { insertDocument } from './insert.js';
import type { HouseholdDocument } from './models/household.js';
import type { InternalAccessDecision, InternalAccessRequest } from './models/internal-access.js';
import type { Outbox } from './outbox.js';
import { recipientsOfStaff } from './role-recipients.js';
import type { StaffDirectory, StaffMember } from './staff-directory.js';
import { PermissionDeniedError } from './staff-permissions.js';

export type { InternalAccessDecision, InternalAccessRequest };
export type ArchiveFile = NonNullable<Awaited<ReturnType<ConfidentialAccess['readGranted']>>>;

/** Staff texts this records in the outbox (the notifier renders them from the message catalogue). */
export const ARCHIVE_REQUEST_MESSAGES = {
  toApprover: 'archiveRequestToApprove',
  approved: 'archiveRequestApprovedForYou',
  refused: 'archiveRequestRefusedForYou',
} as const;

export type ArchiveReadOutcome =
  | { kind: 'file'; archive: ArchiveFile; requestId: string | null; expiresAt: Date | null }
  | { kind: 'not-found' }
  | { kind: 'requested'; request: InternalAccessRequest; approvers: StaffMember[] }
  | { kind: 'pending'; request: InternalAccessRequest; approvers: StaffMember[] };

export type ArchiveDecisionOutcome =
  | { ok: true; request: InternalAccessRequest; decision: InternalAccessDecision }
  | { ok: false; reason: 'no-such-request' }
  | { ok: false; reason: 'not-an-approver'; request: InternalAccessRequest }
  | { ok: false; reason: 'needs-reason'; request: InternalAccessRequest }
  | { ok: false; reason: 'already-decided'; request: InternalAccessRequest; decision: InternalAccessDecision };

/** Random enough to be unguessable in a chat, short enough to type: ARQ-7K2M9Q. */
const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newRequestId(): string {
  return `ARQ-${[...randomBytes(6)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('')}`;
}

function asArchiveStaff(member: StaffMember): ArchiveStaff {
  return { id: member._id, department: member.department, role: member.role };
}

/**
 * Internal reads of a household file (manual §3): a head or the project manager reads at once
 * (self-approved); anyone else's read becomes a logged request that a head of their department or
 * the project manager approves or refuses, and an approval lets them read for 24 hours. Whatever must
 * happen once is a unique insert: one open request per person and file (its `slot`), one decision per
 * request (the decision's `_id` is the request's).
 */
export class InternalArchiveAccess {
  constructor(
    private readonly audit: AuditLog,
    private readonly requests: Model<InternalAccessRequest>,
    private readonly decisions: Model<InternalAccessDecision>,
    private readonly households: Model<HouseholdDocument>,
    private readonly staff: StaffDirectory,
    private readonly access: ConfidentialAccess,
    private readonly outbox: Outbox,
    private readonly timeZone: string,
  ) {}

  /** `staffId` asks for the file: it is shown (self-approved, or by an approved request), or a request is recorded, or one is already pending. */
  async read(staffId: string, archiveNo: string, reason: string | undefined, at = new Date()): Promise<ArchiveReadOutcome> {
    const member = await this.staff.byId(staffId);
    if (!member?.active) throw new PermissionDeniedError(`${staffId} is not on the roster`);
    const reader: StaffReader = { id: member._id, name: member.name };
    const target = { kind: 'household', id: archiveNo };
    const why = await this.access.requireReason(reader, 'read-archive', target, archiveNo, reason, at);
    if (!(await this.households.exists({ archiveNo }))) {
      await this.audit.record({ actor: { kind: 'staff', ...reader }, action: 'read-archive', target, householdId: archiveNo, reason: why, outcome: 'refused', detail: 'no such household', at });
      return { kind: 'not-found' };
    }
    if (readsWithoutApproval(member)) {
      const archive = await this.access.readGranted(reader, archiveNo, why, `self-approved (${member.role})`, at);
      return archive ? { kind: 'file', archive, requestId: null, expiresAt: null } : { kind: 'not-found' };
    }
    // A lost insert means a competitor's request for the same slot (pending now: the next round says so) or, rarely, an id already taken.
    for (let attempt = 0; ; attempt += 1) {
      const latest = await this.latestRequest(member._id, archiveNo);
      const state: InternalAccessState | null = latest ? internalAccessState(latest.decision, at) : null;
      if (latest && state === 'granted') {
        const { request, decision } = latest;
        const grant = `${request._id} approved by ${decision!.by.name} (${decision!.by.id}), valid until ${formatInZone(decision!.expiresAt!, this.timeZone)}`;
        const archive = await this.access.readGranted(reader, archiveNo, why, grant, at);
        return archive ? { kind: 'file', archive, requestId: request._id, expiresAt: decision!.expiresAt } : { kind: 'not-found' };
      }
      if (latest && state === 'pending') {
        await this.audit.record({ actor: { kind: 'staff', ...reader }, action: 'request-archive', target, householdId: archiveNo, reason: why, outcome: 'refused', detail: `${latest.request._id} already awaits approval`, at });
        return { kind: 'pending', request: latest.request, approvers: await this.approversFor(latest.request.requester) };
      }
      const seq = (latest?.request.seq ?? 0) + 1;
      let request: InternalAccessRequest;
      try {
        request = await insertDocument(this.requests, {
          _id: newRequestId(),
          archiveNo,
          reason: why,
          requester: { id: member._id, name: member.name, department: member.department, role: member.role },
          requestedAt: at,
          seq,
          slot: `${member._id}|${archiveNo}|${seq}`,
          status: 'pending',
        });
      } catch (err) {
        if (isDuplicateKeyError(err) && attempt < 3) continue;
        throw err;
      }
      const approvers = await this.approversFor(asArchiveStaff(member));
      const previous = latest ? `; previous request ${latest.request._id} ${state}` : '';
      await this.audit.record({
        actor: { kind: 'staff', ...reader },
        action: 'request-archive',
        target,
        householdId: archiveNo,
        reason: why,
        outcome: 'allowed',
        detail: `${request._id} awaits approval by ${approvers.map((a) => `${a.name} (${a._id})`).join(', ') || 'nobody on the roster'}${previous}`,
        at,
      });
      await this.tellApprovers(request, approvers, at);
      return { kind: 'requested', request, approvers };
    }
  }

  async approve(approverId: string, requestId: string, at = new Date()): Promise<ArchiveDecisionOutcome> {
    return this.decide(approverId, requestId, 'approved', null, at);
  }

  async refuse(approverId: string, requestId: string, reason: string | undefined, at = new Date()): Promise<ArchiveDecisionOutcome> {
    return this.decide(approverId, requestId, 'refused', reason?.trim() ?? '', at);
  }

  /** Active roster members who may decide this requester's requests. */
  async approversFor(requester: ArchiveStaff): Promise<StaffMember[]> {
    return (await this.staff.withRoles(HEAD_ROLES)).filter((member) => mayApproveInternalAccess(asArchiveStaff(member), requester));
  }

  /** Requests still waiting that `approverId` may decide, oldest first. */
  async pendingFor(approverId: string): Promise<InternalAccessRequest[]> {
    const approver = await this.staff.byId(approverId);
    if (!approver?.active) throw new PermissionDeniedError(`${approverId} is not on the roster`);
    const waiting = await this.requests.find({ status: 'pending' }).sort({ requestedAt: 1 }).lean();
    const decided = new Set((await this.decisions.find({ _id: { $in: waiting.map((r) => r._id) } }, { _id: 1 }).lean()).map((d) => d._id));
    return waiting.filter((request) => !decided.has(request._id) && mayApproveInternalAccess(asArchiveStaff(approver), request.requester));
  }

  async get(requestId: string): Promise<{ request: InternalAccessRequest; decision: InternalAccessDecision | null } | null> {
    const request = await this.requests.findById(requestId.trim().toUpperCase()).lean();
    return request ? { request, decision: await this.decisions.findById(request._id).lean() } : null;
  }

  private async latestRequest(staffId: string, archiveNo: string) {
    const [request] = await this.requests.find({ 'requester.id': staffId, archiveNo }).sort({ seq: -1 }).limit(1).lean();
    return request ? { request, decision: await this.decisions.findById(request._id).lean() } : null;
  }

  private async decide(approverId: string, requestId: string, outcome: 'approved' | 'refused', refusal: string | null, at: Date): Promise<ArchiveDecisionOutcome> {
    const action = outcome === 'approved' ? 'approve-archive-request' : 'refuse-archive-request';
    const id = requestId.trim().toUpperCase();
    const target = { kind: 'archive-request', id };
    const approver = await this.staff.byId(approverId);
    const actor = { kind: 'staff' as const, id: approverId, ...(approver ? { name: approver.name } : {}) };
    const found = await this.get(id);
    if (!found) {
      await this.audit.record({ actor, action, target, householdId: null, reason: refusal || null, outcome: 'refused', detail: 'no such request', at });
      return { ok: false, reason: 'no-such-request' };
    }
    const { request } = found;
    const { requester } = request;
    const refused = (detail: string) => this.audit.record({ actor, action, target, householdId: request.archiveNo, reason: refusal || request.reason, outcome: 'refused', detail, at });
    if (!approver?.active || !mayApproveInternalAccess(asArchiveStaff(approver), requester)) {
      await refused(`${approverId} (${approver?.role ?? 'not on the roster'}) may not decide a request of ${requester.name} (${requester.department}): a head of that department or the project manager does`);
      return { ok: false, reason: 'not-an-approver', request };
    }
    if (outcome === 'refused' && (refusal ?? '').length < MIN_REASON_LENGTH) {
      await refused('a refusal needs a reason');
      return { ok: false, reason: 'needs-reason', request };
    }
    let decision: InternalAccessDecision;
    try {
      decision = await insertDocument(this.decisions, {
        _id: id,
        outcome,
        by: { id: approver._id, name: approver.name, role: approver.role },
        at,
        expiresAt: outcome === 'approved' ? internalAccessExpiresAt(at) : null,
        reason: refusal,
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const earlier = (await this.decisions.findById(id).lean())!;
      await this.requests.updateOne({ _id: id }, { $set: { status: earlier.outcome } });
      await refused(`already ${earlier.outcome} by ${earlier.by.name} (${earlier.by.id})`);
      return { ok: false, reason: 'already-decided', request, decision: earlier };
    }
    await this.requests.updateOne({ _id: id }, { $set: { status: outcome } });
    const detail =
      outcome === 'approved'
        ? `${requester.name} (${requester.id}) may read until ${formatInZone(decision.expiresAt!, this.timeZone)}`
        : `request of ${requester.name} (${requester.id}): ${request.reason}`;
    await this.audit.record({ actor, action, target, householdId: request.archiveNo, reason: refusal || request.reason, outcome: 'allowed', detail, at });
    await this.tellRequester(request, decision, at);
    return { ok: true, request: { ...request, status: outcome }, decision };
  }

  private async tellApprovers(request: InternalAccessRequest, approvers: StaffMember[], at: Date): Promise<void> {
    const values = {
      id: request._id,
      name: request.requester.name,
      department: DEPARTMENT_LABELS[request.requester.department].zh,
      archiveNo: request.archiveNo,
      reason: request.reason,
    };
    for (const approver of approvers) await this.tellStaff(approver._id, `archive-request:${request._id}`, ARCHIVE_REQUEST_MESSAGES.toApprover, values, at);
  }

  private async tellRequester(request: InternalAccessRequest, decision: InternalAccessDecision, at: Date): Promise<void> {
    const values = { id: request._id, archiveNo: request.archiveNo, approver: decision.by.name, until: decision.expiresAt ? this.localTime(decision.expiresAt) : '', reason: decision.reason ?? '' };
    const message = decision.outcome === 'approved' ? ARCHIVE_REQUEST_MESSAGES.approved : ARCHIVE_REQUEST_MESSAGES.refused;
    await this.tellStaff(request.requester.id, `archive-decision:${request._id}`, message, values, at);
  }

  /** Personal chats only: a request names a household and a reason, not for a department group chat. */
  private async tellStaff(staffId: string, keyPrefix: string, key: string, values: Record<string, unknown>, at: Date): Promise<void> {
    for (const recipient of (await recipientsOfStaff(this.staff, staffId)).filter((r) => r.kind === 'personal')) {
      await this.outbox.record(
        { key: `${keyPrefix}:${recipient.conversationKey}`, kind: 'staff-text', conversationKey: recipient.conversationKey, payload: { key, values, language: 'zh-CN' } },
        at,
      );
    }
  }

  localTime(at: Date): string {
    return formatInZone(at, this.timeZone).replace('T', ' ').slice(0, 16);
  }
}
