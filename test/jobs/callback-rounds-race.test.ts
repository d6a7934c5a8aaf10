import assert from 'node:assert/strict';
import { callbackDueAt } from '../../domain/sampling.js';
import { workingCalendarFor } from '../../domain/sla-clock.js';
import { slaPolicyFor } from '../../domain/sla-policy.js';
import { ResidentSurveyAnswers } from '../../jobs/resident-survey-answers.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import type { Store } from '../../store/store.js';
import { Surveys } from '../../store/surveys.js';
import { hours, messageKeyOf, openJobTestBed, outboxFor, resolvedTicket, sampleProperty, type JobTestBed } from './job-fixtures.js';

const RESOLVED = new Date('2026-11-26T02:00:00Z');
const OPENED = new Date(RESOLVED.getTime() - hours(3));
const at = (ms: number) => new Date(RESOLVED.getTime() + ms);

/** Runs `between` once per number, right after the survey job's `nth` read of that ticket (the read still returns what it read). */
async function withReadHook<T>(store: Store, numbers: readonly string[], nth: number, between: (number: string) => Promise<void>, run: () => Promise<T>): Promise<T> {
  const tickets = store.tickets;
  const original = tickets.findByNumber.bind(tickets);
  const reads = new Map<string, number>();
  tickets.findByNumber = async (n: string) => {
    const read = await original(n);
    const count = (reads.get(n) ?? 0) + 1;
    reads.set(n, count);
    if (numbers.includes(n) && count === nth) await between(n);
    return read;
  };
  try {
    return await run();
  } finally {
    tickets.findByNumber = original;
  }
}

/** The resident says "not fixed" about `number` at `when`: the ticket is reopened for rework. */
const notFixedOn = (store: Store, number: string, when: Date) => new ResidentSurveyAnswers(store, () => when).notFixed(number, 'msteams:resident-1', '没修好').then(() => undefined);

/**
 * The survey job against a concurrent reopen for rework: whichever way the two interleave, a survey or
 * callback task made for the resolution being reworked ends up superseded, and nobody is asked or told.
 */
