import assert from 'node:assert/strict';
import { dispatchCard } from '../../bot/cards/dispatch-card.js';
import { callbackDecision } from '../../domain/sampling.js';
import { closeDueTickets, runClosingJob } from '../../jobs/closing-job.js';
import { monthStatistics } from '../../jobs/monthly-statistics.js';
import { recordCallbackResult } from '../../jobs/record-callback-result.js';
import { recordSurveyAnswer } from '../../jobs/record-survey-answer.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { Surveys } from '../../store/surveys.js';
import type { Ticket } from '../../store/ticket-repository.js';
import { hours, openJobTestBed, resolvedTicket, sampleProperty, type JobTestBed } from './job-fixtures.js';

/** Thu 26 Nov 2026, 10:00 in Shanghai: 10 working days later is Thu 10 Dec 10:00 (two weekends in between). */
const RESOLVED = new Date('2026-11-26T02:00:00Z');
const OPENED = new Date(RESOLVED.getTime() - hours(3));
const GRACE_OVER = new Date('2026-12-10T02:00:00Z');
const at = (ms: number) => new Date(RESOLVED.getTime() + ms);

/** Complaints are always surveyed; repairs never here, so a resolved repair has nothing waiting on it. */
const property = { ...sampleProperty, callbackRates: { ...sampleProperty.callbackRates, repair: 0, repairInPerson: 0 } };

const closingEvent = (ticket: Ticket) => ticket.events.filter((e) => e.kind === 'closed');

