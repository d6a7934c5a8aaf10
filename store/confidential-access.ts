import type { Model } from 'mongoose';
import type { AuditLog } from './audit-log.js';
import type { HouseholdDocument } from './models/household.js';
import type { ResidentAccountDocument } from './models/resident-account.js';
import type { ExternalAccessRequestDocument } from './models/external-access.js';
import type { TicketDocument } from './models/ticket.js';
import type { StaffDirectory } from './staff-directory.js';
import { PermissionDeniedError, requireStaffRole } from './staff-permissions.js';

export interface StaffReader {
  id: string;
  name?: string;
}

export class AccessRefusedError extends Error {
  override name = 'AccessRefusedError';
}

export const MIN_REASON_LENGTH = 2;

/**
 * The only way staff-facing code reads a household's archive or a resident's full phone number:
 * every read needs a reason and leaves an audit entry (who, when, why) before the data is returned.
 * A file is read once it is granted: inside the company by InternalArchiveAccess (a head's own read,
 * or an approved request), from outside by ExternalArchiveAccess (the project manager's approval).
 */
export class ConfidentialAccess {
  constructor(
    private readonly audit: AuditLog,
    private readonly households: Model<HouseholdDocument>,
    private readonly residents: Model<ResidentAccountDocument>,
    private readonly tickets: Model<TicketDocument>,
  ) {}

  /** The trimmed reason; a missing or too short one is refused and the refusal logged. */
  async requireReason(staff: StaffReader, action: string, target: { kind: string; id: string }, householdId: string | null, reason: string | undefined, at = new Date()): Promise<string> {
    const why = reason?.trim() ?? '';
    if (why.length < MIN_REASON_LENGTH) {
      await this.audit.record({ actor: { kind: 'staff', ...staff }, action, target, householdId, reason: why || null, outcome: 'refused', detail: 'no reason given', at });
      throw new AccessRefusedError(`reading ${target.kind} ${target.id} needs a reason`);
    }
    return why;
  }

  /**
   * The household file with its members, history, records and documents, and its complaint and
   * repair tickets, for a read InternalArchiveAccess has granted; `grant` (self-approved, or the
   * approved request) goes to the access log with the read.
   */
  async readGranted(staff: StaffReader, archiveNo: string, reason: string, grant: string, at = new Date()) {
    return this.auditedArchive(staff, archiveNo, reason, 'read-archive', grant, at);
  }

  private async auditedArchive(staff: StaffReader, archiveNo: string, why: string, action: string, detail: string | null, at = new Date()) {
    const target = { kind: 'household', id: archiveNo };
    const household = await this.households.findOne({ archiveNo }).lean();
    await this.audit.record({ actor: { kind: 'staff', ...staff }, action, target, householdId: archiveNo, reason: why, outcome: household ? 'allowed' : 'refused', detail: household ? detail : 'no such household', at });
    if (!household) return null;
    const tickets = await this.tickets
      .find({ householdId: archiveNo }, { number: 1, category: 1, severity: 1, status: 1, text: 1, createdAt: 1 })
      .sort({ createdAt: -1 })
      .lean();
    return { household, tickets };
  }

  /** Used by ExternalArchiveAccess once a request is approved; the audit entry names the requester. */
  async readForExternal(staff: StaffReader, archiveNo: string, reason: string, detail: string) {
    return this.auditedArchive(staff, archiveNo, reason, 'external-read', detail);
  }

  /** A resident's full phone number: from their chat account, or else from the ticket they opened. */
  async readResidentPhone(staff: StaffReader, ticketNumber: string, reason: string | undefined): Promise<string | null> {
    const target = { kind: 'ticket-phone', id: ticketNumber };
    const ticket = await this.tickets.findById(ticketNumber, { resident: 1, householdId: 1 }).lean();
    const householdId = ticket?.householdId ?? null;
    const why = await this.requireReason(staff, 'read-phone', target, householdId, reason);
    let phone = ticket?.resident?.phone ?? null;
    if (!phone && ticket?.resident?.accountId) {
      phone = (await this.residents.findById(ticket.resident.accountId, { phone: 1 }).lean())?.phone ?? null;
    }
    await this.audit.record({ actor: { kind: 'staff', ...staff }, action: 'read-phone', target, householdId, reason: why, outcome: phone ? 'allowed' : 'refused', detail: phone ? null : 'no phone on file' });
    return phone;
  }
}

export interface ExternalRequester {
  kind: 'police' | 'court' | 'lawyer' | 'other';
  name: string;
  organisation: string;
  /** Warrant, badge or bar-licence number: whatever the requester showed. */
  credential: string;
}

