import assert from 'node:assert/strict';
import { callbackDecision } from '../../domain/sampling.js';
import { CATEGORIES, natureOf, TICKET_STATUSES, type Category, type Severity, type TicketStatus } from '../../domain/vocabulary.js';
import { runClosingJob } from '../../jobs/closing-job.js';
import { runMonthlyReportJob } from '../../jobs/monthly-report-job.js';
import { monthlyReport, REPORT_CATEGORIES } from '../../jobs/monthly-statistics.js';
import { renderReportHtml } from '../../jobs/report-html.js';
import { Surveys } from '../../store/surveys.js';
import { testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';
import { openJobTestBed, sampleProperty, type JobTestBed } from './job-fixtures.js';

/** A small deterministic generator, so that the data set is the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const SATISFACTION = [null, null, 'satisfied', 'basically-satisfied', 'dissatisfied'] as const;

/** `count` tickets received in a month (Shanghai time), written straight into the collection. */
function ticketsOfMonth(month: string, count: number, random: () => number, extraComplaints = 0) {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count + extraComplaints }, (_, i) => {
    const category: Category = i >= count ? 'complaint' : pick(CATEGORIES);
    const severity: Severity | null = category === 'complaint' ? pick(['major', 'important', 'minor'] as const) : null;
    const day = 1 + Math.floor(random() * 27);
    // 00:30 on the 1st in Shanghai is still the previous month in UTC: the zone must decide
    const createdAt = i === 0 ? new Date(Date.UTC(year, mon - 1, 1) - 7.5 * 3_600_000) : new Date(Date.UTC(year, mon - 1, day, Math.floor(random() * 24)));
    const status: TicketStatus = pick(TICKET_STATUSES);
    const number = `HY01-${month.replace('-', '')}${String(day).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`;
    return {
      _id: number,
      number,
      intakeKey: `report:${number}`,
      propertyCode: 'HY01',
      category,
      severity,
      nature: natureOf(category, severity),
      source: 'chat',
      channel: 'msteams',
      language: 'zh-CN',
      text: '测试工单',
      department: 'service',
      receiver: { kind: 'system', id: 'test' },
      status,
      replyDueAt: new Date(createdAt.getTime() + 3_600_000),
      resolveDueAt: random() < 0.8 ? new Date(createdAt.getTime() + 86_400_000) : null,
      replyBreached: random() < 0.2,
      resolveBreached: random() < 0.3,
      satisfaction: pick(SATISFACTION),
      resolvedAt: status === 'resolved' || status === 'closed' ? createdAt : null,
      version: 0,
      createdAt,
      updatedAt: createdAt,
      events: [],
    };
  });
}

