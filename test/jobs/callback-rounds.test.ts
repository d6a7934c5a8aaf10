import assert from 'node:assert/strict';
import { workingCalendarFor } from '../../domain/sla-clock.js';
import { closingGraceEndsAt } from '../../domain/ticket-closing.js';
import { closeDueTickets } from '../../jobs/closing-job.js';
import { recordCallbackResult } from '../../jobs/record-callback-result.js';
import { recordSurveyAnswer } from '../../jobs/record-survey-answer.js';
import { ResidentSurveyAnswers } from '../../jobs/resident-survey-answers.js';
import { reopenForRework } from '../../jobs/rework.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { Surveys } from '../../store/surveys.js';
import { callbacksCli, hours, messageKeyOf, openJobTestBed, outboxFor, resolvedTicket, supersedeEvents, type JobTestBed } from './job-fixtures.js';

/** Thu 26 Nov 2026, 10:00 in Shanghai. */
const RESOLVED = new Date('2026-11-26T02:00:00Z');
const OPENED = new Date(RESOLVED.getTime() - hours(3));
const DAY = hours(24);
const at = (ms: number) => new Date(RESOLVED.getTime() + ms);
const staff = { kind: 'staff' as const, id: 's-agent-1' };
const caller = { id: 's-agent-1', name: '客服' };

