import type { Model } from 'mongoose';

/** Splits `items` into runs of at most `size` (so an `$in` list stays a reasonable size). */
export function inChunks<T>(items: readonly T[], size = 500): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Of `ids`, those whose document also matches `filter` (read `$in` chunk by chunk). */
export async function idsAmong<T>(model: Model<T>, ids: readonly string[], filter: Record<string, unknown>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of inChunks([...new Set(ids)])) {
    for (const row of await model.find({ _id: { $in: chunk }, ...filter }, { _id: 1 }).lean()) found.add(String(row._id));
  }
  return found;
}