describe('jobs: monthly statistics report', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  const october = { start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-10-31T16:00:00Z') };
  before(async () => {
    bed = await openJobTestBed('monthly_report');
    const random = generator(42);
    const rows = [...ticketsOfMonth('2026-10', 120, random, 15), ...ticketsOfMonth('2026-09', 100, random), ...ticketsOfMonth('2025-10', 80, random)];
    await bed.store.tickets.tickets.collection.insertMany(rows as unknown as Parameters<typeof bed.store.tickets.tickets.collection.insertMany>[0]);
    const surveys = new Surveys(bed.connection);
    const resolved = rows.filter((t) => t.resolvedAt && t.createdAt >= october.start && t.createdAt < october.end);
    for (const [i, t] of resolved.entries()) {
      if (i % 2 === 0) {
        const sentAt = t.createdAt;
        await surveys.surveys.create({ _id: `${t.number}#0`, ticketNumber: t.number, round: 0, status: 'answered', sentAt, answerDueAt: sentAt, answer: 'satisfied' });
      }
    }
  });
  after(async () => bed?.close());

  it('counts what an independent count of the same tickets gives, with month-on-month and year-on-year change', async () => {
    const tickets = bed.store.tickets.tickets;
    const inMonth = (start: Date, end: Date) => ({ createdAt: { $gte: start, $lt: end } });
    const oct = inMonth(october.start, october.end);
    const report = await monthlyReport(bed.store, '2026-10');
    const current = report.current;

    assert.equal(current.total, await tickets.countDocuments(oct));
    assert.equal(current.total, 135);
    for (const category of CATEGORIES) {
      const key = category === 'security' ? 'reported-problem' : category;
      assert.equal(current.byCategory[key], await tickets.countDocuments({ ...oct, category }), category);
    }
    for (const nature of ['general', 'important'] as const) assert.equal(current.byNature[nature], await tickets.countDocuments({ ...oct, nature }));
    for (const status of TICKET_STATUSES) assert.equal(current.byStatus[status], await tickets.countDocuments({ ...oct, status }), status);

    const live = { ...oct, status: { $ne: 'cancelled' } };
    assert.deepEqual([current.replyOnTime.count, current.replyOnTime.of], [await tickets.countDocuments({ ...live, replyBreached: false }), await tickets.countDocuments(live)]);
    const withResolve = { ...live, resolveDueAt: { $ne: null } };
    assert.deepEqual([current.resolveOnTime.count, current.resolveOnTime.of], [await tickets.countDocuments({ ...withResolve, resolveBreached: false }), await tickets.countDocuments(withResolve)]);
    for (const answer of ['satisfied', 'basically-satisfied', 'dissatisfied'] as const) {
      assert.equal(current.satisfaction[answer], await tickets.countDocuments({ ...oct, satisfaction: answer }), answer);
    }

    const resolved = await tickets.find({ ...oct, status: { $in: ['resolved', 'closed'] } }).lean();
    const sampled = resolved.filter((t) => callbackDecision(t.number, t.category, sampleProperty.callbackRates).callback).map((t) => t.number);
    const answered = new Set((await new Surveys(bed.connection).surveys.find({ status: 'answered' }).lean()).map((s) => s.ticketNumber));
    assert.deepEqual([current.callbackCoverage.count, current.callbackCoverage.of], [sampled.filter((n) => answered.has(n)).length, sampled.length]);

    const september = await tickets.countDocuments(inMonth(new Date('2026-08-31T16:00:00Z'), october.start));
    const lastOctober = await tickets.countDocuments(inMonth(new Date('2025-09-30T16:00:00Z'), new Date('2025-10-31T16:00:00Z')));
    assert.deepEqual([september, lastOctober], [100, 80]);
    assert.deepEqual(report.monthOnMonth.total, { current: 135, previous: 100, delta: 35, percent: 0.35 });
    assert.deepEqual(report.yearOnYear.total, { current: 135, previous: 80, delta: 55, percent: 55 / 80 });
    const septemberComplaints = await tickets.countDocuments({ ...inMonth(new Date('2026-08-31T16:00:00Z'), october.start), category: 'complaint' });
    assert.equal(report.monthOnMonth.complaint.previous, septemberComplaints);
    assert.equal(report.complaintsRising, current.byCategory.complaint > septemberComplaints);
    assert.ok(report.complaintsRising, 'fifteen extra complaints in October');

    const html = renderReportHtml(report);
    assert.match(html, /^<!doctype html>/);
    assert.equal((html.match(/<svg /g) ?? []).length, 2);
    assert.match(html, /投诉数量上升/);
    for (const category of REPORT_CATEGORIES) assert.ok(html.includes(`>${current.byCategory[category]}<`), category);
  });

  it('on the 1st: reports last month to the service head and the project manager, once', async () => {
    const first = new Date('2026-11-01T00:00:00Z'); // 08:00 in Shanghai
    const { month, report } = await runMonthlyReportJob(bed.store, () => first);
    assert.equal(month, '2026-10');
    assert.equal(report.current.total, 135);
    await runMonthlyReportJob(bed.store, () => first);
    const messages = await bed.store.outbox.entries.find({ _id: /^monthly-report:2026-10:/ }).lean();
    assert.deepEqual(messages.map((m) => m.conversationKey).sort(), ['conv-head', 'conv-pm']);
    const values = bed.store.outbox.payloadOf<{ values: Record<string, unknown> }>(messages[0]!).values;
    assert.equal(values.total, 135);
    assert.equal(values.mom, '+35 (+35.0%)');
    assert.match(String(values.callouts), /投诉数量上升/);
  });

  it('gives the same figures once the resolved tickets are closed (closed counts as resolved; only the status breakdown moves)', async () => {
    const before = await monthlyReport(bed.store, '2026-10');
    const resolved = await bed.store.tickets.tickets.countDocuments({ createdAt: { $gte: october.start, $lt: october.end }, status: 'resolved' });
    assert.ok(resolved > 0);
    const run = await runClosingJob(bed.store, () => new Date('2026-12-31T02:00:00Z'));
    assert.ok(run.closed >= resolved, 'every resolved ticket of October closed after its grace period');
    const after = await monthlyReport(bed.store, '2026-10');
    const withoutStatus = (report: typeof before) =>
      [report.current, report.previousMonth, report.sameMonthLastYear].map(({ byStatus, ...figures }) => ({ ...figures, finished: byStatus.resolved + byStatus.closed, others: { ...byStatus, resolved: 0, closed: 0 } }));
    assert.deepEqual(withoutStatus(after), withoutStatus(before));
    assert.deepEqual({ ...after, current: null, previousMonth: null, sameMonthLastYear: null }, { ...before, current: null, previousMonth: null, sameMonthLastYear: null });
    assert.deepEqual([after.current.byStatus.resolved, after.current.byStatus.closed], [0, before.current.byStatus.closed + resolved]);
  });

  it('propdesk report --month writes the HTML report; a bad month is a usage error', async () => {
    const uri = `${testServerUri().replace(/\/$/, '')}/${bed.connection.db!.databaseName}`;
    const result = await runNode(['dist/bot/cli/main.js', 'report', '--month', '2026-10'], { env: { MONGODB_URI: uri } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /<svg /);
    assert.match(result.stdout, /2026-10/);
    const bad = await runNode(['dist/bot/cli/main.js', 'report', '--month', '2026-13'], { env: { MONGODB_URI: uri } });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
  });
});
