import assert from 'node:assert/strict';
import { ResidentSurveyAnswers } from '../../jobs/resident-survey-answers.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { Surveys } from '../../store/surveys.js';
import { hours, messageKeyOf, openJobTestBed, outboxFor, resolvedTicket, sampleProperty, type JobTestBed } from './job-fixtures.js';

const RESOLVED = new Date('2026-11-26T02:00:00Z');
const OPENED = new Date(RESOLVED.getTime() - hours(3));
const at = (ms: number) => new Date(RESOLVED.getTime() + ms);

/**
 * Review repro: the survey job reads the ticket (round 0), the resident says "not fixed" (reopen → round 1,
 * supersede of what was open then), and only then does the survey job make the no-answer task of round 0.
 * Nothing supersedes that task: it stays on the callback list (and staff were told to call) while the ticket is in rework.
 */
describe('review: survey job vs. reopen race leaves an earlier-round task open', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  before(async () => (bed = await openJobTestBed('callback_rounds_race')));
  after(async () => bed?.close());

  it('a no-answer task made after a concurrent reopen is superseded (or never made)', async () => {
    const surveys = new Surveys(bed.connection);
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '电梯异响' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'sent');

    const tickets = bed.store.tickets;
    const original = tickets.findByNumber.bind(tickets);
    let interleave = true;
    tickets.findByNumber = async (n: string) => {
      const stale = await original(n);
      if (interleave && n === number) {
        interleave = false;
        await new ResidentSurveyAnswers(bed.store, () => at(hours(70))).notFixed(number, 'msteams:resident-1', '还是响');
      }
      return stale;
    };
    try {
      await runSurveyJob(bed.store, () => at(hours(1) + hours(72)));
    } finally {
      tickets.findByNumber = original;
    }
    const ticket = await tickets.getByNumber(number);
    assert.equal(ticket.status, 'dispatched', 'in rework');
    const task = await surveys.tasks.findById(`${number}#0`).lean();
    assert.notEqual(task?.status, 'open', `round-0 task ${JSON.stringify({ status: task?.status, round: task?.round })} is on the callback list during round 1's rework`);
  });
  /** Runs `between` once per number, right after the survey job's `nth` read of that ticket (the read still returns what it read). */
  async function withReadHook<T>(numbers: readonly string[], nth: number, between: (number: string) => Promise<void>, run: () => Promise<T>): Promise<T> {
    const tickets = bed.store.tickets;
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

  const notFixed = (number: string, when: Date) => new ResidentSurveyAnswers(bed.store, () => when).notFixed(number, 'msteams:resident-1', '没修好');
  const messagesOf = async (number: string, key: string) => (await outboxFor(bed.store, number)).filter((entry) => messageKeyOf(bed.store, entry) === key);
  const systemCallbackEvents = async (number: string, by: string) => (await bed.store.tickets.getByNumber(number)).events.filter((e) => e.kind === 'callback' && e.by.id === by);

  it('a survey or no-chat task made for a resolution reopened after the job read it is superseded at once: nobody is asked or told, the account is not pointed at it', async () => {
    const surveys = new Surveys(bed.connection);
    const inChat = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '水压太低', resident: { accountId: 'msteams:resident-9', conversationKey: 'conv-resident-9' } });
    const noChat = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '水压还是低', resident: {} });
    const run = await withReadHook([inChat, noChat], 1, (n) => notFixed(n, at(hours(1))).then(() => undefined), () => runSurveyJob(bed.store, () => at(hours(1))));
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
      const tickets = visiting.store.tickets;
      const original = tickets.findByNumber.bind(tickets);
      let interleave = true;
      tickets.findByNumber = async (n: string) => {
        const read = await original(n);
        if (interleave && n === number) {
          interleave = false;
          await new ResidentSurveyAnswers(visiting.store, () => at(hours(1))).notFixed(number, 'msteams:resident-1', '还在漏');
        }
        return read;
      };
      try {
        assert.deepEqual(await runSurveyJob(visiting.store, () => at(hours(1))), { surveysSent: 0, callbackTasks: 0, visits: 0 });
      } finally {
        tickets.findByNumber = original;
      }
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
    await withReadHook([number], 2, (n) => notFixed(n, at(hours(1))).then(() => undefined), () => runSurveyJob(bed.store, () => at(hours(1))));
    assert.equal((await surveys.tasks.findById(`${number}#0`).lean())?.status, 'superseded');
    assert.deepEqual((await systemCallbackEvents(number, 'rework')).map((e) => e.data), [{ superseded: [{ kind: 'task', id: `${number}#0` }] }]);
  });

  it('a run stopped after the task insert: the next run tells staff and notes the task on the ticket, and a later rerun does neither again', async () => {
    const surveys = new Surveys(bed.connection);
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '楼道有烟味' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    const due = at(hours(1) + hours(49));
    // the stopped run got as far as the insert
    await surveys.createTask({ _id: `${number}#0`, ticketNumber: number, round: 0, category: 'complaint', reason: 'no-answer', method: 'phone', status: 'open', dueAt: at(hours(200)), createdAt: due });
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
