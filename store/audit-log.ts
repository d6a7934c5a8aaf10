import type { Connection, Model } from 'mongoose';
import { auditEntryModel, type AuditEntryDocument } from './models/audit-entry.js';

export interface AuditRecord {
  actor: { kind: 'staff' | 'resident' | 'system' | 'unknown'; id: string; name?: string };
  action: string;
  target: { kind: string; id: string };
  householdId?: string | null;
  reason?: string | null;
  outcome: 'allowed' | 'refused';
  detail?: string | null;
  at?: Date;
}

/** The access log of the manual's archive rules (借阅登记), append-only. */
export class AuditLog {
  private readonly entries: Model<AuditEntryDocument>;

  constructor(connection: Connection) {
    this.entries = auditEntryModel(connection);
  }

  async record(entry: AuditRecord): Promise<void> {
    await this.entries.create({ ...entry, at: entry.at ?? new Date() });
  }

  async forHousehold(householdId: string, limit = 200): Promise<AuditEntryDocument[]> {
    return this.entries.find({ householdId }).sort({ at: -1 }).limit(limit).lean();
  }

  async forStaff(staffId: string, limit = 200): Promise<AuditEntryDocument[]> {
    return this.entries.find({ 'actor.id': staffId }).sort({ at: -1 }).limit(limit).lean();
  }
}
