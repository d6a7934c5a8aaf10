import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * Small collections that exist to make something exclusive with a unique `_id` and an insert
 * (FerretDB 1.x runs findAndModify as read-then-write): ticket version claims, state eTag claims.
 */
export const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
export type ClaimDocument = InferSchemaType<typeof claimSchema>;

export function claimModel(connection: Connection, collection: string): Model<ClaimDocument> {
  const name = `Claim_${collection}`;
  return (connection.models[name] as Model<ClaimDocument> | undefined) ?? connection.model<ClaimDocument>(name, claimSchema, collection);
}
