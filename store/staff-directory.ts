import type { Connection, Model } from 'mongoose';
import type { Property, StaffRole } from '../domain/property.js';
import type { DepartmentId } from '../domain/vocabulary.js';
import { staffMemberModel, type StaffMemberDocument } from './models/staff-member.js';
import { upsertWithDefaults } from './upsert.js';

/** Bindings are also kept as flat "channel:user" keys: FerretDB 1.24's $elemMatch takes operators only. */
export function bindingKey(channelId: string, userId: string): string {
  return `${channelId}:${userId}`;
}

export type StaffMember = StaffMemberDocument;

export type BindOutcome =
  | { ok: true; staff: StaffMember }
  | { ok: false; reason: 'unknown-code' | 'inactive' | 'bound-elsewhere' };

/** How long a process answers "who is this chat account" from its copy of the bound accounts. */
export const BINDINGS_TTL_MS = 3_000;

/**
 * The roster (from the property file) and the chat accounts staff have bound to it. Every turn asks
 * whether its sender is staff; that is answered from a copy of the active roster's bindings read at
 * most every BINDINGS_TTL_MS (and again after a change made here), so a binding or a deactivation made
 * by another process is seen here within that time.
 */
export class StaffDirectory {
  readonly staff: Model<StaffMemberDocument>;
  private bindings: { until: number; byKey: Promise<Map<string, StaffMember>> } | undefined;

  constructor(
    connection: Connection,
    private readonly property: Property,
  ) {
    this.staff = staffMemberModel(connection);
  }

  /** Brings the stored roster in line with the property file; bindings of people still on it are kept. */
  async syncRoster(at = new Date()): Promise<void> {
    const ids = this.property.staff.map((s) => s.id);
    for (const member of this.property.staff) {
      await upsertWithDefaults(
        this.staff,
        member.id,
        { propertyCode: this.property.code, name: member.name, department: member.department, role: member.role, bindCode: member.bindCode, active: true, updatedAt: at },
        { bindings: [], bindingKeys: [] },
      );
    }
    await this.staff.updateMany({ _id: { $nin: ids }, active: true }, { $set: { active: false, bindings: [], bindingKeys: [], updatedAt: at } });
    this.bindings = undefined;
  }

  async byId(id: string): Promise<StaffMember | null> {
    return this.staff.findById(id).lean();
  }

  /** The staff member a chat account belongs to, if it is bound. */
  async byAccount(channelId: string, userId: string): Promise<StaffMember | null> {
    return (await this.activeBindings()).get(bindingKey(channelId, userId)) ?? null;
  }

  private activeBindings(): Promise<Map<string, StaffMember>> {
    const now = Date.now();
    if (!this.bindings || this.bindings.until <= now) {
      const byKey = this.staff
        .find({ active: true })
        .lean()
        .then((members) => new Map(members.flatMap((member) => member.bindingKeys.map((key) => [key, member] as const))));
      this.bindings = { until: now + BINDINGS_TTL_MS, byKey };
      byKey.catch(() => {
        if (this.bindings?.byKey === byKey) this.bindings = undefined;
      });
    }
    return this.bindings.byKey;
  }

  /**
   * Binds a chat account to the roster entry with this code. A code whose person already bound another
   * account of the same channel is refused ("reused"); binding the same account again is fine.
   */
  async bind(code: string, account: { channelId: string; userId: string; conversationKey: string; kind?: 'personal' | 'department' }, at = new Date()): Promise<BindOutcome> {
    const member = await this.staff.findOne({ bindCode: code.trim().toUpperCase() }).lean();
    if (!member) return { ok: false, reason: 'unknown-code' };
    if (!member.active) return { ok: false, reason: 'inactive' };
    const kind = account.kind ?? 'personal';
    const same = member.bindings.find((b) => b.channelId === account.channelId && b.userId === account.userId && b.kind === kind);
    const other = member.bindings.find((b) => b.channelId === account.channelId && b.kind === kind && b.userId !== account.userId);
    if (other) return { ok: false, reason: 'bound-elsewhere' };
    if (!same) {
      await this.staff.updateOne(
        { _id: member._id },
        {
          $push: {
            bindings: { channelId: account.channelId, userId: account.userId, conversationKey: account.conversationKey, kind, boundAt: at },
            bindingKeys: bindingKey(account.channelId, account.userId),
          },
          $set: { updatedAt: at },
        },
      );
      this.bindings = undefined;
    }
    return { ok: true, staff: (await this.byId(member._id))! };
  }

  async membersOf(department: DepartmentId, roles?: readonly StaffRole[]): Promise<StaffMember[]> {
    return this.staff.find({ active: true, department, ...(roles ? { role: { $in: roles } } : {}) }).lean();
  }

  async withRoles(roles: readonly StaffRole[]): Promise<StaffMember[]> {
    return this.staff.find({ active: true, role: { $in: roles } }).lean();
  }

  async unbound(): Promise<StaffMember[]> {
    return this.staff.find({ active: true, bindingKeys: { $size: 0 } }).sort({ department: 1, _id: 1 }).lean();
  }
}