describe('closing resolved tickets when their callback cycle is over', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  let surveys: Surveys;
  before(async () => {
    bed = await openJobTestBed('closing_job', property);
    surveys = new Surveys(bed.connection);
  });
  after(async () => bed?.close());

  describe('at once, on a satisfied answer', () => {
    for (const answer of ['satisfied', 'basically-satisfied'] as const) {
      it(`survey answered ${answer} → the system closes the ticket, and it is not surveyed again`, async () => {
        const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: `垃圾桶满了 ${answer}` });
        await runSurveyJob(bed.store, () => at(hours(1)));
        const outcome = await recordSurveyAnswer(bed.store, number, answer, null, () => at(hours(2)));
        assert.deepEqual(outcome, { recorded: true, reopened: false, reworkDueAt: null, closed: true });
        const ticket = await bed.store.tickets.getByNumber(number);
        assert.equal(ticket.status, 'closed');
        assert.equal(ticket.satisfaction, answer);
        assert.equal(ticket.closedAt?.getTime(), at(hours(2)).getTime());
        assert.deepEqual(ticket.events.slice(-2).map((e) => e.kind), ['survey', 'closed'], 'the answer is recorded first');
        const [closed] = closingEvent(ticket);
        assert.equal(closed?.by.kind, 'system');
        assert.deepEqual(closed?.data, { reason: 'survey', answer, round: 0 });
        assert.deepEqual([closed?.from, closed?.to], ['resolved', 'closed']);
        assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'answered');

        const again = await runSurveyJob(bed.store, () => at(hours(3) + 3 * 24 * hours(1)));
        assert.equal(again.surveysSent, 0);
        assert.equal(await surveys.surveys.countDocuments({ ticketNumber: number }), 1, 'one survey');
        assert.equal(await surveys.tasks.countDocuments({ ticketNumber: number }), 0, 'no callback task either');
      });
    }

    it('the closed ticket’s card shows it closed, with no buttons that act on it (a note is allowed in every status), and the card sent to staff is updated in place', async () => {
      const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '电梯按钮失灵' });
      const cardKey = `dispatch:${number}:staff`;
      await bed.store.outbox.record({ key: cardKey, kind: 'dispatch-card', conversationKey: 'conv-staff', ticketNumber: number, payload: { language: 'zh-CN' } }, OPENED);
      const [card0] = (await bed.store.outbox.due(at(1), 500)).filter((e) => e._id === cardKey);
      assert.ok(card0 && (await bed.store.outbox.claimAttempt(card0, OPENED)));
      await bed.store.outbox.markSent(card0, 'activity-staff-card', OPENED);
      await runSurveyJob(bed.store, () => at(hours(1)));
      await recordSurveyAnswer(bed.store, number, 'satisfied', null, () => at(hours(2)));
      const closedTicket = await bed.store.tickets.getByNumber(number);
      const updates = await bed.store.outbox.entries.find({ ticketNumber: number, kind: 'card-update' }).lean();
      assert.deepEqual(updates.map((u) => u._id), [`card-update:${cardKey}:v${closedTicket.version}`]);
      assert.equal(bed.store.outbox.payloadOf<{ activityId: string }>(updates[0]!).activityId, 'activity-staff-card');
      const card = dispatchCard(await bed.store.tickets.getByNumber(number), { language: 'zh-CN', property: bed.store.property }).content as { body: unknown[]; actions?: Array<{ title: string }> };
      assert.match(JSON.stringify(card.body), /已关闭/);
      assert.deepEqual((card.actions ?? []).map((a) => a.title), ['备注']);
    });

    it('callback recorded satisfied → closed; dissatisfied → reopened for rework', async () => {
      const happy = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '路灯不亮', resident: {} });
      const unhappy = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '路灯还是不亮', resident: {} });
      await runSurveyJob(bed.store, () => at(hours(1)));
      const by = { id: 's-agent-1', name: '客服' };
      const done = await recordCallbackResult(bed.store, `${happy}#0`, { method: 'phone', result: '住户满意', satisfaction: 'basically-satisfied', by }, at(hours(5)));
      assert.deepEqual(done, { done: true, ticketNumber: happy, reopened: false, reworkDueAt: null, closed: true, earlierRound: false, recordOnly: false, resumed: false, reworkedSince: false });
      const closed = await bed.store.tickets.getByNumber(happy);
      assert.equal(closed.status, 'closed');
      assert.deepEqual(closingEvent(closed).map((e) => [e.by.kind, e.data]), [['system', { reason: 'callback', answer: 'basically-satisfied', task: `${happy}#0` }]]);
      assert.equal((await surveys.tasks.findById(`${happy}#0`).lean())?.status, 'done');

      const redo = await recordCallbackResult(bed.store, `${unhappy}#0`, { method: 'phone', result: '还是不亮', satisfaction: 'dissatisfied', by }, at(hours(5)));
      assert.equal(redo.done && redo.reopened, true);
      assert.equal(redo.done && redo.closed, false);
      assert.equal((await bed.store.tickets.getByNumber(unhappy)).status, 'dispatched');
    });

    it('a dissatisfied callback on a ticket closed after its survey reopens it', async () => {
      const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '门禁刷不开', resident: {} });
      await runSurveyJob(bed.store, () => at(hours(1)));
      await bed.store.tickets.act(number, 'close', { by: { kind: 'staff', id: 's-agent-1' }, at: at(hours(2)) });
      const redo = await recordCallbackResult(bed.store, `${number}#0`, { method: 'visit', result: '门禁又坏了', satisfaction: 'dissatisfied', by: { id: 's-agent-1', name: '客服' } }, at(hours(5)));
      assert.equal(redo.done && redo.reopened, true);
      const ticket = await bed.store.tickets.getByNumber(number);
      assert.equal(ticket.status, 'dispatched');
      assert.equal(ticket.closedAt, null);
    });
  });

  it('a satisfied chat answer leaves the ticket resolved while its in-person visit is still open', async () => {
    const number = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '电梯厅地面湿滑 visit' });
    await runSurveyJob(bed.store, () => at(hours(1)));
    await surveys.createTask({ _id: `${number}#0:visit`, ticketNumber: number, category: 'complaint', reason: 'in-person', method: 'visit', status: 'open', dueAt: at(hours(200)), createdAt: at(hours(1)) });
    const outcome = await recordSurveyAnswer(bed.store, number, 'satisfied', null, () => at(hours(2)));
    assert.deepEqual(outcome, { recorded: true, reopened: false, reworkDueAt: null, closed: false });
    assert.equal((await bed.store.tickets.getByNumber(number)).status, 'resolved');
  });

  describe('after the grace period (the closing job)', () => {
    let quiet: string;
    let surveyed: string;
    let noChat: string;
    let unseen: string;
    let reopened: string;
    let reworked: string;
    before(async () => {
      // resolved and nothing will wait on it: a repair (not sampled here) the survey job has looked at
      quiet = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'repair', text: '厨房水龙头滴水' });
      assert.equal(callbackDecision(quiet, 'repair', bed.store.property.callbackRates).callback, false);
      surveyed = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '楼道堆放杂物' });
      noChat = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'complaint', severity: 'minor', text: '绿化带缺水', resident: {} });
      reopened = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'repair', text: '卫生间漏水' });
      reworked = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'repair', text: '阳台灯不亮' });
      await runSurveyJob(bed.store, () => at(hours(1)));
      // resolved the same moment, but the survey job has not looked at it yet
      unseen = await resolvedTicket(bed.store, OPENED, RESOLVED, { category: 'repair', text: '门锁坏了' });
      assert.equal(await surveys.surveys.countDocuments({ ticketNumber: surveyed, status: 'sent' }), 1);
      assert.equal(await surveys.tasks.countDocuments({ ticketNumber: noChat, status: 'open' }), 1);
      const staff = { kind: 'staff' as const, id: 's-agent-1' };
      await bed.store.tickets.act(reopened, 'reopen', { by: staff, at: at(hours(30)) });
      await bed.store.tickets.act(reworked, 'reopen', { by: staff, at: at(hours(30)) });
      await bed.store.tickets.act(reworked, 'accept', { by: staff, at: at(hours(31)) });
      await bed.store.tickets.act(reworked, 'resolve', { by: staff, at: at(hours(48)) });
    });

    const statusOf = async (number: string) => (await bed.store.tickets.getByNumber(number)).status;

    it('nothing closes before 10 working days, though 13 calendar days have passed', async () => {
      const run = await runClosingJob(bed.store, () => new Date(GRACE_OVER.getTime() - hours(24)));
      assert.equal(run.closed, 0);
      assert.ok(run.checked >= 4, 'the tickets resolved before the cut-off were looked at');
      for (const number of [quiet, surveyed, noChat, unseen, reworked]) assert.equal(await statusOf(number), 'resolved', number);
    });

    it('after 10 working days only the ticket nothing waits on closes, by the system and quietly; a second run does nothing', async () => {
      const outboxBefore = await bed.store.outbox.entries.countDocuments({ ticketNumber: quiet });
      const stats = await monthStatistics(bed.store, '2026-11');
      const run = await runClosingJob(bed.store, () => GRACE_OVER);
      assert.equal(run.closed, 1);
      const ticket = await bed.store.tickets.getByNumber(quiet);
      assert.equal(ticket.status, 'closed');
      assert.equal(ticket.closedAt?.getTime(), GRACE_OVER.getTime());
      assert.deepEqual(closingEvent(ticket).map((e) => [e.by.kind, e.data]), [['system', { reason: 'grace', workingDays: 10 }]]);
      assert.equal(await bed.store.outbox.entries.countDocuments({ ticketNumber: quiet }), outboxBefore, 'the resident is told nothing more');

      assert.equal(await statusOf(surveyed), 'resolved', 'its survey is still open');
      assert.equal(await statusOf(noChat), 'resolved', 'its callback task is still open');
      assert.equal(await statusOf(unseen), 'resolved', 'the survey job may still survey it');
      assert.equal(await statusOf(reopened), 'dispatched', 'reopened meanwhile: not closed');
      assert.equal(await statusOf(reworked), 'resolved', 'resolved again on Sat 28 Nov: its new resolution waits for the survey job');

      const after = await monthStatistics(bed.store, '2026-11');
      const { byStatus: before, ...rest } = stats;
      const { byStatus: now, ...restNow } = after;
      assert.deepEqual(restNow, rest, 'closing changes no figure of the month');
      assert.deepEqual([now.resolved, now.closed], [before.resolved - 1, before.closed + 1]);

      assert.deepEqual(await runClosingJob(bed.store, () => new Date(GRACE_OVER.getTime() + hours(1))), { checked: run.checked - 1, closed: 0 });
    });

    it('once its survey or callback is finished (without a rating), the ticket closes at the next run', async () => {
      await runSurveyJob(bed.store, () => at(hours(1) + 3 * 24 * hours(1))); // the unanswered survey becomes a callback task; `unseen` is looked at
      const tasks = await surveys.tasks.find({ ticketNumber: { $in: [surveyed, noChat] }, status: 'open' }).lean();
      assert.equal(tasks.length, 2);
      for (const task of tasks) await recordCallbackResult(bed.store, task._id, { method: 'phone', result: '住户未表态', satisfaction: null, by: { id: 's-agent-1', name: '客服' } }, new Date(GRACE_OVER.getTime() + hours(2)));
      assert.equal(await statusOf(surveyed), 'resolved', 'no rating: not closed at once');
      const run = await runClosingJob(bed.store, () => new Date(GRACE_OVER.getTime() + hours(3)));
      assert.equal(run.closed, 3);
      for (const number of [surveyed, noChat, unseen]) assert.equal(await statusOf(number), 'closed', number);
      // a reworked ticket is always surveyed again (round 1): it waits for that survey
      assert.equal(await surveys.surveys.countDocuments({ _id: `${reworked}#1`, status: 'sent' }), 1);
      assert.equal((await runClosingJob(bed.store, () => new Date('2026-12-31T02:00:00Z'))).closed, 0);
      assert.equal(await statusOf(reworked), 'resolved');
      const answered = await recordSurveyAnswer(bed.store, reworked, 'satisfied', null, () => new Date('2026-12-31T03:00:00Z'));
      assert.equal(answered.recorded && answered.closed, true);
      assert.deepEqual(closingEvent(await bed.store.tickets.getByNumber(reworked)).map((e) => e.data), [{ reason: 'survey', answer: 'satisfied', round: 1 }]);
    });

    it('closes no more than its limit per run, oldest resolution first (a long backlog is worked off over several nights)', async () => {
      const backlog = [];
      for (const [i, text] of ['信报箱门松了', '走廊灯罩裂了', '楼梯扶手掉漆'].entries()) {
        backlog.push(await resolvedTicket(bed.store, new Date(OPENED.getTime() - hours(24 * 30 + i)), new Date(RESOLVED.getTime() - hours(24 * 30 - i)), { category: 'repair', text }));
      }
      await runSurveyJob(bed.store, () => at(hours(1)));
      const first = await closeDueTickets(bed.store, GRACE_OVER, 2);
      assert.equal(first.closed, 2);
      assert.deepEqual(await Promise.all(backlog.map(statusOf)), ['closed', 'closed', 'resolved'], 'the two oldest first');
      assert.equal((await closeDueTickets(bed.store, GRACE_OVER, 1)).closed, 1);
      assert.equal(await statusOf(backlog[2]!), 'closed');
    });
  });
});
