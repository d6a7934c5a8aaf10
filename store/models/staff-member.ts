import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { DEPARTMENT_IDS, STAFF_ROLES } from '../../domain/property.js';

const bindingSchema = new Schema(
  {
    channelId: { type: String, required: true },
    userId: { type: String, required: true },
    conversationKey: { type: String, required: true },
    kind: { type: String, enum: ['personal', 'department'], default: 'personal' },
    boundAt: { type: Date, required: true },
  },
  { _id: false },
);

/** The roster from the property file, with the chat accounts each member has bound. */
export const staffMemberSchema = new Schema(
  {
    _id: { type: String, required: true },
    propertyCode: { type: String, required: true },
    name: { type: String, required: true },
    department: { type: String, enum: DEPARTMENT_IDS, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    bindCode: { type: String, required: true },
    active: { type: Boolean, default: true },
    bindings: { type: [bindingSchema], default: [] },
    bindingKeys: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'staff', versionKey: false },
);
export type StaffMemberDocument = InferSchemaType<typeof staffMemberSchema>;

export function staffMemberModel(connection: Connection): Model<StaffMemberDocument> {
  return (connection.models.StaffMember as Model<StaffMemberDocument> | undefined) ?? connection.model<StaffMemberDocument>('StaffMember', staffMemberSchema);
}
