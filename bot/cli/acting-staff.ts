import { userInfo } from 'node:os';
import { DateTime } from 'luxon';
import { requireStaffRole, type ActingStaff, type StaffAction } from '../../store/staff-permissions.js';
import type { Store } from '../../store/store.js';
import { UsageError } from './exit-codes.js';
import { parseInstant } from './sla-command.js';

/** The staff member named by `--as`, checked against the roster and the role the action needs. */
export async function actingStaff(store: Store, staffId: string | undefined, action: StaffAction): Promise<ActingStaff> {
  if (!staffId) throw new UsageError('--as STAFF_ID is required: the staff member doing this');
  return requireStaffRole(store.staff, staffId, action);
}

/**
 * Who runs a command that interfaces.md documents without `--as` (households import, audit): the
 * staff member named by `--as` (role checked), otherwise the operator of this server's shell account,
 * who already has the database in hand; either way the name is recorded.
 */
export async function actingStaffOrOperator(store: Store, staffId: string | undefined, action: StaffAction): Promise<{ id: string; name: string }> {
  if (staffId) return actingStaff(store, staffId, action);
  const user = userInfo().username;
  return { id: `operator:${user}`, name: user };
}

/** YYYY-MM-DD (start or end of that day in the property's zone) or an ISO-8601 time with an offset. */
export function parseDay(value: string, flag: string, zone: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    if (!day.isValid) throw new UsageError(`${flag}: no such date "${value}"`);
    return (edge === 'start' ? day.startOf('day') : day.endOf('day')).toJSDate();
  }
  return parseInstant(value, flag);
}
