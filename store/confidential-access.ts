import type { Model } from 'mongoose';
import type { AuditLog } from './audit-log.js';
import type { HouseholdDocument } from './models/household.js';
import type { ResidentAccountDocument } from './models/resident-account.js';
import type { TicketDocument } from './models/ticket.js';

export interface StaffReader {
  id: string;
  name?: string;
}

export class AccessRefusedError extends Error {
  override name = 'AccessRefusedError';
}

const MIN_REASON_LENGTH = 2;

/**
 * The only way staff-facing code reads a household's archive or a resident's full phone number:
 * every read needs a reason and leaves an audit entry (who, when, why) before the data is returned.
 */
export class ConfidentialAccess {
  constructor(
    private readonly audit: AuditLog,
    private readonly households: Model<HouseholdDocument>,
    private readonly residents: Model<ResidentAccountDocument>,
    private readonly tickets: Model<TicketDocument>,
  ) {}

  private async requireReason(staff: StaffReader, action: string, target: { kind: string; id: string }, householdId: string | null, reason: string | undefined): Promise<string> {
    const why = reason?.trim() ?? '';
    if (why.length < MIN_REASON_LENGTH) {
      await this.audit.record({ actor: { kind: 'staff', ...staff }, action, target, householdId, reason: why || null, outcome: 'refused', detail: 'no reason given' });
      throw new AccessRefusedError(`reading ${target.kind} ${target.id} needs a reason`);
    }
    return why;
  }

  /** The household file with its complaint and repair records. */
  async readHouseholdArchive(staff: StaffReader, archiveNo: string, reason: string | undefined) {
    const target = { kind: 'household', id: archiveNo };
    const why = await this.requireReason(staff, 'read-archive', target, archiveNo, reason);
    const household = await this.households.findOne({ archiveNo }).lean();
    await this.audit.record({ actor: { kind: 'staff', ...staff }, action: 'read-archive', target, householdId: archiveNo, reason: why, outcome: household ? 'allowed' : 'refused', detail: household ? null : 'no such household' });
    if (!household) return null;
    const tickets = await this.tickets
      .find({ householdId: archiveNo }, { number: 1, category: 1, severity: 1, status: 1, text: 1, createdAt: 1 })
      .sort({ createdAt: -1 })
      .lean();
    return { household, tickets };
  }

  /** A resident's full phone number: from their chat account, or else from the ticket they opened. */
  async readResidentPhone(staff: StaffReader, ticketNumber: string, reason: string | undefined): Promise<string | null> {
    const target = { kind: 'ticket-phone', id: ticketNumber };
    const ticket = await this.tickets.findOne({ number: ticketNumber }, { resident: 1, householdId: 1 }).lean();
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

/** 13800138000 → 138****8000; landlines keep the area code: 0551-62880000 → 0551-****0000. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\s+/g, '');
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(digits);
  if (landline) return `${landline[1]}-****${landline[2]!.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '****';
}
