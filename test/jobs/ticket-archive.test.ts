import assert from 'node:assert/strict';
import { runHousekeepingJob } from '../../jobs/housekeeping-job.js';
import { monthlyReport, monthStatistics } from '../../jobs/monthly-statistics.js';
import { recordCallbackResult } from '../../jobs/record-callback-result.js';
import { renderReportHtml } from '../../jobs/report-html.js';
import { runRepeatsJob } from '../../jobs/repeats-job.js';
import { Surveys } from '../../store/surveys.js';
import { TicketRepository } from '../../store/ticket-repository.js';
import { testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';
import { intake, openJobTestBed, resolvedTicket, sampleProperty, type JobTestBed } from './job-fixtures.js';

const DAY = 86_400_000;
const T = new Date('2026-11-26T02:00:00Z');
const daysAgo = (n: number) => new Date(T.getTime() - n * DAY);
const system = { kind: 'system' as const, id: 'test' };
const staff = { kind: 'staff' as const, id: 's-eng-1', name: '王师傅' };
const archiveNo = 'HY01-5-1-302';
const household = { householdId: archiveNo, location: { building: '5', unit: '1', room: '302' } };

describe('jobs: housekeeping moves finished tickets to the archive', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  const ids = async (collection: 'tickets' | 'ticketArchive') =>
    (await bed.connection.collection(collection).find({}, { projection: { _id: 1 } }).toArray()).map((row) => String(row._id)).sort();

  async function closedTicket(openedAt: Date, closedAt: Date, fields = {}): Promise<string> {
    const number = await resolvedTicket(bed.store, openedAt, new Date(closedAt.getTime() - DAY), fields);
    await bed.store.tickets.act(number, 'close', { by: system, at: closedAt });
    return number;
  }

  async function cancelledTicket(at: Date, fields = {}): Promise<string> {
    const { ticket } = await bed.store.tickets.open(intake(at, fields));
    await bed.store.tickets.act(ticket.number, 'cancel', { by: { kind: 'resident', id: 'msteams:resident-1' }, at });
    return ticket.number;
  }

  beforeEach(async () => {
    bed = await openJobTestBed('ticket_archive');
    await bed.store.households.upsert({ building: '5', unit: '1', room: '302', members: [{ name: '陈静', role: 'owner', phone: '13900001111' }] }, 'import');
  });
  afterEach(async () => bed?.close());

  it('moves tickets closed or cancelled over 30 days ago; open, resolved and recently closed ones stay; a second run moves nothing', async () => {
    const closed = await closedTicket(daysAgo(60), daysAgo(57));
    const cancelled = await cancelledTicket(daysAgo(50));
    const open = (await bed.store.tickets.open(intake(daysAgo(45)))).ticket.number;
    const resolved = await resolvedTicket(bed.store, daysAgo(60), daysAgo(55));
    const recentlyClosed = await closedTicket(daysAgo(40), daysAgo(10));
    const recentlyCancelled = await cancelledTicket(daysAgo(5));

    const result = await runHousekeepingJob(bed.store, () => T);
    assert.equal(result.ticketsArchived, 2);
    assert.deepEqual(await ids('ticketArchive'), [closed, cancelled].sort());
    assert.deepEqual(await ids('tickets'), [open, resolved, recentlyClosed, recentlyCancelled].sort());
    const archived = await bed.store.tickets.getByNumber(closed);
    assert.equal(archived.status, 'closed');
    assert.deepEqual(archived.events.map((e) => e.kind), ['created', 'dispatched', 'accepted', 'resolved', 'closed'], 'the whole history moves');
    assert.equal((await bed.store.tickets.getByNumber(cancelled)).status, 'cancelled');

    assert.equal((await runHousekeepingJob(bed.store, () => T)).ticketsArchived, 0);
    assert.deepEqual(await ids('ticketArchive'), [closed, cancelled].sort());
    assert.equal((await runHousekeepingJob(bed.store, () => new Date(T.getTime() + 26 * DAY))).ticketsArchived, 2, 'the recently finished ones in their turn');
    assert.deepEqual(await ids('tickets'), [open, resolved].sort());
  });

  it('every reader still finds archived tickets: number, intake key, the resident list, the household file, finished-before', async () => {
    const intakeKey = `archive-readers:${Math.random()}`;
    const closed = await closedTicket(daysAgo(60), daysAgo(57), { ...household, intakeKey });
    const cancelled = await cancelledTicket(daysAgo(50), household);
    const open = (await bed.store.tickets.open(intake(daysAgo(2), household))).ticket.number;
    await runHousekeepingJob(bed.store, () => T);
    assert.deepEqual(await ids('tickets'), [open]);

    assert.equal((await bed.store.tickets.findByNumber(` ${closed.toLowerCase()} `))?.number, closed);
    assert.equal((await bed.store.tickets.findByIntakeKey(intakeKey))?.number, closed, 'the intake map forgot it; the archive still has it');
    assert.deepEqual((await bed.store.tickets.ofResident('msteams:resident-1', 10)).map((t) => t.number), [open, cancelled, closed]);

    const file = await bed.store.confidential.readGranted({ id: 's-head-1' }, archiveNo, '核实报修记录', 'self-approved (service-head)');
    assert.deepEqual(file?.tickets.map((t) => t.number), [open, cancelled, closed], 'newest first, from both collections');
    assert.equal(await bed.store.confidential.readResidentPhone({ id: 's-head-1' }, cancelled, '回访住户'), null);
    assert.equal((await bed.store.audit.forStaff('s-head-1'))[0]?.householdId, archiveNo, 'the phone read found the archived ticket');

    const finished = await bed.store.tickets.finishedBefore([closed, cancelled, open], daysAgo(30));
    assert.deepEqual([...finished].sort(), [closed, cancelled].sort());

    const env = { MONGODB_URI: `${testServerUri().replace(/\/$/, '')}/${bed.connection.db!.databaseName}` };
    const shown = await runNode(['dist/bot/cli/main.js', 'households', 'show', archiveNo, '--reason', '核实报修记录', '--as', 's-head-1'], { env });
    assert.equal(shown.code, 0, shown.stderr);
    assert.deepEqual((JSON.parse(shown.stdout) as { tickets: Array<{ number: string }> }).tickets.map((t) => t.number), [open, cancelled, closed]);
  });

  it('the monthly statistics and report of a past month, and the repeat check, are the same after the move', async () => {
    // September 2026 (Shanghai): closed, cancelled, resolved and still open tickets; one complaint episode running into November
    const september = (day: number) => new Date(Date.UTC(2026, 8, day, 2));
    await closedTicket(september(3), september(6), { category: 'complaint', severity: 'minor', text: '门口停车太乱' });
    await closedTicket(september(10), september(12));
    await cancelledTicket(september(14));
    await resolvedTicket(bed.store, september(20), september(21));
    await bed.store.tickets.open(intake(september(25), { category: 'inquiry', text: '物业费怎么交' }));
    const noise = [];
    for (const ago of [60, 40, 20, 10, 5]) {
      const fields = { category: 'complaint' as const, severity: 'minor' as const, text: '楼上噪音太大', ...household };
      noise.push(ago >= 40 ? await closedTicket(daysAgo(ago), daysAgo(ago - 3), fields) : (await bed.store.tickets.open(intake(daysAgo(ago), fields))).ticket.number);
    }
    const before = { statistics: await monthStatistics(bed.store, '2026-09'), report: await monthlyReport(bed.store, '2026-10') };
    assert.equal(before.statistics.total, 6);

    const moved = (await runHousekeepingJob(bed.store, () => T)).ticketsArchived;
    assert.equal(moved, 5);
    assert.deepEqual(await monthStatistics(bed.store, '2026-09'), before.statistics);
    assert.deepEqual(await monthlyReport(bed.store, '2026-10'), before.report);

    const repeats = await runRepeatsJob(bed.store, () => T);
    assert.equal(repeats.created.length, 1);
    assert.match(repeats.created[0]!, new RegExp(`#${noise[0]}$`), 'the episode starts with the archived complaint of 60 days ago');
    const env = { MONGODB_URI: `${testServerUri().replace(/\/$/, '')}/${bed.connection.db!.databaseName}` };
    const report = await runNode(['dist/bot/cli/main.js', 'report', '--month', '2026-10'], { env });
    assert.equal(report.code, 0, report.stderr);
    assert.equal(report.stdout, renderReportHtml(before.report));
  });

  it('a move stopped between the copy and the delete: readers see the ticket once, from `tickets`; the next run finishes it', async () => {
    const closed = await closedTicket(daysAgo(60), daysAgo(57), household);
    const hot = await bed.connection.collection('tickets').findOne({ _id: closed as never });
    await bed.connection.collection('ticketArchive').insertOne({ ...hot!, text: 'a stale copy' });

    assert.equal((await bed.store.tickets.findByNumber(closed))?.text, hot!.text);
    assert.equal((await monthStatistics(bed.store, '2026-09')).total, 1);
    const file = await bed.store.confidential.readGranted({ id: 's-head-1' }, archiveNo, '核实报修记录', 'self-approved (service-head)');
    assert.deepEqual(file?.tickets.map((t) => [t.number, t.text]), [[closed, hot!.text]]);
    assert.deepEqual((await bed.store.tickets.ofResident('msteams:resident-1', 10)).map((t) => t.number), [closed]);

    assert.equal((await runHousekeepingJob(bed.store, () => T)).ticketsArchived, 1);
    assert.deepEqual(await ids('tickets'), []);
    assert.deepEqual(await ids('ticketArchive'), [closed]);
    assert.equal((await bed.store.tickets.findByNumber(closed))?.text, hot!.text, 'the copy in `tickets` replaced the stale one');
  });

  it('a change that slips in between the copy and the delete keeps the ticket in `tickets`, and its copy goes again', async () => {
    const closed = await closedTicket(daysAgo(60), daysAgo(57));
    const archive = bed.store.tickets.archive.collection;
    const insertOne = archive.insertOne.bind(archive);
    archive.insertOne = (async (...args: Parameters<typeof insertOne>) => {
      const inserted = await insertOne(...args);
      await bed.store.tickets.act(closed, 'note', { by: staff, at: daysAgo(40), text: '补充说明' });
      return inserted;
    }) as typeof archive.insertOne;
    try {
      assert.equal(await bed.store.tickets.archiveFinished(daysAgo(30)), 0);
    } finally {
      archive.insertOne = insertOne;
    }
    assert.deepEqual(await ids('tickets'), [closed]);
    assert.deepEqual(await ids('ticketArchive'), []);
    assert.equal((await bed.store.tickets.getByNumber(closed)).events.at(-1)?.text, '补充说明');
    assert.equal(await bed.store.tickets.archiveFinished(daysAgo(30)), 1, 'moved on the next run');
  });

  it('what can still happen to a finished ticket works after the move: a note, a late callback that reopens it for rework', async () => {
    const closed = await closedTicket(daysAgo(60), daysAgo(57), household);
    const cancelled = await cancelledTicket(daysAgo(50));
    const readBeforeTheMove = await bed.store.tickets.getByNumber(cancelled);
    await runHousekeepingJob(bed.store, () => T);
    assert.deepEqual(await ids('ticketArchive'), [closed, cancelled].sort());

    const noted = await bed.store.tickets.act(closed, 'note', { by: staff, at: T, text: '住户来电询问保修' });
    assert.equal(noted.status, 'closed');
    await bed.store.tickets.record(cancelled, 'note', { by: staff, at: T, text: '已电话确认取消', current: readBeforeTheMove });
    assert.deepEqual(await ids('ticketArchive'), [closed, cancelled].sort(), 'still finished: changed where they are');
    assert.deepEqual(await ids('tickets'), []);
    assert.equal((await bed.store.tickets.getByNumber(closed)).events.at(-1)?.text, '住户来电询问保修');
    assert.equal((await bed.store.tickets.getByNumber(cancelled)).events.at(-1)?.text, '已电话确认取消');
    assert.equal((await bed.store.tickets.getByNumber(cancelled)).version, readBeforeTheMove.version + 1);

    const surveys = new Surveys(bed.connection);
    await surveys.createTask({ _id: `${closed}#0`, ticketNumber: closed, category: 'repair', reason: 'no-answer', method: 'phone', status: 'open', dueAt: T, createdAt: daysAgo(55) });
    const outcome = await recordCallbackResult(bed.store, `${closed}#0`, { method: 'phone', result: '漏水又出现了', satisfaction: 'dissatisfied', by: { id: 's-agent-1', name: '客服' } }, T);
    assert.equal(outcome.done && outcome.reopened, true);
    assert.deepEqual(await ids('tickets'), [closed], 'back in work: back in `tickets`');
    assert.deepEqual(await ids('ticketArchive'), [cancelled]);
    const reopened = await bed.store.tickets.getByNumber(closed);
    assert.equal(reopened.status, 'dispatched');
    assert.deepEqual(reopened.events.slice(-3).map((e) => e.kind), ['note', 'callback', 'reopened']);
    assert.ok((await bed.store.tickets.slaTimers.allWatches()).has(closed), 'the SLA job watches the rework');
    const accepted = await bed.store.tickets.act(closed, 'accept', { by: staff, at: T, set: { assignee: staff } });
    assert.equal(accepted.status, 'accepted');
    assert.equal((await bed.store.tickets.tickets.findById(closed).lean())?.status, 'accepted');
  });

  it('ticket numbering continues after tickets of the day were archived: no number is given out twice', async () => {
    const day = daysAgo(60);
    const numbers = [];
    for (let i = 0; i < 5; i += 1) numbers.push((await bed.store.tickets.open(intake(day))).ticket.number);
    for (const number of numbers.slice(0, 3)) await bed.store.tickets.act(number, 'cancel', { by: { kind: 'resident', id: 'msteams:resident-1' }, at: day });
    assert.equal(await bed.store.tickets.archiveFinished(daysAgo(30)), 3);
    assert.deepEqual(await ids('tickets'), numbers.slice(3));

    const restarted = new TicketRepository(bed.connection, sampleProperty);
    const next = (await restarted.open(intake(day))).ticket.number;
    assert.equal(next, numbers[0]!.replace(/\d{4}$/, '0006'));

    // all of the day archived: still no reuse
    for (const number of [...numbers.slice(3), next]) await restarted.act(number, 'cancel', { by: { kind: 'resident', id: 'msteams:resident-1' }, at: day });
    assert.equal(await restarted.archiveFinished(daysAgo(30)), 3);
    assert.deepEqual(await ids('tickets'), []);
    const again = new TicketRepository(bed.connection, sampleProperty);
    assert.equal((await again.open(intake(day))).ticket.number, numbers[0]!.replace(/\d{4}$/, '0007'));
  });
});
