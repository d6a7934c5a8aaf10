import { DateTime } from 'luxon';
import type { Connection, Model } from 'mongoose';
import type { AuditLog } from './audit-log.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import type { HouseholdRegistry } from './households.js';
import { destructionApprovalModel, destructionEntryModel, type DestructionApprovalDocument, type DestructionEntryDocument } from './models/retention.js';
import type { ResidentAccounts } from './resident-accounts.js';
import type { StaffDirectory } from './staff-directory.js';
import { requireStaffRole } from './staff-permissions.js';

export class RetentionRuleError extends Error {
  override name = 'RetentionRuleError';
}

export interface DueArchive {
  archiveNo: string;
  departedAt: Date;
  retainedUntil: Date;
  approval: { by: string; witness: string; at: Date } | null;
}

/**
 * Departed households are kept for the property's retention period (longer while under a legal
 * hold); a file is destroyed only after a project manager's approval with a witness, and each
 * destruction leaves an entry in the register, which nothing deletes.
 */
export class Retention {
  private readonly approvals: Model<DestructionApprovalDocument>;
  readonly register: Model<DestructionEntryDocument>;

  constructor(
    connection: Connection,
    private readonly households: HouseholdRegistry,
    private readonly residents: ResidentAccounts,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditLog,
    private readonly retentionYears: number,
  ) {
    this.approvals = destructionApprovalModel(connection);
    this.register = destructionEntryModel(connection);
  }

  retainedUntil(departedAt: Date): Date {
    return DateTime.fromJSDate(departedAt).plus({ years: this.retentionYears }).toJSDate();
  }

  /** Departed files whose retention period is over and that carry no legal hold. */
  async due(at: Date): Promise<DueArchive[]> {
    const cutoff = DateTime.fromJSDate(at).minus({ years: this.retentionYears }).toJSDate();
    const households = await this.households.households.find({ departedAt: { $ne: null, $lte: cutoff }, legalHold: { $ne: true } }, { archiveNo: 1, departedAt: 1 }).sort({ departedAt: 1 }).lean();
    const approvals = new Map((await this.approvals.find({ _id: { $in: households.map((h) => h.archiveNo) } }).lean()).map((a) => [a._id, a]));
    return households.map((h) => {
      const approval = approvals.get(h.archiveNo);
      const valid = approval && approval.at >= h.departedAt!;
      return {
        archiveNo: h.archiveNo,
        departedAt: h.departedAt!,
        retainedUntil: this.retainedUntil(h.departedAt!),
        approval: valid ? { by: approval.approvedBy?.name ?? approval.approvedBy?.id ?? "?", witness: approval.witness, at: approval.at } : null,
      };
    });
  }

  /** The project manager approves destroying a due file, naming the witness. */
  async approveDestruction(staffId: string, archiveNo: string, witness: string, at = new Date()): Promise<void> {
    const pm = await requireStaffRole(this.staff, staffId, 'approveDestruction');
    if (!witness?.trim()) throw new RetentionRuleError('destruction needs a witness');
    if (!(await this.due(at)).some((d) => d.archiveNo === archiveNo)) throw new RetentionRuleError(`${archiveNo} is not due for destruction`);
    const approval = { approvedBy: { id: pm.id, name: pm.name }, witness: witness.trim(), at };
    try {
      await this.approvals.create({ _id: archiveNo, ...approval });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await this.approvals.updateOne({ _id: archiveNo }, { $set: approval });
    }
    await this.audit.record({ actor: { kind: 'staff', id: pm.id, name: pm.name }, action: 'approve-destruction', target: { kind: 'household', id: archiveNo }, householdId: archiveNo, reason: 'retention period over', outcome: 'allowed', detail: `witness ${witness.trim()}`, at });
  }

  /** Destroys every due file with an approval; returns the register entries written. */
  async destroyApproved(at: Date): Promise<DestructionEntryDocument[]> {
    const written: DestructionEntryDocument[] = [];
    for (const due of await this.due(at)) {
      if (!due.approval) continue;
      const household = await this.households.households.findOne({ archiveNo: due.archiveNo }).lean();
      const approval = await this.approvals.findById(due.archiveNo).lean();
      if (!household || !approval) continue;
      const entry = {
        _id: `${due.archiveNo}@${due.departedAt.toISOString()}`,
        archiveNo: due.archiveNo,
        departedAt: due.departedAt,
        retainedUntil: due.retainedUntil,
        approvedBy: approval.approvedBy,
        witness: approval.witness,
        approvedAt: approval.at,
        destroyedAt: at,
        memberCount: household.members.length,
        recordCount: household.records.length,
      };
      try {
        await this.register.create(entry);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      await this.households.households.deleteOne({ archiveNo: due.archiveNo, departedAt: due.departedAt });
      await this.residents.accounts.updateMany({ householdId: due.archiveNo }, { $set: { householdId: null, updatedAt: at } });
      await this.approvals.deleteOne({ _id: due.archiveNo });
      await this.audit.record({ actor: { kind: 'system', id: 'retention-job' }, action: 'destroy-archive', target: { kind: 'household', id: due.archiveNo }, householdId: due.archiveNo, reason: 'retention period over', outcome: 'allowed', detail: `approved by ${entry.approvedBy?.name ?? entry.approvedBy?.id}, witness ${entry.witness}`, at });
      written.push(entry as DestructionEntryDocument);
    }
    return written;
  }

  async registerEntries(): Promise<DestructionEntryDocument[]> {
    return this.register.find().sort({ destroyedAt: 1 }).lean();
  }
}
