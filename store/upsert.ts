import type { Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';
import { insertDocument } from './insert.js';

/**
 * Update-or-insert with fields that only a new document gets. FerretDB 1.24 ignores `$setOnInsert`,
 * so this updates first and inserts when nothing matched; a concurrent insert that wins is updated.
 */
export async function upsertWithDefaults<T>(
  model: Model<T>,
  id: string,
  set: Record<string, unknown>,
  onInsert: Record<string, unknown>,
): Promise<void> {
  const updated = await model.updateOne({ _id: id } as never, { $set: set } as never);
  if (updated.matchedCount > 0) return;
  try {
    await model.create({ _id: id, ...onInsert, ...set });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await model.updateOne({ _id: id } as never, { $set: set } as never);
  }
}

/**
 * Inserts a new document, or applies `update` when one with this `_id` exists. An insert does not
 * read the collection on FerretDB 1.24 (an update does), so this suits documents that are usually new.
 */
export async function insertOrUpdate<T>(model: Model<T>, id: string, document: Record<string, unknown>, update: Record<string, unknown>): Promise<void> {
  try {
    await insertDocument(model, { _id: id, ...document });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await model.updateOne({ _id: id } as never, update as never);
  }
}
