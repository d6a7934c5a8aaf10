import assert from 'node:assert/strict';
import { closeDueTickets } from '../../jobs/closing-job.js';
import { recordCallbackResult } from '../../jobs/record-callback-result.js';
import { recordSurveyAnswer } from '../../jobs/record-survey-answer.js';
import { ResidentSurveyAnswers } from '../../jobs/resident-survey-answers.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { Surveys } from '../../store/surveys.js';
import { callbacksCli, hours, messageKeyOf, openJobTestBed, outboxFor, resolvedTicket, supersedeEvents, type JobTestBed } from './job-fixtures.js';

const RESOLVED = new Date('2026-11-26T02:00:00Z');
const OPENED = new Date(RESOLVED.getTime() - hours(3));
const at = (ms: number) => new Date(RESOLVED.getTime() + ms);
const staff = { kind: 'staff' as const, id: 's-agent-1' };
const caller = { id: 's-agent-1', name: '客服' };

describe('callback rounds: a rerun callback keeps the round it counted for; a close settles what still waits', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  let surveys: Surveys;
  let cli: ReturnType<typeof callbacksCli>;
  before(async () => {
    bed = await openJobTestBed('callback_rerun_and_close');
    surveys = new Surveys(bed.connection);
    cli = callbacksCli(bed);
  });
  after(async () => bed?.close());

  const ticketOf = (number: string) => bed.store.tickets.getByNumber(number);
  const messagesOf = async (number: string, key: string) => (await outboxFor(bed.store, number)).filter((entry) => messageKeyOf(bed.store, entry) === key).map((entry) => entry._id);
  const statusOf = {
    survey: async (id: string) => (await surveys.surveys.findById(id).lean())?.status,
    task: async (id: string) => (await surveys.tasks.findById(id).lean())?.status,
  };
  /** What the ticket's history says `by` superseded, and why (the event's text). */
  const supersedesBy = async (number: string, by: string) =>
    (await supersedeEvents(bed.store, number, by))
      .map((e) => ({ text: e.text, superseded: (e.data as { superseded: unknown }).superseded }));

  /** Runs `record` as a run that stops just before the task is marked done. */
  async function stoppedBeforeTaskDone(record: () => Promise<unknown>): Promise<void> {
    const completeTask = Surveys.prototype.completeTask;
    Surveys.prototype.completeTask = async () => {
      throw new Error('stopped');
    };
    try {
      await assert.rejects(record(), /stopped/);
    } finally {
      Surveys.prototype.completeTask = completeTask;
    }
  }

  it('a dissatisfied callback rerun after a stop finishes the task without reopening the resolution reached since, and says so', async () => {
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '路灯不亮', resident: {} });
    await runSurveyJob(bed.store, () => at(hours(1)));
    const task = `${number}#0`;
    await stoppedBeforeTaskDone(() => recordCallbackResult(bed.store, task, { method: 'phone', result: '还是不亮', satisfaction: 'dissatisfied', by: caller }, at(hours(2))));
    const told = await messagesOf(number, 'jobReworkNeeded');
    assert.ok(told.length > 0, 'the first run reopened the ticket and told the leads');
    assert.equal(await statusOf.task(task), 'open', 'the stop left the task open');
    await bed.store.tickets.act(number, 'accept', { by: staff, at: at(hours(3)) });
    await bed.store.tickets.act(number, 'resolve', { by: staff, at: at(hours(4)) });

    // staff run `propdesk callbacks done` again for the same call
    const rerun = await cli('done', task, '--method', 'phone', '--result', '还是不亮', '--satisfaction', 'dissatisfied', '--as', 's-agent-1');
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.equal(
      rerun.stdout.trim(),
      `${task} done; already on ${number}'s history from an earlier run that stopped: finished now; ${number} has been reopened for rework since the resolution this callback counted for: the ticket left as it is`,
    );
    const ticket = await ticketOf(number);
    assert.equal(ticket.status, 'resolved', 'round 1’s resolution stands');
    assert.deepEqual(ticket.events.filter((e) => e.kind === 'reopened').map((e) => e.data), [{ reason: 'callback', round: 0 }], 'one call, one rework');
    const recorded = ticket.events.filter((e) => e.kind === 'callback' && (e.data as { done?: boolean }).done);
    assert.deepEqual(recorded.map((e) => e.data), [{ task, method: 'phone', satisfaction: 'dissatisfied', done: true, round: 0 }], 'recorded once, with the round it counted for');
    assert.equal(await statusOf.task(task), 'done');
    assert.deepEqual(await messagesOf(number, 'jobReworkNeeded'), told, 'nobody is sent to rework twice');
  });

  it('a callback on an earlier round’s task that closes the ticket supersedes the current round’s survey: it never expires into a task on the closed ticket', async () => {
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '楼道堆放杂物', resident: { accountId: 'msteams:resident-5', conversationKey: 'conv-resident-5' } });
    await runSurveyJob(bed.store, () => at(hours(1)));
    // survey #0 unanswered → no-answer task #0
    await runSurveyJob(bed.store, () => at(hours(50)));
    // the resident says "not fixed": rework supersedes task #0 (staff may still record the call they made on it)
    await new ResidentSurveyAnswers(bed.store, () => at(hours(51))).notFixed(number, 'msteams:resident-5', '还堆着');
    await bed.store.tickets.act(number, 'accept', { by: staff, at: at(hours(52)) });
    await bed.store.tickets.act(number, 'resolve', { by: staff, at: at(hours(53)) });
    await runSurveyJob(bed.store, () => at(hours(54)));
    assert.equal(await statusOf.survey(`${number}#1`), 'sent');
    assert.equal((await surveys.openForResident('msteams:resident-5'))?.surveyId, `${number}#1`);

    const outcome = await recordCallbackResult(bed.store, `${number}#0`, { method: 'phone', result: '住户满意', satisfaction: 'satisfied', by: caller }, at(hours(55)));
    assert.equal(outcome.done && outcome.closed, true);
    assert.equal(await statusOf.survey(`${number}#1`), 'superseded');
    assert.equal(await surveys.openForResident('msteams:resident-5'), null, 'the resident’s replies are no longer read as its answer');
    assert.deepEqual(await supersedesBy(number, 'closing:callback'), [{ text: 'superseded: the ticket was closed', superseded: [{ kind: 'survey', id: `${number}#1` }] }]);

    await runSurveyJob(bed.store, () => at(hours(54 + 49)));
    assert.equal((await ticketOf(number)).status, 'closed');
    assert.equal(await statusOf.task(`${number}#1`), undefined, 'no callback task for the closed ticket');
    const told = await messagesOf(number, 'jobCallbackTask');
    assert.ok(told.length > 0 && told.every((id) => id.startsWith(`callback-task:${number}#0:`)), `staff are told of round 0’s task only: ${told.join()}`);
  });

  it('a resolution closed before the survey job got to it is not surveyed: no survey, no task, nobody asked', async () => {
    const inChat = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '电梯按钮失灵', resident: { accountId: 'msteams:resident-6', conversationKey: 'conv-resident-6' } });
    const noChat = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '电梯按钮又失灵', resident: {} });
    await runSurveyJob(bed.store, () => at(hours(1)));
    // round 0's tasks: the survey expired, or there was no chat
    await runSurveyJob(bed.store, () => at(hours(50)));
    for (const number of [inChat, noChat]) {
      await new ResidentSurveyAnswers(bed.store, () => at(hours(51))).notFixed(number, 'msteams:resident-6', '还是失灵');
      await bed.store.tickets.act(number, 'accept', { by: staff, at: at(hours(52)) });
      await bed.store.tickets.act(number, 'resolve', { by: staff, at: at(hours(53)) });
      // called after the resolution, before the survey job surveyed it: counts for it and closes the ticket
      const outcome = await recordCallbackResult(bed.store, `${number}#0`, { method: 'phone', result: '好了', satisfaction: 'satisfied', by: caller }, at(hours(53) + 60_000));
      assert.equal(outcome.done && outcome.closed, true, number);
    }
    const asked = await messagesOf(inChat, 'jobSurveyAsk');
    const run = await runSurveyJob(bed.store, () => at(hours(54)));
    assert.deepEqual(run, { surveysSent: 0, callbackTasks: 0, visits: 0 });
    for (const number of [inChat, noChat]) {
      assert.equal(await statusOf.survey(`${number}#1`), undefined, number);
      assert.equal(await statusOf.task(`${number}#1`), undefined, number);
    }
    assert.deepEqual(await messagesOf(inChat, 'jobSurveyAsk'), asked, 'the resident is not asked about the closed ticket');
  });

  it('a survey answer that closes the ticket settles what still waits on it, the answered survey aside', async () => {
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '快递柜无法取件', resident: { accountId: 'msteams:resident-7', conversationKey: 'conv-resident-7' } });
    await runSurveyJob(bed.store, () => at(hours(1)));
    await surveys.createTask({ _id: `${number}#0:visit`, ticketNumber: number, round: 0, category: 'complaint', reason: 'in-person', method: 'visit', status: 'open', dueAt: at(hours(200)), createdAt: at(hours(1)) });
    // reworked the way a process that stopped right after the reopen leaves it: round 0's survey and visit still open
    await bed.store.tickets.act(number, 'reopen', { by: { kind: 'system', id: 'resident', name: 'PropDesk' }, at: at(hours(2)), data: { reason: 'resident', round: 0 } });
    await bed.store.tickets.act(number, 'accept', { by: staff, at: at(hours(3)) });
    await bed.store.tickets.act(number, 'resolve', { by: staff, at: at(hours(4)) });
    await runSurveyJob(bed.store, () => at(hours(5)));

    const outcome = await recordSurveyAnswer(bed.store, number, 'satisfied', null, () => at(hours(6)));
    assert.deepEqual(outcome, { recorded: true, reopened: false, reworkDueAt: null, closed: true });
    assert.deepEqual([await statusOf.survey(`${number}#1`), await statusOf.survey(`${number}#0`), await statusOf.task(`${number}#0:visit`)], ['answered', 'superseded', 'superseded']);
    assert.deepEqual(await supersedesBy(number, 'closing:survey'), [
      { text: 'superseded: the ticket was closed', superseded: [{ kind: 'survey', id: `${number}#0` }, { kind: 'task', id: `${number}#0:visit` }] },
    ]);
  });

  it('left waiting on a closed or cancelled ticket by a stop: the expiring survey is superseded instead of becoming a task, and the closing job supersedes open tasks', async () => {
    const closed = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '小区路面坑洼', resident: { accountId: 'msteams:resident-8', conversationKey: 'conv-resident-8' } });
    const cancelled = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '小区路面积水', resident: {} });
    await runSurveyJob(bed.store, () => at(hours(1)));
    await surveys.createTask({ _id: `${closed}#0:visit`, ticketNumber: closed, round: 0, category: 'complaint', reason: 'in-person', method: 'visit', status: 'open', dueAt: at(hours(200)), createdAt: at(hours(1)) });
    // as if the process had stopped right after the close, and right after the reopen; the rework was then
    // passed on to a department (nobody has it: the resident may cancel) and the resident cancelled
    await bed.store.tickets.act(closed, 'close', { by: { kind: 'system', id: 'closing:callback', name: 'PropDesk' }, at: at(hours(2)) });
    await bed.store.tickets.act(cancelled, 'reopen', { by: { kind: 'system', id: 'resident', name: 'PropDesk' }, at: at(hours(2)), data: { reason: 'resident', round: 0 } });
    await bed.store.tickets.act(cancelled, 'reassign', { by: { kind: 'staff', id: 's-svc-1', name: '客服' }, at: at(hours(2)), set: { department: 'service', assignee: null } });
    await bed.store.tickets.act(cancelled, 'cancel', { by: { kind: 'resident', id: 'msteams:resident-1' }, at: at(hours(3)) });
    assert.equal(await statusOf.task(`${cancelled}#0`), 'open');

    await runSurveyJob(bed.store, () => at(hours(50)));
    assert.equal(await statusOf.survey(`${closed}#0`), 'superseded');
    assert.equal(await statusOf.task(`${closed}#0`), undefined, 'no no-answer task for the closed ticket');
    assert.deepEqual(await supersedesBy(closed, 'survey-job'), [{ text: 'superseded: the ticket was closed', superseded: [{ kind: 'survey', id: `${closed}#0` }] }]);

    await closeDueTickets(bed.store, at(hours(51)), 300);
    assert.deepEqual([await statusOf.task(`${closed}#0:visit`), await statusOf.task(`${cancelled}#0`)], ['superseded', 'superseded']);
    assert.deepEqual(await supersedesBy(closed, 'closing'), [{ text: 'superseded: the ticket was closed', superseded: [{ kind: 'task', id: `${closed}#0:visit` }] }]);
    assert.deepEqual(await supersedesBy(cancelled, 'closing'), [{ text: 'superseded: the ticket was cancelled', superseded: [{ kind: 'task', id: `${cancelled}#0` }] }]);
  });
});
