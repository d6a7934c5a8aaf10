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

/** How long a process answers "who is this chat account" (and who gets a department's cards) from its copy of the active roster. */
export const BINDINGS_TTL_MS = 3_000;

interface RosterCopy {
  until: number;
  members: Promise<StaffMember[]>;
  byKey: Promise<Map<string, StaffMember>>;
}

/**
 * The roster (from the property file) and the chat accounts staff have bound to it. Every turn asks
 * whether its sender is staff, and every dispatch who the department's members are; both are
 * answered from a copy of the active roster read at most every BINDINGS_TTL_MS (and again after a
 * change made here), so a binding or a deactivation made by another process is seen here within that time.
 */
export class StaffDirectory {
  readonly staff: Model<StaffMemberDocument>;
  private roster: RosterCopy | undefined;

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
    this.roster = undefined;
  }

  async byId(id: string): Promise<StaffMember | null> {
    return this.staff.findById(id).lean();
  }

  /** The staff member a chat account belongs to, if it is bound. */
  async byAccount(channelId: string, userId: string): Promise<StaffMember | null> {
    return (await this.activeBindings()).get(bindingKey(channelId, userId)) ?? null;
  }

  private activeBindings(): Promise<Map<string, StaffMember>> {
    return this.activeRoster().byKey;
  }

  private activeRoster(): RosterCopy {
    const now = Date.now();
    if (!this.roster || this.roster.until <= now) {
      const members = this.staff.find({ active: true }).lean().exec();
      const byKey = members.then((list) => new Map(list.flatMap((member) => member.bindingKeys.map((key) => [key, member] as const))));
      const copy: RosterCopy = { until: now + BINDINGS_TTL_MS, members, byKey };
      this.roster = copy;
      members.catch(() => {
        if (this.roster === copy) this.roster = undefined;
      });
      byKey.catch(() => undefined);
    }
    return this.roster;
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
      this.roster = undefined;
    }
    return { ok: true, staff: (await this.byId(member._id))! };
  }

  /** Active members of a department (optionally only these roles), from the roster copy. */
  async membersOf(department: DepartmentId, roles?: readonly StaffRole[]): Promise<StaffMember[]> {
    const members = await this.activeRoster().members;
    return members.filter((m) => m.department === department && (!roles || roles.includes(m.role as StaffRole)));
  }

  /** Active members with one of these roles, from the roster copy. */
  async withRoles(roles: readonly StaffRole[]): Promise<StaffMember[]> {
    const members = await this.activeRoster().members;
    return members.filter((m) => roles.includes(m.role as StaffRole));
  }

  async unbound(): Promise<StaffMember[]> {
    return this.staff.find({ active: true, bindingKeys: { $size: 0 } }).sort({ department: 1, _id: 1 }).lean();
  }
}