/** Outside requests (police, court, lawyer): registered with credentials, approved by the project manager, then read. */
export class ExternalArchiveAccess {
  constructor(
    private readonly audit: AuditLog,
    private readonly requests: Model<ExternalAccessRequestDocument>,
    private readonly staffDirectory: StaffDirectory,
    private readonly access: ConfidentialAccess,
  ) {}

  async register(staff: StaffReader, archiveNo: string, requester: ExternalRequester, reason: string, at = new Date()): Promise<string> {
    const target = { kind: 'household', id: archiveNo };
    const missing = (['name', 'organisation', 'credential'] as const).filter((field) => !requester[field]?.trim());
    if (missing.length || (reason?.trim() ?? '').length < MIN_REASON_LENGTH) {
      const detail = missing.length ? `external request without ${missing.join(', ')}` : 'external request without a reason';
      await this.audit.record({ actor: { kind: 'staff', ...staff }, action: 'external-request', target, householdId: archiveNo, reason: reason?.trim() || null, outcome: 'refused', detail, at });
      throw new AccessRefusedError(detail);
    }
    const id = `EXT-${at.getTime().toString(36)}-${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
    await this.requests.create({ _id: id, archiveNo, requester, reason: reason.trim(), registeredBy: staff, registeredAt: at, approvedAt: null });
    await this.audit.record({ actor: { kind: 'staff', ...staff }, action: 'external-request', target, householdId: archiveNo, reason: reason.trim(), outcome: 'allowed', detail: `${id}: ${describe(requester)}`, at });
    return id;
  }

  /** Only a project manager approves; a refused attempt is logged too. */
  async approve(staffId: string, requestId: string, at = new Date()): Promise<void> {
    const request = await this.requests.findById(requestId).lean();
    if (!request) throw new AccessRefusedError(`no external request ${requestId}`);
    const target = { kind: 'external-request', id: requestId };
    try {
      const pm = await requireStaffRole(this.staffDirectory, staffId, 'approveExternalAccess');
      await this.requests.updateOne({ _id: requestId }, { $set: { approvedBy: { id: pm.id, name: pm.name }, approvedAt: at } });
      await this.audit.record({ actor: { kind: 'staff', id: pm.id, name: pm.name }, action: 'approve-external-request', target, householdId: request.archiveNo, reason: request.reason, outcome: 'allowed', detail: describe(request.requester as ExternalRequester), at });
    } catch (err) {
      if (err instanceof PermissionDeniedError) {
        await this.audit.record({ actor: { kind: 'staff', id: staffId }, action: 'approve-external-request', target, householdId: request.archiveNo, reason: request.reason, outcome: 'refused', detail: err.message, at });
      }
      throw err;
    }
  }

  /** The file, shown to the outside requester by `staff`, only once the request is approved. */
  async read(staff: StaffReader, requestId: string, at = new Date()) {
    const request = await this.requests.findById(requestId).lean();
    if (!request?.approvedAt) {
      await this.audit.record({ actor: { kind: 'staff', ...staff }, action: 'external-read', target: { kind: 'external-request', id: requestId }, householdId: request?.archiveNo ?? null, reason: request?.reason ?? null, outcome: 'refused', detail: request ? 'not approved by the project manager' : 'no such request', at });
      throw new AccessRefusedError(`external request ${requestId} is not approved`);
    }
    const detail = `${requestId}: ${describe(request.requester as ExternalRequester)}; approved by ${request.approvedBy?.name ?? request.approvedBy?.id}`;
    return this.access.readForExternal(staff, request.archiveNo, request.reason, detail);
  }
}

function describe(requester: ExternalRequester): string {
  return `${requester.kind} ${requester.name}, ${requester.organisation}, credential ${requester.credential}`;
}

/** 13800138000 → 138****8000; landlines keep the area code: 0551-62880000 → 0551-****0000. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\s+/g, '');
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(digits);
  if (landline) return `${landline[1]}-****${landline[2]!.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '****';
}

const PHONES_IN_TEXT = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)|(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[- ]?\d{7,8}(?!\d)/g;

/** Every phone number inside free text masked as by maskPhone ("3栋501漏水 13800138000" → "3栋501漏水 138****8000"); full-width digits count. */
export function maskPhonesIn(text: string): string {
  const halfWidth = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return halfWidth.replace(PHONES_IN_TEXT, (phone) => {
    const digits = phone.replace(/^\+?86[- ]?(?=1)/, '').replace(/[\s()-]/g, '');
    return digits.startsWith('0') ? maskPhone(`${digits.slice(0, digits.length > 11 ? 4 : 3)}-${digits.slice(digits.length > 11 ? 4 : 3)}`) : maskPhone(digits);
  });
}
