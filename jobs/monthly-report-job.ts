import { DateTime } from 'luxon';
import type { Clock } from '../domain/clock.js';
import { recipientsWithRoles } from '../store/role-recipients.js';
import type { Store } from '../store/store.js';
import { recordStaffTexts, staffText } from './job-messages.js';
import { monthlyReport, type MonthlyReport } from './monthly-statistics.js';
import { percent, renderReportHtml, signedChange } from './report-html.js';

export interface MonthlyReportJobResult {
  month: string;
  report: MonthlyReport;
}

/** The month before the one `now` falls in, in the property's zone. */
export function reportMonthFor(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).minus({ months: 1 }).toFormat('yyyy-MM');
}

/**
 * Monthly statistics (1st of the month): last month's report is kept in `monthlyReports` (HTML) and a
 * summary goes to the service head and the project manager, once per month.
 */
export async function runMonthlyReportJob(store: Store, clock: Clock): Promise<MonthlyReportJobResult> {
  const now = clock();
  const month = reportMonthFor(now, store.property.timeZone);
  const report = await monthlyReport(store, month);
  await store.connection.collection('monthlyReports').replaceOne({ _id: month as never }, { month, html: renderReportHtml(report), createdAt: now }, { upsert: true });
  const callouts = [
    ...(report.complaintsRising ? [staffText('jobComplaintsRising')] : []),
    ...(report.recurringProblems.length ? [staffText('jobRecurringProblem', { matters: report.recurringProblems.join('；') })] : []),
  ].join('');
  const values = {
    month,
    total: report.current.total,
    mom: signedChange(report.monthOnMonth.total),
    yoy: signedChange(report.yearOnYear.total),
    complaints: report.current.byCategory.complaint,
    replyRate: percent(report.current.replyOnTime.rate),
    resolveRate: percent(report.current.resolveOnTime.rate),
    satisfaction: percent(report.current.satisfaction.rate),
    coverage: percent(report.current.callbackCoverage.rate),
    callouts,
  };
  const managers = await recipientsWithRoles(store.staff, ['service-head', 'project-manager']);
  await recordStaffTexts(store, managers, { keyPrefix: `monthly-report:${month}`, key: 'jobMonthlySummary', values }, now);
  return { month, report };
}
