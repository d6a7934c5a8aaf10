import type { Model } from 'mongoose';

/**
 * Inserts one document with the schema's casting, defaults and validation but without mongoose's
 * save machinery (hooks, change tracking, hydrating the result), which costs several times the
 * insert itself on a hot path. Returns the document as stored. A unique-index violation throws the
 * driver's duplicate-key error, as `Model.create` does.
 */
export async function insertDocument<T>(model: Model<T>, fields: Record<string, unknown>): Promise<T> {
  const document = new model(fields);
  await document.validate();
  const stored = document.toBSON() as T;
  await model.collection.insertOne(stored as never);
  return stored;
}

/**
 * Inserts an object that is already exactly the stored document (every field given, in its stored
 * type): no mongoose document at all. For the small, fixed documents written on every turn (claims,
 * side-list entries, bot state).
 */
export async function insertExact<T>(model: Model<T>, document: T): Promise<void> {
  await model.collection.insertOne(document as never);
}
