import { randomBytes } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';
import { insertExact } from './insert.js';
import { settingModel, type SettingDocument } from './models/setting.js';

const MEDIA_LINK_SECRET = 'mediaLinkSecret';

/**
 * Installation-wide values, each written once. The first process to need one inserts it; the
 * unique `_id` makes every other process (even one starting at the same moment) read that same
 * value instead of its own (FerretDB 1.x runs findOneAndUpdate as read-then-write, so no upsert).
 */
export class Settings {
  private readonly settings: Model<SettingDocument>;

  constructor(connection: Connection) {
    this.settings = settingModel(connection);
  }

  /** The secret media links are signed with when PROPDESK_MEDIA_SECRET is unset: 32 random bytes, base64url. */
  mediaLinkSecret(at = new Date()): Promise<string> {
    return this.valueOf(MEDIA_LINK_SECRET, () => randomBytes(32).toString('base64url'), at);
  }

  private async valueOf(key: string, create: () => string, at: Date): Promise<string> {
    const existing = await this.settings.findById(key).lean();
    if (existing) return existing.value;
    try {
      await insertExact(this.settings, { _id: key, value: create(), createdAt: at });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    // read back: when another process inserted first, its value is the one everybody uses
    const stored = await this.settings.findById(key).lean();
    if (!stored) throw new Error(`setting ${key} was written but cannot be read`);
    return stored.value;
  }
}
