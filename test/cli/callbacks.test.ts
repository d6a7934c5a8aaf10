import assert from 'node:assert/strict';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { callbacksCli, hours, openJobTestBed, outboxFor, messageKeyOf, resolvedTicket, type JobTestBed } from '../jobs/job-fixtures.js';

const T = new Date('2026-11-26T02:00:00Z');

describe('propdesk callbacks', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  let cli: ReturnType<typeof callbacksCli>;
  before(async () => {
    bed = await openJobTestBed('cli_callbacks');
    cli = callbacksCli(bed);
  });
  after(async () => bed?.close());


  it('lists the open callback tasks and records a result; dissatisfied reopens the ticket for rework', async () => {
    // a complaint from a resident with no chat: the survey job makes a phone callback task
    const number = await resolvedTicket(bed.store, T, new Date(T.getTime() + hours(1)), { category: 'complaint', severity: 'minor', text: '垃圾清运不及时', resident: {} });
    assert.equal((await runSurveyJob(bed.store, () => new Date(T.getTime() + hours(2)))).callbackTasks, 1);

    const listed = await cli('list', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    const tasks = listed.stdout.trim().split('\n').map((line) => JSON.parse(line));
    const task = tasks.find((t) => t.ticketNumber === number);
    assert.deepEqual([task.method, task.reason], ['phone', 'no-chat']);

    const done = await cli('done', task.id, '--method', 'phone', '--result', '住户说垃圾还是堆了两天', '--satisfaction', 'dissatisfied', '--as', 's-agent-1');
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, new RegExp(`${number} reopened`));
    const ticket = await bed.store.tickets.getByNumber(number);
    assert.equal(ticket.satisfaction, 'dissatisfied');
    assert.ok(ticket.events.some((e) => e.kind === 'reopened'));
    const callback = ticket.events.filter((e) => e.kind === 'callback').at(-1)!;
    assert.equal(callback.text, '住户说垃圾还是堆了两天');
    assert.equal(callback.by.id, 's-agent-1');
    assert.ok((await outboxFor(bed.store, number)).some((e) => messageKeyOf(bed.store, e) === 'jobReworkNeeded'), 'the leads are told');
    assert.equal((await cli('list', '--json')).stdout.includes(task.id), false, 'no longer open');

    const again = await cli('done', task.id, '--method', 'phone', '--result', 'x', '--as', 's-agent-1');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already done/);
  });

  it('finishes a callback whose earlier run stopped after the ticket record, without recording it twice', async () => {
    const number = await resolvedTicket(bed.store, T, new Date(T.getTime() + hours(1)), { category: 'complaint', severity: 'minor', text: '绿化修剪不及时', resident: {} });
    await runSurveyJob(bed.store, () => new Date(T.getTime() + hours(3)));
    const task = JSON.parse((await cli('list', '--json')).stdout.trim().split('\n').find((line) => line.includes(number))!);
    const by = { kind: 'staff' as const, id: 's-agent-1' };
    await bed.store.tickets.record(number, 'callback', { by, at: T, text: '住户满意', data: { task: task.id, method: 'phone', satisfaction: 'satisfied', done: true } });
    const done = await cli('done', task.id, '--method', 'phone', '--result', '住户满意', '--satisfaction', 'satisfied', '--as', 's-agent-1');
    assert.equal(done.code, 0, done.stderr);
    const events = (await bed.store.tickets.getByNumber(number)).events.filter((e) => e.kind === 'callback' && (e.data as { done?: boolean })?.done);
    assert.equal(events.length, 1);
  });

  it('a satisfied callback closes the resolved ticket (by the system, saying why)', async () => {
    const number = await resolvedTicket(bed.store, T, new Date(T.getTime() + hours(1)), { category: 'complaint', severity: 'minor', text: '地下车库积水', resident: {} });
    await runSurveyJob(bed.store, () => new Date(T.getTime() + hours(4)));
    const task = JSON.parse((await cli('list', '--json')).stdout.trim().split('\n').find((line) => line.includes(number))!);
    const done = await cli('done', task.id, '--method', 'phone', '--result', '住户说已经排干了', '--satisfaction', 'satisfied', '--as', 's-agent-1');
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.stdout.trim(), `${task.id} done; ${number} closed`);
    const ticket = await bed.store.tickets.getByNumber(number);
    assert.equal(ticket.status, 'closed');
    assert.equal(ticket.satisfaction, 'satisfied');
    const closed = ticket.events.at(-1)!;
    assert.deepEqual([closed.kind, closed.by.kind, closed.data], ['closed', 'system', { reason: 'callback', answer: 'satisfied', task: task.id }]);
  });

  it('--made-at says when the call was made: on an earlier round’s task, made before the ticket was resolved again it is only recorded, made after it counts', async () => {
    const at = (h: number) => new Date(T.getTime() + hours(h));
    const before = await resolvedTicket(bed.store, T, at(1), { category: 'complaint', severity: 'minor', text: '消防栓箱门损坏', resident: {} });
    const after = await resolvedTicket(bed.store, T, at(1), { category: 'complaint', severity: 'minor', text: '消防栓箱门又坏了', resident: {} });
    await runSurveyJob(bed.store, () => at(2));
    const staff = { kind: 'staff' as const, id: 's-agent-1' };
    for (const number of [before, after]) {
      // reworked with round 0's task left open, resolved again at at(10)
      await bed.store.tickets.act(number, 'reopen', { by: { kind: 'system', id: 'resident', name: 'PropDesk' }, at: at(3), data: { reason: 'resident', round: 0 } });
      await bed.store.tickets.act(number, 'accept', { by: staff, at: at(4) });
      await bed.store.tickets.act(number, 'resolve', { by: staff, at: at(10) });
    }
    await runSurveyJob(bed.store, () => at(11));

    const early = await cli('done', `${before}#0`, '--method', 'phone', '--result', '住户说好了', '--satisfaction', 'satisfied', '--as', 's-agent-1', '--made-at', at(5).toISOString());
    assert.equal(early.code, 0, early.stderr);
    assert.equal(early.stdout.trim(), `${before}#0 done; ${before} was reworked since this task's round and not yet resolved again when this callback was made: recorded, the ticket left as it is`);
    const recorded = await bed.store.tickets.getByNumber(before);
    assert.deepEqual([recorded.status, recorded.satisfaction], ['resolved', null]);
    assert.deepEqual(recorded.events.at(-1)?.data, { task: `${before}#0`, method: 'phone', satisfaction: 'satisfied', done: true, earlierRound: true, madeAt: at(5) });

    const late = await cli('done', `${after}#0`, '--method', 'phone', '--result', '住户说好了', '--satisfaction', 'satisfied', '--as', 's-agent-1', '--made-at', '2026-11-26T21:00:00+08:00');
    assert.equal(late.code, 0, late.stderr);
    assert.equal(late.stdout.trim(), `${after}#0 done; ${after} was reworked since this task's round: counted for its current resolution; ${after} closed`);
    assert.equal((await bed.store.tickets.getByNumber(after)).status, 'closed');
  });

  it('rejects bad arguments with exit 2 and one line', async () => {
    for (const args of [
      ['done', 'T1', '--method', 'pigeon', '--result', 'x', '--as', 's-agent-1'],
      ['done', 'T1', '--method', 'phone', '--result', 'x', '--satisfaction', 'meh', '--as', 's-agent-1'],
      ['done', 'T1', '--method', 'phone', '--result', 'x'],
      ['done', 'T1', '--method', 'phone', '--result', 'x', '--as', 's-agent-1', '--made-at', 'yesterday'],
      ['done', 'T1', '--method', 'phone', '--result', 'x', '--as', 's-agent-1', '--made-at', '2026-13-45T99:00:00Z'],
      ['done', 'T1', '--method', 'phone', '--result', 'x', '--as', 's-agent-1', '--made-at', new Date(Date.now() + hours(1)).toISOString()],
    ]) {
      const run = await cli(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1);
    }
  });
});
