import { DateTime } from 'luxon';
import { callbackDecision } from '../domain/sampling.js';
import { TICKET_STATUSES, type Category, type TicketStatus } from '../domain/vocabulary.js';
import { capaModel } from '../store/models/capa.js';
import type { Store } from '../store/store.js';
import { Surveys } from '../store/surveys.js';

/** Manual §1.3 statistics categories; public-safety reports count as "reported problem" (反映问题). */
export const REPORT_CATEGORIES = ['complaint', 'repair', 'inquiry', 'reported-problem', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export function reportCategoryOf(category: Category): ReportCategory {
  return category === 'security' ? 'reported-problem' : category;
}

export interface Rate {
  count: number;
  of: number;
  /** count / of, null when there is nothing to measure. */
  rate: number | null;
}

export interface MonthStatistics {
  month: string;
  total: number;
  byCategory: Record<ReportCategory, number>;
  byNature: { general: number; important: number };
  byStatus: Record<TicketStatus, number>;
  /** Reply / resolve deadlines met: tickets not marked breached, of those (not cancelled) that have the deadline. */
  replyOnTime: Rate;
  resolveOnTime: Rate;
  satisfaction: { satisfied: number; 'basically-satisfied': number; dissatisfied: number; rate: number | null };
  /** Sampled resolved tickets that got a callback (an answered survey or a completed callback task). */
  callbackCoverage: Rate;
  capasOpened: string[];
}

export interface Change {
  current: number;
  previous: number;
  delta: number;
  /** Relative change, null when the earlier count was 0. */
  percent: number | null;
}

export interface MonthlyReport {
  month: string;
  propertyName: string;
  current: MonthStatistics;
  previousMonth: MonthStatistics;
  sameMonthLastYear: MonthStatistics;
  monthOnMonth: Record<'total' | ReportCategory, Change>;
  yearOnYear: Record<'total' | ReportCategory, Change>;
  complaintsRising: boolean;
  recurringProblems: string[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function monthRange(month: string, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone });
  if (!isMonth(month) || !start.isValid) throw new RangeError(`expected a month as YYYY-MM, got "${month}"`);
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
}

export function shiftMonth(month: string, months: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).plus({ months }).toFormat('yyyy-MM');
}

function rate(count: number, of: number): Rate {
  return { count, of, rate: of > 0 ? count / of : null };
}

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Statistics of the tickets received in one month (the property's zone), counted in code from one indexed read. */
export async function monthStatistics(store: Store, month: string): Promise<MonthStatistics> {
  const { start, end } = monthRange(month, store.property.timeZone);
  const tickets = await store.tickets.tickets
    .find(
      { createdAt: { $gte: start, $lt: end } },
      { number: 1, category: 1, nature: 1, status: 1, resolveDueAt: 1, replyBreached: 1, resolveBreached: 1, satisfaction: 1, resolvedAt: 1, events: 1 },
    )
    .lean();
  const stats: MonthStatistics = {
    month,
    total: tickets.length,
    byCategory: zeroed(REPORT_CATEGORIES),
    byNature: { general: 0, important: 0 },
    byStatus: zeroed(TICKET_STATUSES),
    replyOnTime: rate(0, 0),
    resolveOnTime: rate(0, 0),
    satisfaction: { satisfied: 0, 'basically-satisfied': 0, dissatisfied: 0, rate: null },
    callbackCoverage: rate(0, 0),
    capasOpened: [],
  };
  let replyDue = 0;
  let replyMet = 0;
  let resolveDue = 0;
  let resolveMet = 0;
  const sampled: string[] = [];
  for (const t of tickets) {
    stats.byCategory[reportCategoryOf(t.category)] += 1;
    stats.byNature[t.nature] += 1;
    stats.byStatus[t.status] += 1;
    if (t.status !== 'cancelled') {
      replyDue += 1;
      if (!t.replyBreached) replyMet += 1;
      if (t.resolveDueAt) {
        resolveDue += 1;
        if (!t.resolveBreached) resolveMet += 1;
      }
    }
    if (t.satisfaction === 'satisfied' || t.satisfaction === 'basically-satisfied' || t.satisfaction === 'dissatisfied') stats.satisfaction[t.satisfaction] += 1;
    const wasResolved = t.status === 'resolved' || t.status === 'closed';
    if (wasResolved && callbackDecision(t.number, t.category, store.property.callbackRates).callback) sampled.push(t.number);
  }
  stats.replyOnTime = rate(replyMet, replyDue);
  stats.resolveOnTime = rate(resolveMet, resolveDue);
  const answered = stats.satisfaction.satisfied + stats.satisfaction['basically-satisfied'] + stats.satisfaction.dissatisfied;
  stats.satisfaction.rate = answered > 0 ? (stats.satisfaction.satisfied + stats.satisfaction['basically-satisfied']) / answered : null;

  const surveys = new Surveys(store.connection);
  const covered = new Set<string>();
  for (const s of await surveys.surveys.find({ ticketNumber: { $in: sampled }, status: 'answered' }, { ticketNumber: 1 }).lean()) covered.add(s.ticketNumber);
  for (const task of await surveys.tasks.find({ ticketNumber: { $in: sampled }, status: 'done' }, { ticketNumber: 1 }).lean()) covered.add(task.ticketNumber);
  stats.callbackCoverage = rate(covered.size, sampled.length);

  const capas = await capaModel(store.connection).find({ createdAt: { $gte: start, $lt: end } }, { matter: 1 }).sort({ createdAt: 1 }).lean();
  stats.capasOpened = capas.map((c) => c.matter);
  return stats;
}

function change(current: number, previous: number): Change {
  return { current, previous, delta: current - previous, percent: previous > 0 ? (current - previous) / previous : null };
}

function changes(current: MonthStatistics, earlier: MonthStatistics): Record<'total' | ReportCategory, Change> {
  const result = { total: change(current.total, earlier.total) } as Record<'total' | ReportCategory, Change>;
  for (const category of REPORT_CATEGORIES) result[category] = change(current.byCategory[category], earlier.byCategory[category]);
  return result;
}

/** The month's statistics with month-on-month and year-on-year change and what needs special attention. */
export async function monthlyReport(store: Store, month: string): Promise<MonthlyReport> {
  const current = await monthStatistics(store, month);
  const previousMonth = await monthStatistics(store, shiftMonth(month, -1));
  const sameMonthLastYear = await monthStatistics(store, shiftMonth(month, -12));
  const monthOnMonth = changes(current, previousMonth);
  return {
    month,
    propertyName: store.property.name,
    current,
    previousMonth,
    sameMonthLastYear,
    monthOnMonth,
    yearOnYear: changes(current, sameMonthLastYear),
    complaintsRising: monthOnMonth.complaint.delta > 0,
    recurringProblems: current.capasOpened,
  };
}
