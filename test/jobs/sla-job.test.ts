import assert from 'node:assert/strict';
import { runSlaCheckJob } from '../../jobs/sla-check-job.js';
import { runSlaJob } from '../../jobs/sla-job.js';
import { hours, intake, messageKeyOf, minutes, openJobTestBed, outboxFor, type JobTestBed } from './job-fixtures.js';

const T = new Date('2026-11-26T02:00:00Z'); // Thursday 10:00 in Shanghai
const at = (ms: number) => new Date(T.getTime() + ms);

describe('jobs: SLA reminders and escalation', function () {
  this.timeout(60_000);
  let bed: JobTestBed;
  // each test starts its clock at T again, so each gets a database of its own
  beforeEach(async () => {
    bed = await openJobTestBed('sla_job');
  });
  afterEach(async () => bed?.close());

  const timersOf = (number: string) => bed.connection.collection('slaTimers').countDocuments({ [`tickets.${number}`]: { $exists: true } });

  async function messages(number: string) {
    return (await outboxFor(bed.store, number)).map((entry) => ({ to: entry.conversationKey, key: messageKeyOf(bed.store, entry), id: entry._id }));
  }

  it('reminds the department at 50% and 80% of the reply window, each once, then marks the breach and escalates', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T, { category: 'security', text: '地下车库有人撬车' }));
    assert.equal((await runSlaJob(bed.store, () => at(minutes(5)))).reminders, 0);
    assert.deepEqual(await messages(ticket.number), []);

    await runSlaJob(bed.store, () => at(minutes(7.5)));
    await runSlaJob(bed.store, () => at(minutes(8)));
    assert.deepEqual(await messages(ticket.number), [{ to: 'conv-sec1', key: 'jobSlaReminder', id: `sla:${ticket.number}:reply-50:conv-sec1` }]);

    await runSlaJob(bed.store, () => at(minutes(12)));
    await runSlaJob(bed.store, () => at(minutes(13)));
    assert.equal((await messages(ticket.number)).filter((m) => m.key === 'jobSlaReminder').length, 2);

    const breach = await runSlaJob(bed.store, () => at(minutes(16)));
    assert.equal(breach.breaches, 1);
    await runSlaJob(bed.store, () => at(minutes(17)));
    const all = await messages(ticket.number);
    assert.deepEqual(all.filter((m) => m.key === 'jobSlaBreached').map((m) => m.to), ['conv-pm'], 'security breaches go to the project manager');
    assert.deepEqual(all.filter((m) => m.key === 'jobResidentDelayed').map((m) => m.to), ['conv-resident']);
    const stored = await bed.store.tickets.getByNumber(ticket.number);
    assert.equal(stored.replyBreached, true);
    assert.equal(stored.resolveBreached, false);
    assert.equal(stored.events.filter((e) => e.kind === 'breached').length, 1);
    assert.deepEqual((await bed.connection.collection('slaStageClaims').find({ scope: ticket.number }).toArray()).map((c) => c._id).sort(), [
      `${ticket.number}:reply-50`,
      `${ticket.number}:reply-80`,
      `${ticket.number}:reply-breach`,
    ]);
    assert.equal(await timersOf(ticket.number), 1, 'the next look (the resolve window) is booked');
  });

  it('escalates a breach by complaint level: minor → desk lead, important → service head, major → project manager', async () => {
    const numbers: Record<string, string> = {};
    for (const severity of ['minor', 'important', 'major'] as const) {
      const { ticket } = await bed.store.tickets.open(intake(T, { category: 'complaint', severity, text: `${severity} 投诉：楼道噪音` }));
      numbers[severity] = ticket.number;
    }
    await runSlaJob(bed.store, () => at(hours(2) + minutes(1)));
    const major = await messages(numbers.major!);
    assert.deepEqual(major.filter((m) => m.key === 'jobSlaBreached').map((m) => m.to), ['conv-pm']);
    assert.equal(major.filter((m) => m.key === 'jobSlaReminder').length, 0, 'a ticket first seen at its breach gets the breach only');

    await runSlaJob(bed.store, () => new Date('2026-11-27T02:01:00Z')); // Friday 10:01, a minute after one working day
    const target = async (n: string) => (await messages(n)).filter((m) => m.key === 'jobSlaBreached').map((m) => m.to).sort();
    assert.deepEqual(await target(numbers.minor!), ['conv-desk1', 'conv-desk1'], 'reply and resolve breaches, each to the desk lead');
    assert.deepEqual(await target(numbers.important!), ['conv-head']);
    assert.deepEqual(await target(numbers.major!), ['conv-pm']);
    const minor = await bed.store.tickets.getByNumber(numbers.minor!);
    assert.equal(minor.replyBreached, true);
    assert.equal(minor.resolveBreached, true, 'a minor complaint is also due to be resolved within one working day');
    const delayed = (await messages(numbers.minor!)).filter((m) => m.key === 'jobResidentDelayed');
    assert.equal(delayed.length, 1, 'both deadlines broke in one run: the resident is told once');
    assert.equal((await bed.store.tickets.getByNumber(numbers.important!)).resolveBreached, false);
  });

  it('reminds the assignee rather than the department once someone has taken the ticket', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T));
    await bed.store.tickets.act(ticket.number, 'dispatch', { by: { kind: 'system', id: 't' }, at: T });
    await bed.store.tickets.act(ticket.number, 'accept', { by: { kind: 'staff', id: 's-eng-1' }, at: at(minutes(10)), set: { assignee: { kind: 'staff', id: 's-eng-1', name: '王师傅' } } });
    // repair: resolve within 3 working days (Thu 10:00 → Tue 10:00); 50% is Sat 22:00 local wall clock
    const stored = await bed.store.tickets.getByNumber(ticket.number);
    const half = new Date(T.getTime() + (stored.resolveDueAt!.getTime() - T.getTime()) / 2);
    await runSlaJob(bed.store, () => new Date(half.getTime() + minutes(1)));
    const sent = await messages(ticket.number);
    assert.deepEqual(sent.map((m) => [m.to, m.key]), [['conv-eng1', 'jobSlaReminder']]);
  });

  it('applies the 5-minute rule to a reply missed after a supervisor escalation', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T, { category: 'complaint', severity: 'important', text: '物业态度差' }));
    await bed.store.tickets.act(ticket.number, 'escalate', { by: { kind: 'staff', id: 's-desk-1' }, at: at(minutes(20)) });
    await runSlaJob(bed.store, () => at(minutes(24)));
    assert.equal((await bed.store.tickets.getByNumber(ticket.number)).replyBreached, false);
    const run = await runSlaJob(bed.store, () => at(minutes(26)));
    assert.equal(run.breaches, 1);
    const stored = await bed.store.tickets.getByNumber(ticket.number);
    assert.equal(stored.replyBreached, true);
    const sent = await messages(ticket.number);
    assert.deepEqual(sent.filter((m) => m.key === 'jobSlaSupervisorBreached').map((m) => m.to), ['conv-head']);
    await runSlaJob(bed.store, () => at(minutes(31)));
    assert.equal((await messages(ticket.number)).filter((m) => m.key === 'jobSlaSupervisorBreached').length, 1);
  });

  it('stops looking at a ticket once it is resolved', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T));
    await bed.store.tickets.act(ticket.number, 'dispatch', { by: { kind: 'system', id: 't' }, at: T });
    await bed.store.tickets.act(ticket.number, 'accept', { by: { kind: 'staff', id: 's-eng-2' }, at: T });
    await bed.store.tickets.act(ticket.number, 'resolve', { by: { kind: 'staff', id: 's-eng-2' }, at: at(hours(1)) });
    assert.equal(await timersOf(ticket.number), 0, 'resolving takes the ticket off the timers');
    const run = await runSlaJob(bed.store, () => at(hours(2)));
    assert.equal(run.tickets, 0);
    assert.deepEqual(await messages(ticket.number), []);
  });

  it('reminds from the timer alone: the ticket is not read for a reminder', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T, { category: 'security', text: '地下车库有人撬车' }));
    // hide the ticket: a reminder must come from the watch booked in the timers
    const stored = await bed.connection.collection('tickets').findOne({ _id: ticket.number as never });
    await bed.connection.collection('tickets').deleteOne({ _id: ticket.number as never });
    await runSlaJob(bed.store, () => at(minutes(8)));
    await bed.connection.collection('tickets').insertOne(stored!);
    assert.deepEqual(await messages(ticket.number), [{ to: 'conv-sec1', key: 'jobSlaReminder', id: `sla:${ticket.number}:reply-50:conv-sec1` }]);
    assert.equal(await timersOf(ticket.number), 1, 'booked again for the 80% reminder');
  });

  it('follows a reassignment: the next reminder goes to the new department', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T));
    await bed.store.tickets.act(ticket.number, 'dispatch', { by: { kind: 'system', id: 't' }, at: T });
    await bed.store.tickets.act(ticket.number, 'reassign', { by: { kind: 'staff', id: 's-desk-1' }, at: at(minutes(1)), set: { department: 'security' } });
    const stored = await bed.store.tickets.getByNumber(ticket.number);
    await runSlaJob(bed.store, () => new Date(stored.createdAt.getTime() + (stored.replyDueAt.getTime() - stored.createdAt.getTime()) / 2 + minutes(1)));
    assert.deepEqual((await messages(ticket.number)).map((m) => [m.to, m.key]), [['conv-sec1', 'jobSlaReminder']]);
    assert.equal(await timersOf(ticket.number), 1, 'one watch per ticket');
  });

  it('the hourly check repairs watches a crash left missing or stale, and drops those of settled tickets', async () => {
    const lost = (await bed.store.tickets.open(intake(T, { category: 'security', text: '地下车库有人撬车' }))).ticket;
    const moved = (await bed.store.tickets.open(intake(T))).ticket;
    const settled = (await bed.store.tickets.open(intake(T))).ticket;
    const timers = bed.connection.collection('slaTimers');
    // a crash after the ticket write, before the watch: one watch gone, one ticket changed behind its watch, one cancelled with its watch left
    await timers.updateMany({}, { $unset: { [`tickets.${lost.number}`]: '' } });
    await bed.connection.collection('tickets').updateOne({ _id: moved.number as never }, { $set: { department: 'security' }, $inc: { version: 1 } });
    const leftover = await timers.findOne({ [`tickets.${settled.number}`]: { $exists: true } });
    await bed.store.tickets.act(settled.number, 'cancel', { by: { kind: 'resident', id: 'r' }, at: T });
    await timers.updateOne({ _id: leftover!._id }, { $set: { [`tickets.${settled.number}`]: leftover!.tickets[settled.number] } });

    assert.deepEqual(await runSlaCheckJob(bed.store, () => at(minutes(2))), { open: 2, rebooked: 2, forgotten: 1 });
    assert.equal(await timersOf(lost.number), 1);
    assert.equal(await timersOf(settled.number), 0);
    assert.deepEqual(await runSlaCheckJob(bed.store, () => at(minutes(3))), { open: 2, rebooked: 0, forgotten: 0 }, 'nothing left to repair');

    await runSlaJob(bed.store, () => at(minutes(8)));
    assert.deepEqual((await messages(lost.number)).map((m) => m.key), ['jobSlaReminder'], 'the repaired watch reminds on time');
    const repair = await bed.store.tickets.getByNumber(moved.number);
    await runSlaJob(bed.store, () => new Date(repair.createdAt.getTime() + (repair.replyDueAt.getTime() - repair.createdAt.getTime()) / 2 + minutes(1)));
    assert.deepEqual((await messages(moved.number)).map((m) => m.to), ['conv-sec1'], 'the rebooked watch follows the department');
  });

  it('does not put back the watch of a ticket that changed while the run handled it', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T));
    await bed.store.tickets.act(ticket.number, 'dispatch', { by: { kind: 'system', id: 't' }, at: T });
    const timers = bed.store.tickets.slaTimers;
    const now = at(hours(1) + minutes(5));
    await timers.advance(at(minutes(-1)));
    const [bucket] = await timers.due(new Date(T.getTime() + 2 * 86_400_000));
    const stale = bucket!.watches.find((w) => w.number === ticket.number)!;
    // meanwhile another process reassigns the ticket, which rewrites its watch
    await bed.store.tickets.act(ticket.number, 'reassign', { by: { kind: 'staff', id: 's-desk-1' }, at: now, set: { department: 'security' } });
    await timers.handled(bucket!, [{ ...stale, stages: stale.stages.slice(1) }], now);
    const rows = await bed.connection.collection('slaTimers').find({ [`tickets.${ticket.number}`]: { $exists: true } }).toArray();
    assert.equal(rows.length, 1, 'one watch');
    assert.equal(JSON.parse(rows[0]!.tickets[ticket.number]).department, 'security', 'the rewritten one');
  });

  it('the hourly check rebooks a watch left in a minute the job has already passed, and a ticket held twice', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T, { category: 'security', text: '地下车库有人撬车' }));
    const timers = bed.connection.collection('slaTimers');
    const row = await timers.findOne({ [`tickets.${ticket.number}`]: { $exists: true } });
    const json = row!.tickets[ticket.number];
    await timers.updateOne({ _id: row!._id }, { $unset: { [`tickets.${ticket.number}`]: '' } });
    await timers.insertOne({ _id: '2026-11-26T01:30' as never, tickets: { [ticket.number]: json } });
    await bed.store.tickets.slaTimers.advance(at(minutes(1)));
    assert.deepEqual(await runSlaCheckJob(bed.store, () => at(minutes(2))), { open: 1, rebooked: 1, forgotten: 0 });
    await timers.insertOne({ _id: '2026-11-26T09:00' as never, tickets: { [ticket.number]: json } });
    assert.deepEqual(await runSlaCheckJob(bed.store, () => at(minutes(3))), { open: 1, rebooked: 1, forgotten: 0 }, 'held twice');
    assert.equal(await timersOf(ticket.number), 1);
    await runSlaJob(bed.store, () => at(minutes(8)));
    assert.deepEqual((await messages(ticket.number)).map((m) => m.key), ['jobSlaReminder']);
  });
});
