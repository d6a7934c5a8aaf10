import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { Schema, type Connection, type Model } from 'mongoose';
import { claim } from './claims.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { claimModel } from './models/support.js';
import { insertExact } from './insert.js';
import { inChunks } from './in-chunks.js';

interface StateDocument {
  _id: string;
  json: string;
  eTag: string;
  updatedAt: Date;
}

const stateSchema = new Schema<StateDocument>(
  {
    _id: { type: String, required: true },
    json: { type: String, required: true },
    eTag: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'botState', versionKey: false },
);

function stateModel(connection: Connection): Model<StateDocument> {
  return (connection.models.BotState as Model<StateDocument> | undefined) ?? connection.model<StateDocument>('BotState', stateSchema);
}

/** Claims older than this are pruned; a writer holding a read this old is not a real case. */
const CLAIM_RETENTION_MS = 60 * 60 * 1000;
const PRUNE_EVERY_WRITES = 200;
const REMEMBERED_KEYS = 10_000;

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * Bot Framework `Storage` on MongoDB/FerretDB with botbuilder's semantics: unknown keys are absent
 * from `read`; every write sets a new eTag; a stale eTag is rejected; `*` or no eTag overwrites.
 *
 * Items are stored as JSON text, so any key string and any property name (dots, `$`) round-trip.
 * A write with an eTag first claims "the successor of the eTag it replaces" with a unique insert; of
 * two writers racing from the same eTag only one gets the claim, the other sees a conflict. This does
 * not rely on findAndModify being atomic, which FerretDB 1.x's is not. An overwrite (`*` or no eTag,
 * which is what botbuilder's BotState always sends) needs neither read nor claim: it inserts a key
 * this process has not seen stored, and replaces one it has; a wrong guess costs one more command.
 */
export class MongoBotStateStorage implements Storage {
  private readonly states: Model<StateDocument>;
  /** The same collection through the driver, for the reads and replaces every turn makes. */
  private readonly documents;
  private readonly claims;
  private writesSincePrune = 0;
  /** Keys this process has seen stored, most recent last. */
  private readonly stored = new Map<string, true>();

  constructor(connection: Connection) {
    this.states = stateModel(connection);
    this.documents = connection.collection<StateDocument>(this.states.collection.collectionName);
    this.claims = claimModel(connection, 'botStateClaims');
  }

  async read(keys: string[]): Promise<StoreItems> {
    // One lookup per key: FerretDB 1.24 stops at the first `_id` match but reads the whole collection for `$in`.
    // Every turn reads its state: the driver's collection skips mongoose's query building.
    const documents = await Promise.all([...new Set(keys)].map((key) => this.documents.findOne({ _id: key })));
    const items: StoreItems = {};
    for (const document of documents) {
      if (!document) continue;
      items[document._id] = { ...(JSON.parse(document.json) as object), eTag: document.eTag };
      this.remember(document._id);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) await this.writeOne(key, item);
    if ((this.writesSincePrune += 1) >= PRUNE_EVERY_WRITES) {
      this.writesSincePrune = 0;
      await this.claims.deleteMany({ at: { $lt: new Date(Date.now() - CLAIM_RETENTION_MS) } });
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        this.stored.delete(key);
        await this.states.deleteOne({ _id: key });
      }),
    );
  }

  /** Deletes conversation states (dialog stacks, pending answers) untouched since `before`; returns how many. */
  async pruneIdleConversations(before: Date): Promise<number> {
    const idle = await this.documents.find({ _id: { $regex: '/conversations/' }, updatedAt: { $lt: before } }, { projection: { _id: 1 } }).toArray();
    const keys = idle.map((document) => document._id);
    for (const chunk of inChunks(keys)) await this.states.deleteMany({ _id: { $in: chunk }, updatedAt: { $lt: before } });
    for (const key of keys) this.stored.delete(key);
    return keys.length;
  }

  private remember(key: string): void {
    this.stored.delete(key);
    this.stored.set(key, true);
    if (this.stored.size > REMEMBERED_KEYS) this.stored.delete(this.stored.keys().next().value!);
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag: expected, ...state } = (item ?? {}) as { eTag?: unknown };
    const json = JSON.stringify(state);
    const optimistic = typeof expected === 'string' && expected !== '' && expected !== '*';
    if (optimistic) await this.writeIfUnchanged(key, expected, json);
    else await this.overwrite(key, json);
    this.remember(key);
  }

  private async overwrite(key: string, json: string): Promise<void> {
    const document = () => ({ json, eTag: randomUUID(), updatedAt: new Date() });
    let insertFirst = !this.stored.has(key);
    for (let attempt = 0; attempt < 20; attempt += 1, insertFirst = !insertFirst) {
      if (insertFirst) {
        try {
          await insertExact(this.states, { _id: key, ...document() });
          return;
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
        }
      } else if ((await this.documents.replaceOne({ _id: key }, document())).matchedCount === 1) {
        return;
      }
    }
    throw new ETagConflictError(key);
  }

  private async writeIfUnchanged(key: string, expected: string, json: string): Promise<void> {
    const current = await this.states.findById(key, { eTag: 1 }).lean();
    if (!current) return this.overwrite(key, json);
    if (current.eTag !== expected || !(await claim(this.claims, `${key}\u0000${expected}`, key))) throw new ETagConflictError(key);
    const result = await this.states.updateOne({ _id: key, eTag: expected }, { $set: { json, eTag: randomUUID(), updatedAt: new Date() } });
    if (result.matchedCount !== 1) throw new ETagConflictError(key);
  }
}
