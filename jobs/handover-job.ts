import { DateTime } from 'luxon';
import type { Clock } from '../domain/clock.js';
import { STATUS_LABELS, type TicketStatus } from '../domain/vocabulary.js';
import { recipientsWithRoles } from '../store/role-recipients.js';
import type { Store } from '../store/store.js';
import { localTime, recordStaffTexts, staffText } from './job-messages.js';

const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'dispatched', 'accepted', 'in_progress'];
const LISTED = 20;

export interface HandoverContent {
  from: Date;
  to: Date;
  nextShiftAt: Date;
  received: string[];
  openByStatus: Partial<Record<TicketStatus, number>>;
  dueNextShift: string[];
  breached: string[];
}

/** The shift boundaries around `now`: the one that just began (at or before now), the previous and the next one. */
export function shiftBounds(now: Date, shifts: readonly string[], zone: string): { previous: Date; current: Date; next: Date } {
  const local = DateTime.fromJSDate(now, { zone });
  const times = [...shifts].sort();
  const candidates: DateTime[] = [];
  for (const dayOffset of [-1, 0, 1]) {
    for (const time of times) {
      const [hour, minute] = time.split(':').map(Number);
      candidates.push(local.plus({ days: dayOffset }).set({ hour, minute, second: 0, millisecond: 0 }));
    }
  }
  const index = candidates.map((c) => c.toMillis()).findLastIndex((ms) => ms <= now.getTime());
  return { previous: candidates[index - 1]!.toJSDate(), current: candidates[index]!.toJSDate(), next: candidates[index + 1]!.toJSDate() };
}

/** What the outgoing shift hands over: received this shift, still open by status, due next shift, breached. */
export async function handoverContent(store: Store, now: Date): Promise<HandoverContent> {
  const { previous, current, next } = shiftBounds(now, store.property.shifts, store.property.timeZone);
  const tickets = store.tickets.tickets;
  const numbers = (rows: Array<{ number: string }>) => rows.map((r) => r.number);
  const received = numbers(await tickets.find({ createdAt: { $gte: previous, $lt: current } }, { number: 1 }).sort({ createdAt: 1 }).lean());
  const openByStatus: Partial<Record<TicketStatus, number>> = {};
  for (const status of OPEN_STATUSES) {
    const count = await tickets.countDocuments({ status });
    if (count > 0) openByStatus[status] = count;
  }
  const open = { $in: [...OPEN_STATUSES] };
  const dueReply = numbers(await tickets.find({ status: open, replyDueAt: { $gte: current, $lt: next }, firstReplyAt: null }, { number: 1 }).lean());
  const dueResolve = numbers(await tickets.find({ status: open, resolveDueAt: { $gte: current, $lt: next } }, { number: 1 }).lean());
  const breached = numbers(await tickets.find({ status: open, $or: [{ replyBreached: true }, { resolveBreached: true }] }, { number: 1 }).sort({ number: 1 }).lean());
  return { from: previous, to: current, nextShiftAt: next, received, openByStatus, dueNextShift: [...new Set([...dueReply, ...dueResolve])].sort(), breached };
}

function listed(numbers: string[]): string {
  if (numbers.length === 0) return staffText('jobNone');
  const shown = numbers.slice(0, LISTED).join(', ');
  return `${numbers.length}（${shown}${numbers.length > LISTED ? ' …' : ''}）`;
}

/** Shift handover, at each shift time of the property file: a written handover record to the desk. */
export async function runHandoverJob(store: Store, clock: Clock): Promise<HandoverContent> {
  const now = clock();
  const content = await handoverContent(store, now);
  const zone = store.property.timeZone;
  const open = Object.entries(content.openByStatus).map(([status, count]) => `${STATUS_LABELS[status as TicketStatus].zh} ${count}`);
  const values = {
    from: localTime(content.from, zone),
    to: localTime(content.to, zone),
    received: listed(content.received),
    open: open.length ? open.join('，') : staffText('jobNone'),
    dueNext: listed(content.dueNextShift),
    breached: listed(content.breached),
  };
  const desk = await recipientsWithRoles(store.staff, ['desk']);
  await recordStaffTexts(store, desk, { keyPrefix: `handover:${content.to.toISOString()}`, key: 'jobHandover', values }, now);
  return content;
}
