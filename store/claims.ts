import type { Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';
import type { ClaimDocument } from './models/support.js';
import { insertExact } from './insert.js';

/** Inserts a claim; true when this caller got it, false when someone already holds it. */
export async function claim(model: Model<ClaimDocument>, id: string, scope: string, at = new Date()): Promise<boolean> {
  try {
    await insertExact(model, { _id: id, scope, at });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
