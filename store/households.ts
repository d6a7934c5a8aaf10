import type { Connection, Model } from 'mongoose';
import { archiveNumber, householdModel, type HouseholdDocument } from './models/household.js';

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
    } else {
      await this.households.updateOne(
        { archiveNo },
        { $set: { members: input.members, updatedAt: at }, $push: { history: { at, by, change: 'members-updated', before: existing.members } } },
      );
    }
    return (await this.households.findOne({ archiveNo }).lean())!;
  }

  /** For matching a chat account to a household: true when a current member has this phone. */
  async hasMemberWithPhone(archiveNo: string, phone: string): Promise<boolean> {
    const household = await this.households.findOne({ archiveNo }, { members: 1 }).lean();
    const wanted = digitsOf(phone);
    return Boolean(wanted && household?.members.some((m) => !m.movedOut && digitsOf(m.phone).endsWith(wanted) && wanted.length >= 7));
  }
}
