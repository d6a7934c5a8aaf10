import { Schema, type Connection, type Model } from 'mongoose';
import { DEPARTMENT_IDS, STAFF_ROLES, type DepartmentId, type StaffRole } from '../../domain/property.js';

/**
 * A staff member's request to read a household's file (manual §3: the department head approves).
 * `slot` = requester | archive | seq is unique: of two requests made at once for the same file by
 * the same person, only one is recorded. `status` mirrors the decision for listing; the decision
 * itself (internalAccessDecisions) is what counts.
 */
export const internalAccessRequestSchema = new Schema(
  {
    _id: { type: String, required: true },
    archiveNo: { type: String, required: true },
    reason: { type: String, required: true },
    requester: {
      id: { type: String, required: true },
      name: { type: String, required: true },
      department: { type: String, enum: DEPARTMENT_IDS, required: true },
      role: { type: String, enum: STAFF_ROLES, required: true },
    },
    requestedAt: { type: Date, required: true },
    seq: { type: Number, required: true },
    slot: { type: String, required: true },
    status: { type: String, enum: ['pending', 'approved', 'refused'], default: 'pending' },
  },
  { collection: 'internalAccessRequests', versionKey: false },
);
/** A request as stored (declared rather than inferred: the inferred type leaves nested fields optional). */
export interface InternalAccessRequest {
  _id: string;
  archiveNo: string;
  reason: string;
  requester: { id: string; name: string; department: DepartmentId; role: StaffRole };
  requestedAt: Date;
  seq: number;
  slot: string;
  status: 'pending' | 'approved' | 'refused';
}

/** The one decision on a request, inserted under the request's id: approve and refuse cannot both win. */
export const internalAccessDecisionSchema = new Schema(
  {
    _id: { type: String, required: true },
    outcome: { type: String, enum: ['approved', 'refused'], required: true },
    by: { id: { type: String, required: true }, name: { type: String, required: true }, role: { type: String, enum: STAFF_ROLES, required: true } },
    at: { type: Date, required: true },
    /** Approved: the end of the reading window. */
    expiresAt: { type: Date, default: null },
    /** Refused: why. */
    reason: { type: String, default: null },
  },
  { collection: 'internalAccessDecisions', versionKey: false },
);
export interface InternalAccessDecision {
  _id: string;
  outcome: 'approved' | 'refused';
  by: { id: string; name: string; role: StaffRole };
  at: Date;
  expiresAt: Date | null;
  reason: string | null;
}

export function internalAccessRequestModel(connection: Connection): Model<InternalAccessRequest> {
  return (
    (connection.models.InternalAccessRequest as Model<InternalAccessRequest> | undefined) ??
    connection.model<InternalAccessRequest>('InternalAccessRequest', internalAccessRequestSchema)
  );
}

export function internalAccessDecisionModel(connection: Connection): Model<InternalAccessDecision> {
  return (
    (connection.models.InternalAccessDecision as Model<InternalAccessDecision> | undefined) ??
    connection.model<InternalAccessDecision>('InternalAccessDecision', internalAccessDecisionSchema)
  );
}
