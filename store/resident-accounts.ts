import type { Connection, Model } from 'mongoose';
import type { HouseholdRegistry } from './households.js';
import { insertOrUpdate, upsertWithDefaults } from './upsert.js';
import { residentAccountId, residentAccountModel, type ResidentAccountDocument } from './models/resident-account.js';

export type ResidentAccount = ResidentAccountDocument;

export type LinkOutcome = { ok: true; archiveNo: string } | { ok: false; reason: 'no-match' };

/** Residents' chat accounts and their link to a household. */
export class ResidentAccounts {
  readonly accounts: Model<ResidentAccountDocument>;

  constructor(
    connection: Connection,
    private readonly households: HouseholdRegistry,
  ) {
    this.accounts = residentAccountModel(connection);
  }

  async touch(channelId: string, userId: string, fields: { name?: string; language?: string }, at = new Date()): Promise<ResidentAccount> {
    const _id = residentAccountId(channelId, userId);
    const set = { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), updatedAt: at };
    await upsertWithDefaults(this.accounts, _id, set, { channelId, userId, createdAt: at });
    return (await this.accounts.findById(_id).lean())!;
  }

  async get(channelId: string, userId: string): Promise<ResidentAccount | null> {
    return this.accounts.findById(residentAccountId(channelId, userId)).lean();
  }

  /**
   * Links the account to the household at this address when the phone is one on file for it. The
   * answer never tells whether the address exists, so it cannot be used to probe other households.
   */
  async link(channelId: string, userId: string, location: { building: string; unit?: string | null; room: string }, phone: string, at = new Date()): Promise<LinkOutcome> {
    const archiveNo = this.households.archiveNoFor(location);
    if (!(await this.households.hasMemberWithPhone(archiveNo, phone))) return { ok: false, reason: 'no-match' };
    await upsertWithDefaults(this.accounts, residentAccountId(channelId, userId), { householdId: archiveNo, phone, linkedAt: at, updatedAt: at }, { channelId, userId, createdAt: at });
    return { ok: true, archiveNo };
  }

  /** The channel says whether the account can be messaged (e.g. a WeChat user who unfollowed, or followed again). */
  async setUnreachable(channelId: string, userId: string, unreachable: boolean, at = new Date()): Promise<void> {
    await upsertWithDefaults(this.accounts, residentAccountId(channelId, userId), { unreachable, updatedAt: at }, { channelId, userId, createdAt: at });
  }

  /** Keeps the phone on the account; `newcomer` (name, language) creates the account when it is not stored yet. */
  async rememberPhone(channelId: string, userId: string, phone: string, at = new Date(), newcomer?: { name?: string; language?: string }): Promise<void> {
    const _id = residentAccountId(channelId, userId);
    if (!newcomer) {
      await this.accounts.updateOne({ _id }, { $set: { phone, updatedAt: at } });
      return;
    }
    const set = { ...Object.fromEntries(Object.entries(newcomer).filter(([, v]) => v !== undefined)), phone, updatedAt: at };
    await insertOrUpdate(this.accounts, _id, { channelId, userId, createdAt: at, ...set }, { $set: set });
  }
}
