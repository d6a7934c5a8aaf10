import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { Schema, type Connection, type Model } from 'mongoose';
import { claim } from './claims.js';
import { claimModel } from './models/support.js';

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
const NO_PREVIOUS = '\u0000none';

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
 * A write first claims "the successor of the eTag it replaces" with a unique insert; of two writers
 * racing from the same eTag only one gets the claim, the other sees a conflict. This does not rely
 * on findAndModify being atomic, which FerretDB 1.x's is not.
 */
export class MongoBotStateStorage implements Storage {
  private readonly states: Model<StateDocument>;
  private readonly claims;
  private writesSincePrune = 0;

  constructor(connection: Connection) {
    this.states = stateModel(connection);
    this.claims = claimModel(connection, 'botStateClaims');
  }

  async read(keys: string[]): Promise<StoreItems> {
    // One lookup per key: FerretDB 1.24 answers `_id` equality from its index but scans the whole collection for `$in`.
    const documents = await Promise.all([...new Set(keys)].map((key) => this.states.findById(key).lean()));
    const items: StoreItems = {};
    for (const document of documents) {
      if (document) items[document._id] = { ...(JSON.parse(document.json) as object), eTag: document.eTag };
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
    await Promise.all([...new Set(keys)].map((key) => this.states.deleteOne({ _id: key })));
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag: expected, ...state } = (item ?? {}) as { eTag?: unknown };
    const json = JSON.stringify(state);
    const optimistic = typeof expected === 'string' && expected !== '' && expected !== '*';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const current = await this.states.findById(key, { eTag: 1 }).lean();
      if (optimistic && current && current.eTag !== expected) throw new ETagConflictError(key);
      const previous = current?.eTag ?? `${NO_PREVIOUS}:${randomUUID()}`;
      const next = randomUUID();
      if (!(await claim(this.claims, `${key}\u0000${previous}`, key))) {
        if (optimistic) throw new ETagConflictError(key);
        continue; // an overwrite lost a race: read again and replace whatever won
      }
      const document = { json, eTag: next, updatedAt: new Date() };
      if (current) {
        const result = await this.states.updateOne({ _id: key, eTag: previous }, { $set: document });
        if (result.matchedCount === 1) return;
        if (optimistic) throw new ETagConflictError(key);
      } else {
        await this.states.replaceOne({ _id: key }, document, { upsert: true });
        return;
      }
    }
    throw new ETagConflictError(key);
  }
}