describe('callback rounds: the survey job racing a reopen for rework', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  before(async () => (bed = await openJobTestBed('callback_rounds_race')));
  after(async () => bed?.close());

  const notFixed = (number: string, when: Date) => notFixedOn(bed.store, number, when);
  const messagesOf = async (number: string, key: string) => (await outboxFor(bed.store, number)).filter((entry) => messageKeyOf(bed.store, entry) === key);
  const systemCallbackEvents = async (number: string, by: string) => (await bed.store.tickets.getByNumber(number)).events.filter((e) => e.kind === 'callback' && e.by.id === by);

  it('a reopen after the job read an expiring survey’s ticket, before it made the no-answer task: the task is superseded, and staff are not told', async () => {
    const surveys = new Surveys(bed.connection);
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '电梯异响' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'sent');

    // read 1: the expiring survey's ticket, still at round 0
    await withReadHook(bed.store, [number], 1, (n) => notFixed(n, at(hours(70))), () => runSurveyJob(bed.store, () => at(hours(1) + hours(72))));
    assert.equal((await bed.store.tickets.getByNumber(number)).status, 'dispatched', 'in rework');
    assert.equal((await surveys.tasks.findById(`${number}#0`).lean())?.status, 'superseded', 'off the callback list during round 1’s rework');
    assert.deepEqual(await messagesOf(number, 'jobCallbackTask'), []);
  });

  it('a survey or no-chat task made for a resolution reopened after the job read it is superseded at once: nobody is asked or told, the account is not pointed at it', async () => {
    const surveys = new Surveys(bed.connection);
    const inChat = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '水压太低', resident: { accountId: 'msteams:resident-9', conversationKey: 'conv-resident-9' } });
    const noChat = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '水压还是低', resident: {} });
    const run = await withReadHook(bed.store, [inChat, noChat], 1, (n) => notFixed(n, at(hours(1))), () => runSurveyJob(bed.store, () => at(hours(1))));
    assert.deepEqual([run.surveysSent, run.callbackTasks], [0, 0]);

    assert.equal((await surveys.surveys.findById(`${inChat}#0`).lean())?.status, 'superseded');
    assert.equal(await surveys.openForResident('msteams:resident-9'), null, 'the resident’s replies are not read as its answer');
    assert.deepEqual(await messagesOf(inChat, 'jobSurveyAsk'), [], 'the resident is not asked about a resolution in rework');
    assert.equal((await surveys.tasks.findById(`${noChat}#0`).lean())?.status, 'superseded');
    assert.deepEqual(await messagesOf(noChat, 'jobCallbackTask'), [], 'staff are not told to call');
    for (const [number, kind] of [[inChat, 'survey'], [noChat, 'task']] as const) {
      assert.deepEqual(
        (await systemCallbackEvents(number, 'survey-job')).map((e) => e.data),
        [{ superseded: [{ kind, id: `${number}#0` }] }],
        `${number}: the history says so`,
      );
    }
  });

  it('a visit task made for a resolution reopened after the job read it is superseded, and the round gets no survey', async () => {
    const visiting = await openJobTestBed('callback_rounds_race_visits', { ...sampleProperty, callbackRates: { ...sampleProperty.callbackRates, repair: 1, repairInPerson: 1 } });
    try {
      const surveys = new Surveys(visiting.connection);
      const number = await resolvedTicket(visiting.store, OPENED, RESOLVED, { category: 'repair', text: '卫生间漏水' });
      const run = await withReadHook(visiting.store, [number], 1, (n) => notFixedOn(visiting.store, n, at(hours(1))), () => runSurveyJob(visiting.store, () => at(hours(1))));
      assert.deepEqual(run, { surveysSent: 0, callbackTasks: 0, visits: 0 });
      assert.equal((await surveys.tasks.findById(`${number}#0:visit`).lean())?.status, 'superseded');
      assert.deepEqual(await surveys.visitList(), []);
      assert.equal(await surveys.surveys.countDocuments({ ticketNumber: number }), 0);
      const sent = (await outboxFor(visiting.store, number)).map((entry) => messageKeyOf(visiting.store, entry));
      assert.equal(sent.includes('jobCallbackTask') || sent.includes('jobSurveyAsk'), false, sent.join());
    } finally {
      await visiting.close();
    }
  });

  it('a reopen after the job made the task and found its round current: the rework, reading after its reopen, supersedes it', async () => {
    const surveys = new Surveys(bed.connection);
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '路灯不亮', resident: {} });
    // read 1: the resolution; read 2: the round after the insert (still 0), then the resident says "not fixed"
    await withReadHook(bed.store, [number], 2, (n) => notFixed(n, at(hours(1))), () => runSurveyJob(bed.store, () => at(hours(1))));
    assert.equal((await surveys.tasks.findById(`${number}#0`).lean())?.status, 'superseded');
    assert.deepEqual((await systemCallbackEvents(number, 'rework')).map((e) => e.data), [{ superseded: [{ kind: 'task', id: `${number}#0` }] }]);
  });

  it('a reopen right after the job’s last round check, just before it asks: the survey’s status, read last, stops the ask', async () => {
    const surveys = new Surveys(bed.connection);
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '天然气表箱锈蚀', resident: { accountId: 'msteams:resident-10', conversationKey: 'conv-resident-10' } });
    const isSent = Surveys.prototype.isSent;
    let reads = 0;
    // the status read after the account was pointed at the survey (the second check), its round read already done
    Surveys.prototype.isSent = async function (this: Surveys, id: string) {
      if (id === `${number}#0` && ++reads === 2) await notFixed(number, at(hours(1)));
      return isSent.call(this, id);
    };
    let run;
    try {
      run = await runSurveyJob(bed.store, () => at(hours(1)));
    } finally {
      Surveys.prototype.isSent = isSent;
    }
    assert.equal(reads, 2);
    assert.equal(run.surveysSent, 0);
    assert.equal((await bed.store.tickets.getByNumber(number)).status, 'dispatched');
    assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'superseded');
    assert.deepEqual(await messagesOf(number, 'jobSurveyAsk'), [], 'the resident is not asked about a resolution in rework');
    assert.equal(await surveys.openForResident('msteams:resident-10'), null);
  });

  it('a run stopped after the task insert: the next run tells staff and notes the task on the ticket, and a later rerun does neither again', async () => {
    const surveys = new Surveys(bed.connection);
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '楼道有烟味' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    const due = at(hours(1) + hours(49));
    // the stopped run got as far as the insert (of the task as the job makes it)
    const dueAt = callbackDueAt(RESOLVED, slaPolicyFor(bed.store.property), workingCalendarFor(bed.store.property));
    await surveys.createTask({ _id: `${number}#0`, ticketNumber: number, round: 0, category: 'complaint', reason: 'no-answer', method: 'phone', status: 'open', dueAt, createdAt: due });
    await runSurveyJob(bed.store, () => due);
    const told = await messagesOf(number, 'jobCallbackTask');
    assert.ok(told.length > 0 && told.every((entry) => entry._id.startsWith(`callback-task:${number}#0:`)));
    assert.equal((await systemCallbackEvents(number, 'survey-job')).length, 1);
    assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'expired');

    // and as if the next run had stopped after telling them, before the survey was marked expired
    await surveys.surveys.updateOne({ _id: `${number}#0` }, { $set: { status: 'sent' } });
    await runSurveyJob(bed.store, () => new Date(due.getTime() + hours(1)));
    assert.deepEqual((await messagesOf(number, 'jobCallbackTask')).map((entry) => entry._id), told.map((entry) => entry._id), 'told once');
    assert.equal((await systemCallbackEvents(number, 'survey-job')).length, 1, 'noted once');
  });
});
