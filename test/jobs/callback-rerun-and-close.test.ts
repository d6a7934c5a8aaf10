import assert from 'node:assert/strict';
import { recordCallbackResult } from '../../jobs/record-callback-result.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { Surveys } from '../../store/surveys.js';
import { testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';
import { hours, messageKeyOf, openJobTestBed, outboxFor, resolvedTicket, type JobTestBed } from './job-fixtures.js';

const RESOLVED = new Date('2026-11-26T02:00:00Z');
const OPENED = new Date(RESOLVED.getTime() - hours(3));
const at = (ms: number) => new Date(RESOLVED.getTime() + ms);
const staff = { kind: 'staff' as const, id: 's-agent-1' };
const caller = { id: 's-agent-1', name: '客服' };

describe('callback rounds: a rerun callback keeps the round it counted for', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  let surveys: Surveys;
  let env: Record<string, string>;
  before(async () => {
    bed = await openJobTestBed('callback_rerun_and_close');
    surveys = new Surveys(bed.connection);
    env = { MONGODB_URI: `${testServerUri().replace(/\/$/, '')}/${bed.connection.db!.databaseName}` };
  });
  after(async () => bed?.close());

  const cli = (...args: string[]) => runNode(['dist/bot/cli/main.js', 'callbacks', ...args], { env });
  const ticketOf = (number: string) => bed.store.tickets.getByNumber(number);
  const messagesOf = async (number: string, key: string) => (await outboxFor(bed.store, number)).filter((entry) => messageKeyOf(bed.store, entry) === key).map((entry) => entry._id);
  const statusOf = {
    survey: async (id: string) => (await surveys.surveys.findById(id).lean())?.status,
    task: async (id: string) => (await surveys.tasks.findById(id).lean())?.status,
  };
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
});
