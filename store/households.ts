import type { Connection, Model } from 'mongoose';
import { archiveNumber, householdModel, type DOCUMENT_KINDS, type HouseholdDocument, type RECORD_KINDS } from './models/household.js';

export interface HouseholdMemberInput {
  name: string;
  role: 'owner' | 'tenant' | 'member';
  phone?: string;
  movedIn?: Date;
}

export interface HouseholdInput {
  building: string;
  unit?: string | null;
  room: string;
  members: HouseholdMemberInput[];
}

export interface HouseholdRecordInput {
  kind: (typeof RECORD_KINDS)[number];
  documentKind?: (typeof DOCUMENT_KINDS)[number] | null;
  title: string;
  ref?: string | null;
  meta?: Record<string, unknown> | null;
  at?: Date;
}

function sameMembers(stored: ReadonlyArray<{ name: string; role: string; phone?: string | null; movedIn?: Date | null; movedOut?: Date | null }>, wanted: HouseholdMemberInput[]): boolean {
  const key = (m: { name: string; role: string; phone?: string | null; movedIn?: Date | null; movedOut?: Date | null }) =>
    JSON.stringify([m.name, m.role, m.phone ?? null, m.movedIn ? new Date(m.movedIn).getTime() : null, m.movedOut ? 1 : 0]);
  return stored.length === wanted.length && stored.map(key).sort().join() === wanted.map(key).sort().join();
}

function digitsOf(phone: string | null | undefined): string {
  return (phone ?? '').replace(/\D/g, '');
}

/** One file per household. Changes keep what was there before in `history`. */
export class HouseholdRegistry {
  readonly households: Model<HouseholdDocument>;

  constructor(
    connection: Connection,
    private readonly propertyCode: string,
  ) {
    this.households = householdModel(connection);
  }

  archiveNoFor(location: { building: string; unit?: string | null; room: string }): string {
    return archiveNumber(this.propertyCode, location.building, location.unit, location.room);
  }

  async upsert(input: HouseholdInput, by: string, at = new Date()): Promise<HouseholdDocument> {
    return (await this.save(input, by, at)).household;
  }

  /** Creates or updates the file; `changed` is false when the members are already as given. */
  async save(input: HouseholdInput, by: string, at = new Date()): Promise<{ household: HouseholdDocument; changed: boolean }> {
    const archiveNo = this.archiveNoFor(input);
    const existing = await this.households.findOne({ archiveNo }).lean();
    if (!existing) {
      await this.households.create({
        archiveNo,
        propertyCode: this.propertyCode,
        building: input.building,
        unit: input.unit ?? null,
        room: input.room,
        members: input.members,
        history: [{ at, by, change: 'created' }],
        createdAt: at,
        updatedAt: at,
      });
    } else if (sameMembers(existing.members, input.members) && !existing.departedAt) {
      return { household: existing, changed: false };
    } else {
      await this.households.updateOne(
        { archiveNo },
        { $set: { members: input.members, departedAt: null, updatedAt: at }, $push: { history: { at, by, change: 'members-updated', before: existing.members } } },
      );
    }
    return { household: (await this.households.findOne({ archiveNo }).lean())!, changed: true };
  }

  /** A member leaves (e.g. the tenant moves out): kept on file with the move-out date; when nobody is left the household has departed. */
  async moveOut(archiveNo: string, memberName: string, by: string, at = new Date()): Promise<HouseholdDocument | null> {
    const household = await this.households.findOne({ archiveNo }).lean();
    const member = household?.members.find((m) => m.name === memberName && !m.movedOut);
    if (!household || !member) return null;
    const members = household.members.map((m) => (m === member ? { ...m, movedOut: at } : m));
    const departed = members.every((m) => m.movedOut);
    await this.households.updateOne(
      { archiveNo },
      {
        $set: { members, updatedAt: at, ...(departed ? { departedAt: at } : {}) },
        $push: { history: { at, by, change: departed ? 'departed' : 'member-moved-out', before: household.members } },
      },
    );
    return this.households.findOne({ archiveNo }).lean();
  }

  /** Everyone has left: the file is kept for the retention period from `at`. */
  async markDeparted(archiveNo: string, by: string, at = new Date()): Promise<boolean> {
    const household = await this.households.findOne({ archiveNo }).lean();
    if (!household) return false;
    const members = household.members.map((m) => ({ ...m, movedOut: m.movedOut ?? at }));
    await this.households.updateOne(
      { archiveNo },
      { $set: { members, departedAt: at, updatedAt: at }, $push: { history: { at, by, change: 'departed', before: household.members } } },
    );
    return true;
  }

  /** A legal dispute keeps the file past its retention period until the hold is lifted. */
  async setLegalHold(archiveNo: string, hold: boolean, by: string, at = new Date()): Promise<boolean> {
    const updated = await this.households.updateOne(
      { archiveNo },
      { $set: { legalHold: hold, updatedAt: at }, $push: { history: { at, by, change: hold ? 'legal-hold' : 'legal-hold-lifted' } } },
    );
    return updated.matchedCount > 0;
  }

  /** Adds a daily record or a document reference (move-in, renovation, contracts, advertising approvals…). */
  async addRecord(archiveNo: string, record: HouseholdRecordInput, by: string, at = new Date()): Promise<boolean> {
    const updated = await this.households.updateOne(
      { archiveNo },
      { $push: { records: { documentKind: null, ref: null, meta: null, ...record, at: record.at ?? at, by } }, $set: { updatedAt: at } },
    );
    return updated.matchedCount > 0;
  }

  /** For matching a chat account to a household: true when a current member has this phone. */
  async hasMemberWithPhone(archiveNo: string, phone: string): Promise<boolean> {
    const household = await this.households.findOne({ archiveNo }, { members: 1 }).lean();
    const wanted = digitsOf(phone);
    return Boolean(wanted && household?.members.some((m) => !m.movedOut && digitsOf(m.phone).endsWith(wanted) && wanted.length >= 7));
  }
}
