import { DateTime } from 'luxon';
import type { PropertyKind } from './property.js';

export type VisitPeriod = 'month' | 'quarter' | 'year';

/** Customer visits (拜访) a property owes per period (manual §2). */
export type VisitQuota =
  | { readonly kind: 'every-customer'; readonly period: VisitPeriod }
  | { readonly kind: 'households'; readonly period: VisitPeriod; readonly atLeast: number };

export const VISIT_QUOTAS: Readonly<Record<PropertyKind, VisitQuota>> = {
  'office-single-owner': { kind: 'every-customer', period: 'quarter' },
  'office-multi-owner': { kind: 'every-customer', period: 'year' },
  'residential-premium': { kind: 'households', period: 'month', atLeast: 5 },
  residential: { kind: 'households', period: 'month', atLeast: 4 },
};

export function visitQuotaFor(kind: PropertyKind): VisitQuota {
  return VISIT_QUOTAS[kind];
}

/** How many distinct customers must be visited in one period, given how many the property has. */
export function requiredVisits(kind: PropertyKind, customerCount: number): number {
  const quota = visitQuotaFor(kind);
  return quota.kind === 'every-customer' ? customerCount : Math.min(quota.atLeast, customerCount);
}

export interface PeriodWindow {
  /** Stable label such as 2026-09, 2026-Q3 or 2026. */
  readonly key: string;
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}

/** The visit period of a property kind that contains `at`, in the property's zone. */
export function visitPeriodContaining(kind: PropertyKind, at: Date, zone: string): PeriodWindow {
  const { period } = visitQuotaFor(kind);
  const local = DateTime.fromJSDate(at, { zone });
  const start = local.startOf(period);
  const end = start.plus(period === 'month' ? { months: 1 } : period === 'quarter' ? { months: 3 } : { years: 1 });
  const key =
    period === 'month' ? start.toFormat('yyyy-MM') : period === 'quarter' ? `${start.year}-Q${start.quarter}` : String(start.year);
  return { key, start: start.toJSDate(), end: end.toJSDate() };
}