describe('callback rounds: rework supersedes the surveys and callbacks of earlier rounds', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  let surveys: Surveys;
  let cli: ReturnType<typeof callbacksCli>;
  before(async () => {
    bed = await openJobTestBed('callback_rounds');
    surveys = new Surveys(bed.connection);
    cli = callbacksCli(bed);
  });
  after(async () => bed?.close());

  const listed = async (...args: string[]) => {
    const run = await cli('list', '--json', ...args);
    assert.equal(run.code, 0, run.stderr);
    return run.stdout.trim().split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);
  };
  const ticketOf = (number: string) => bed.store.tickets.getByNumber(number);
  const graceEndsAfter = (resolvedAt: Date) => closingGraceEndsAt(resolvedAt, 10, workingCalendarFor(bed.store.property));
  /** What the ticket's history says `by` (rework, closing, survey-job) superseded, by id. */
  const supersededBy = async (number: string, by: string) =>
    (await supersedeEvents(bed.store, number, by))
      .flatMap((e) => (e.data as { superseded: Array<{ kind: string; id: string }> }).superseded)
      .sort((a, b) => a.id.localeCompare(b.id));

  /** Reopens, reworks and resolves a ticket again the way a process that stopped right after the reopen leaves it: its earlier surveys and tasks still open. */
  async function reworkedWithoutSupersede(number: string, resolvedAgainAt: Date): Promise<void> {
    await bed.store.tickets.act(number, 'reopen', { by: { kind: 'system', id: 'callback', name: 'PropDesk' }, at: new Date(resolvedAgainAt.getTime() - hours(2)), data: { reason: 'callback', round: 0 } });
    await bed.store.tickets.act(number, 'accept', { by: staff, at: new Date(resolvedAgainAt.getTime() - hours(1)) });
    await bed.store.tickets.act(number, 'resolve', { by: staff, at: resolvedAgainAt });
  }

  it('a dissatisfied survey answer supersedes the round’s open phone and visit tasks: off the callback lists, and the reworked ticket closes after its own grace period', async () => {
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '楼上夜间噪音' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    const phone = `${number}#0`;
    const visit = `${number}#0:visit`;
    await surveys.createTask({ _id: phone, ticketNumber: number, round: 0, category: 'complaint', reason: 'no-answer', method: 'phone', status: 'open', dueAt: at(hours(200)), createdAt: at(hours(1)) });
    await surveys.createTask({ _id: visit, ticketNumber: number, round: 0, category: 'complaint', reason: 'in-person', method: 'visit', status: 'open', dueAt: at(hours(200)), createdAt: at(hours(1)) });
    assert.deepEqual((await listed()).filter((id) => id.startsWith(number)).sort(), [phone, visit]);

    const outcome = await recordSurveyAnswer(bed.store, number, 'dissatisfied', '晚上还是很吵', () => at(hours(5)));
    assert.equal(outcome.recorded && outcome.reopened, true);
    for (const id of [phone, visit]) {
      const task = await surveys.tasks.findById(id).lean();
      assert.deepEqual([task?.status, task?.doneAt?.getTime(), task?.doneBy], ['superseded', at(hours(5)).getTime(), null], id);
    }
    assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'answered', 'the survey that reopened it is answered, not superseded');
    const reopened = (await ticketOf(number)).events.find((e) => e.kind === 'reopened');
    assert.deepEqual(reopened?.data, { reason: 'survey', round: 0 });
    assert.deepEqual(await supersededBy(number, 'rework'), [{ kind: 'task', id: phone }, { kind: 'task', id: visit }], 'the history names what was superseded');
    assert.equal((await listed()).some((id) => id.startsWith(number)), false, 'the callback list');
    assert.equal((await listed('--visits')).includes(visit), false, 'the visit list');

    // reworked and resolved again; the resident does not answer the round-1 survey, staff call without a rating
    const reworkedAt = at(hours(30));
    await bed.store.tickets.act(number, 'accept', { by: staff, at: at(hours(6)) });
    await bed.store.tickets.act(number, 'resolve', { by: staff, at: reworkedAt });
    await runSurveyJob(bed.store, () => at(hours(31)));
    assert.equal((await surveys.surveys.findById(`${number}#1`).lean())?.status, 'sent');
    await runSurveyJob(bed.store, () => at(hours(31) + 2 * DAY));
    const task = await surveys.tasks.findById(`${number}#1`).lean();
    assert.deepEqual([task?.round, task?.status, task?.reason], [1, 'open', 'no-answer']);
    await recordCallbackResult(bed.store, `${number}#1`, { method: 'phone', result: '住户未表态', satisfaction: null, by: caller }, at(hours(31) + 3 * DAY));

    const graceEnds = graceEndsAfter(reworkedAt);
    await closeDueTickets(bed.store, new Date(graceEnds.getTime() - hours(1)), 300);
    assert.equal((await ticketOf(number)).status, 'resolved', 'not before the grace period of the new resolution is over');
    await closeDueTickets(bed.store, graceEnds, 300);
    const closed = await ticketOf(number);
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.events.at(-1)?.data, { reason: 'grace', workingDays: 10 });
  });

  it('"not fixed" while the round’s survey is unanswered: the survey is superseded and never becomes a no-answer task, even when the supersede was lost', async () => {
    const desk = new ResidentSurveyAnswers(bed.store, () => at(hours(3)));
    const settled = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '地库照明不足' });
    const stopped = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '单元门闭门器坏了' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    for (const number of [settled, stopped]) {
      assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'sent');
      assert.ok(await desk.notFixed(number, 'msteams:resident-1', '还是不行'), number);
      assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'superseded', number);
      assert.notEqual((await surveys.openForResident('msteams:resident-1'))?.surveyId, `${number}#0`, 'the resident’s reply no longer reads as its answer');
    }
    // as if the process had stopped between the reopen and the supersede
    await surveys.surveys.updateOne({ _id: `${stopped}#0` }, { $set: { status: 'sent' } });

    await runSurveyJob(bed.store, () => at(hours(1) + 3 * DAY));
    for (const number of [settled, stopped]) {
      assert.equal(await surveys.tasks.countDocuments({ ticketNumber: number }), 0, `${number}: no callback task for the old round`);
      assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'superseded', number);
      const keys = (await outboxFor(bed.store, number)).map((entry) => messageKeyOf(bed.store, entry));
      assert.equal(keys.includes('jobCallbackTask'), false, `${number}: staff are not told of one`);
    }
  });

  it('a callback on an earlier round’s task made before the ticket’s current resolution (or while it is back in rework) is only recorded: it neither closes nor reopens it', async () => {
    const happy = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '垃圾房异味', resident: {} });
    const unhappy = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '垃圾房还是有异味', resident: {} });
    const inRework = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '垃圾房门坏了', resident: {} });
    await runSurveyJob(bed.store, () => at(hours(1)));
    for (const number of [happy, unhappy]) await reworkedWithoutSupersede(number, at(hours(20)));
    await bed.store.tickets.act(inRework, 'reopen', { by: { kind: 'system', id: 'resident', name: 'PropDesk' }, at: at(hours(18)), data: { reason: 'resident', round: 0 } });

    const done = await cli('done', `${inRework}#0`, '--method', 'phone', '--result', '住户说已经好了', '--satisfaction', 'satisfied', '--as', 's-agent-1');
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.stdout.trim(), `${inRework}#0 done; ${inRework} was reworked since this task's round and not yet resolved again when this callback was made: recorded, the ticket left as it is`);
    assert.deepEqual([(await ticketOf(inRework)).status, (await ticketOf(inRework)).satisfaction], ['dispatched', null]);

    // the calls were made at hours(19), before the tickets were resolved again at hours(20)
    for (const [number, satisfaction, result] of [[happy, 'satisfied', '住户说已经好了'], [unhappy, 'dissatisfied', '还是有味道']] as const) {
      const outcome = await recordCallbackResult(bed.store, `${number}#0`, { method: 'phone', result, satisfaction, by: caller }, at(hours(19)));
      assert.deepEqual(outcome, { done: true, ticketNumber: number, reopened: false, reworkDueAt: null, closed: false, earlierRound: true, recordOnly: true, resumed: false, reworkedSince: false }, number);
      const ticket = await ticketOf(number);
      assert.equal(ticket.status, 'resolved', number);
      assert.equal(ticket.satisfaction, null, `${number}: an earlier round's answer is not the current resolution's`);
      assert.equal(ticket.events.filter((e) => e.kind === 'reopened').length, 1, number);
      const callback = ticket.events.at(-1)!;
      assert.deepEqual([callback.kind, callback.text, callback.by.id, callback.data], ['callback', result, 's-agent-1', { task: `${number}#0`, method: 'phone', satisfaction, done: true, earlierRound: true }]);
      assert.equal((await surveys.tasks.findById(`${number}#0`).lean())?.status, 'done', number);
    }
    const rework = (await outboxFor(bed.store, unhappy)).filter((entry) => messageKeyOf(bed.store, entry) === 'jobReworkNeeded');
    assert.deepEqual(rework, [], 'nobody is sent to rework');
  });

  it('a callback on an earlier round’s task made after the current resolution counts for it (manual §2): satisfied closes, dissatisfied reopens for rework', async () => {
    const happy = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '楼道堆放杂物', resident: {} });
    const unhappy = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '楼道还是堆着杂物', resident: {} });
    await runSurveyJob(bed.store, () => at(hours(1)));
    for (const number of [happy, unhappy]) await reworkedWithoutSupersede(number, at(hours(20)));
    await runSurveyJob(bed.store, () => at(hours(20) + 1_000));
    assert.equal((await surveys.tasks.findById(`${unhappy}#1`).lean())?.status, 'open', 'the new round’s own task');

    // the CLI records the call as made now, after the resolution of round 1
    const done = await cli('done', `${happy}#0`, '--method', 'phone', '--result', '住户说已经好了', '--satisfaction', 'satisfied', '--as', 's-agent-1');
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.stdout.trim(), `${happy}#0 done; ${happy} was reworked since this task's round: counted for its current resolution; ${happy} closed`);
    const closed = await ticketOf(happy);
    assert.deepEqual([closed.status, closed.satisfaction], ['closed', 'satisfied']);
    const [callback, closing, settled] = closed.events.slice(-3);
    assert.deepEqual(callback?.data, { task: `${happy}#0`, method: 'phone', satisfaction: 'satisfied', done: true, round: 1 });
    assert.deepEqual(closing?.data, { reason: 'callback', answer: 'satisfied', task: `${happy}#0` });
    // round 1's own task waits on nothing once the ticket is closed: superseded, off the callback list
    assert.deepEqual([settled?.kind, settled?.text], ['callback', 'superseded: the ticket was closed']);
    assert.deepEqual(await supersededBy(happy, 'closing:callback'), [{ kind: 'task', id: `${happy}#1` }]);
    assert.equal((await surveys.tasks.findById(`${happy}#1`).lean())?.status, 'superseded');
    assert.equal((await listed()).some((id) => id.startsWith(happy)), false, 'the callback list');

    const calledAt = at(hours(21));
    const outcome = await recordCallbackResult(bed.store, `${unhappy}#0`, { method: 'phone', result: '还是堆着', satisfaction: 'dissatisfied', by: caller }, calledAt);
    assert.deepEqual(outcome, { done: true, ticketNumber: unhappy, reopened: true, reworkDueAt: new Date(calledAt.getTime() + DAY), closed: false, earlierRound: true, recordOnly: false, resumed: false, reworkedSince: false });
    const reopened = await ticketOf(unhappy);
    assert.deepEqual([reopened.status, reopened.satisfaction], ['dispatched', 'dissatisfied']);
    assert.deepEqual(reopened.events.filter((e) => e.kind === 'reopened').map((e) => e.data), [{ reason: 'callback', round: 0 }, { reason: 'callback', round: 1 }]);
    assert.equal((await surveys.tasks.findById(`${unhappy}#0`).lean())?.status, 'done');
    assert.deepEqual(await supersededBy(unhappy, 'rework'), [{ kind: 'task', id: `${unhappy}#1` }], 'round 1’s task is superseded, the one called on is done');
    const rework = (await outboxFor(bed.store, unhappy)).filter((entry) => messageKeyOf(bed.store, entry) === 'jobReworkNeeded');
    assert.ok(rework.length > 0, 'the department and the service head are told');
  });

  it('a survey answer of an earlier round is recorded but neither closes nor reopens the newer resolution', async () => {
    const pleased = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '消防通道被占' });
    const displeased = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '消防通道又被占' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    for (const number of [pleased, displeased]) await reworkedWithoutSupersede(number, at(hours(20)));

    for (const [number, answer] of [[pleased, 'satisfied'], [displeased, 'dissatisfied']] as const) {
      const outcome = await recordSurveyAnswer(bed.store, number, answer, null, () => at(hours(21)));
      assert.deepEqual(outcome, { recorded: true, reopened: false, reworkDueAt: null, closed: false }, number);
      const ticket = await ticketOf(number);
      assert.deepEqual([ticket.status, ticket.satisfaction], ['resolved', null], number);
      assert.deepEqual(ticket.events.at(-1)?.data, { answer, round: 0, earlierRound: true });
      assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'answered');
    }
  });

  it('a task stored before tasks carried their round counts by its id: it does not hold up closing the reworked ticket, and the closing job supersedes it', async () => {
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '小区大门道闸故障', resident: {} });
    await runSurveyJob(bed.store, () => at(hours(1)));
    await surveys.tasks.updateOne({ _id: `${number}#0` }, { $unset: { round: 1 } });
    await surveys.tasks.collection.insertOne({ _id: `${number}#0:visit` as never, ticketNumber: number, category: 'complaint', reason: 'in-person', method: 'visit', status: 'open', dueAt: at(hours(200)), createdAt: at(hours(1)) });
    const old = await surveys.openTasksOf([number]);
    assert.deepEqual(old.map((task) => [task.id, task.round]).sort(), [[`${number}#0`, 0], [`${number}#0:visit`, 0]]);
    assert.equal(Surveys.roundOfTask({ _id: 'HY01-20261126-0001#3:visit' }), 3);
    assert.equal(Surveys.roundOfTask({ _id: 'HY01-20261126-0001#3', round: 2 }), 2, 'a stored round wins');

    const reworkedAt = at(hours(20));
    await reworkedWithoutSupersede(number, reworkedAt);
    await runSurveyJob(bed.store, () => at(hours(21)));
    assert.equal((await surveys.tasks.findById(`${number}#1`).lean())?.round, 1, 'the new round’s task (no chat) carries its round');
    await recordCallbackResult(bed.store, `${number}#1`, { method: 'phone', result: '住户未表态', satisfaction: null, by: caller }, at(hours(22)));

    await closeDueTickets(bed.store, graceEndsAfter(reworkedAt), 300);
    assert.equal((await ticketOf(number)).status, 'closed', 'the round-0 tasks without a round field do not hold it up');
    assert.equal(await surveys.tasks.countDocuments({ ticketNumber: number, status: 'open' }), 0, 'the closing job’s run settles them');
    assert.deepEqual(await supersededBy(number, 'closing'), [{ kind: 'task', id: `${number}#0` }, { kind: 'task', id: `${number}#0:visit` }]);
  });

  it('a stop between a reopen and its supersede: the closing job’s run supersedes what the rework left open, and closes the ticket after its new grace period', async () => {
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '车位被占用' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    await surveys.createTask({ _id: `${number}#0:visit`, ticketNumber: number, round: 0, category: 'complaint', reason: 'in-person', method: 'visit', status: 'open', dueAt: at(hours(200)), createdAt: at(hours(1)) });
    const reworkedAt = at(hours(20));
    await reworkedWithoutSupersede(number, reworkedAt);
    await runSurveyJob(bed.store, () => at(hours(21)));
    await surveys.surveys.updateOne({ _id: `${number}#1` }, { $set: { status: 'expired' } });

    await closeDueTickets(bed.store, graceEndsAfter(reworkedAt), 300);
    assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'superseded');
    assert.equal((await surveys.tasks.findById(`${number}#0:visit`).lean())?.status, 'superseded');
    assert.deepEqual(await supersededBy(number, 'closing'), [{ kind: 'survey', id: `${number}#0` }, { kind: 'task', id: `${number}#0:visit` }]);
    assert.equal((await ticketOf(number)).status, 'closed');
  });

  it('an answer judged on a stale read does not reopen a newer resolution: the reopen is refused and the answer kept as history', async () => {
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '健身房空调不制冷' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    const stale = await ticketOf(number);

    // between the answer's read of the ticket and its reopen, the resident said "not fixed" and the ticket was reworked and resolved again
    const tickets = bed.store.tickets;
    const original = tickets.getByNumber.bind(tickets);
    let interleave = true;
    tickets.getByNumber = async (n: string) => {
      const read = await original(n);
      if (interleave && n === number) {
        interleave = false;
        await new ResidentSurveyAnswers(bed.store, () => at(hours(2))).notFixed(number, 'msteams:resident-1', '还是不冷');
        await tickets.act(number, 'accept', { by: staff, at: at(hours(3)) });
        await tickets.act(number, 'resolve', { by: staff, at: at(hours(4)) });
      }
      return read;
    };
    let outcome;
    try {
      outcome = await recordSurveyAnswer(bed.store, number, 'dissatisfied', '不冷', () => at(hours(5)));
    } finally {
      tickets.getByNumber = original;
    }
    assert.deepEqual(outcome, { recorded: true, reopened: false, reworkDueAt: null, closed: false });
    const ticket = await ticketOf(number);
    assert.equal(ticket.status, 'resolved', 'round 1’s resolution stands');
    assert.equal(ticket.events.filter((e) => e.kind === 'reopened').length, 1);

    const why = { reason: 'survey' as const, round: 0, comment: null, keyPrefix: `rework:test:${number}` };
    assert.equal(await reopenForRework(bed.store, stale, why, at(hours(6))), null, 'round 0 is no longer the current resolution');
    assert.equal((await ticketOf(number)).status, 'resolved');
    assert.equal((await outboxFor(bed.store, number)).some((entry) => entry._id.startsWith(why.keyPrefix)), false, 'nobody is sent to rework');
  });

  it('a task whose round cannot be told from its id counts as the current round’s: never superseded by mistake, it holds up closing and its callback counts', async () => {
    assert.equal(Surveys.roundOfTask({ _id: 'imported-callback-17' }), null);
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '门禁卡失灵', resident: {} });
    await runSurveyJob(bed.store, () => at(hours(1)));
    const odd = `imported:${number}`;
    await surveys.tasks.collection.insertOne({ _id: odd as never, ticketNumber: number, category: 'complaint', reason: 'in-person', method: 'visit', status: 'open', dueAt: at(hours(200)), createdAt: at(hours(1)) });
    await recordCallbackResult(bed.store, `${number}#0`, { method: 'phone', result: '还是刷不开', satisfaction: 'dissatisfied', by: caller }, at(hours(5)));
    assert.equal((await ticketOf(number)).status, 'dispatched');
    assert.equal((await surveys.tasks.findById(odd).lean())?.status, 'open', 'the rework does not supersede it');

    const reworkedAt = at(hours(20));
    await bed.store.tickets.act(number, 'accept', { by: staff, at: at(hours(6)) });
    await bed.store.tickets.act(number, 'resolve', { by: staff, at: reworkedAt });
    await runSurveyJob(bed.store, () => at(hours(21)));
    await recordCallbackResult(bed.store, `${number}#1`, { method: 'phone', result: '住户未表态', satisfaction: null, by: caller }, at(hours(22)));
    await closeDueTickets(bed.store, graceEndsAfter(reworkedAt), 300);
    assert.equal((await ticketOf(number)).status, 'resolved', 'it waits on the task');
    assert.equal((await surveys.tasks.findById(odd).lean())?.status, 'open', 'nor does the closing job');

    const outcome = await recordCallbackResult(bed.store, odd, { method: 'visit', result: '住户满意', satisfaction: 'satisfied', by: caller }, at(hours(23)));
    assert.deepEqual(outcome, { done: true, ticketNumber: number, reopened: false, reworkDueAt: null, closed: true, earlierRound: false, recordOnly: false, resumed: false, reworkedSince: false });
  });
});
