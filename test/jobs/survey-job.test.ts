import assert from 'node:assert/strict';
import { recordSurveyAnswer } from '../../jobs/record-survey-answer.js';
import { parseSurveyAnswer } from '../../domain/survey-answer.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { callbackDecision } from '../../domain/sampling.js';
import { Surveys } from '../../store/surveys.js';
import { hours, messageKeyOf, openJobTestBed, outboxFor, resolvedTicket, sampleProperty, type JobTestBed } from './job-fixtures.js';

const T = new Date('2026-11-26T02:00:00Z');
const at = (ms: number) => new Date(T.getTime() + ms);
const DAY = hours(24);

describe('jobs: callback surveys', function () {
  this.timeout(120_000);
  let bed: JobTestBed;
  let surveys: Surveys;
  before(async () => {
    bed = await openJobTestBed('survey_job');
    surveys = new Surveys(bed.connection);
  });
  after(async () => bed?.close());

  it('surveys exactly the resolved tickets the domain samples: every complaint, repairs and others at their rates', async () => {
    const tickets: Array<{ number: string; category: 'complaint' | 'repair' | 'other' }> = [];
    for (let i = 0; i < 40; i += 1) {
      const category = (['complaint', 'repair', 'other', 'repair'] as const)[i % 4]!;
      tickets.push({ number: await resolvedTicket(bed.store, T, at(hours(1)), { category, text: `第${i}件` }), category });
    }
    const run = await runSurveyJob(bed.store, () => at(hours(2)));
    const expected = tickets.filter((t) => callbackDecision(t.number, t.category, sampleProperty.callbackRates).callback).map((t) => t.number).sort();
    const surveyed = (await surveys.surveys.find({ ticketNumber: { $in: tickets.map((t) => t.number) } }).lean()).map((s) => s.ticketNumber).sort();
    assert.deepEqual(surveyed, expected);
    assert.equal(run.surveysSent, expected.length);
    assert.ok(tickets.filter((t) => t.category === 'complaint').every((t) => surveyed.includes(t.number)), 'complaints: 100%');
    assert.ok(surveyed.length < tickets.length, 'some repairs and others are not sampled');
    for (const number of expected) {
      const sent = await outboxFor(bed.store, number);
      assert.deepEqual(sent.map((e) => [e._id, e.conversationKey, messageKeyOf(bed.store, e)]), [[`survey:${number}#0`, 'conv-resident', 'jobSurveyAsk']]);
    }
    assert.equal((await runSurveyJob(bed.store, () => at(hours(3)))).surveysSent, 0, 'a second run sends nothing again');
  });

  it('dissatisfied: the answer is stored, the ticket reopens with rework due in 24 hours, the leads are told, and it is surveyed again after the rework', async () => {
    const number = await resolvedTicket(bed.store, T, at(hours(1)), { category: 'complaint', severity: 'minor', text: '楼道灯不亮' });
    await runSurveyJob(bed.store, () => at(hours(2)));
    const answeredAt = at(hours(5));
    const outcome = await recordSurveyAnswer(bed.store, number, 'dissatisfied', '灯还是不亮', () => answeredAt);
    assert.deepEqual(outcome, { recorded: true, reopened: true, reworkDueAt: new Date(answeredAt.getTime() + DAY), closed: false });
    const ticket = await bed.store.tickets.getByNumber(number);
    assert.equal(ticket.status, 'dispatched');
    assert.equal(ticket.satisfaction, 'dissatisfied');
    assert.equal(ticket.resolveDueAt?.getTime(), answeredAt.getTime() + DAY);
    const survey = ticket.events.find((e) => e.kind === 'survey');
    assert.equal(survey?.text, '灯还是不亮');
    assert.deepEqual(survey?.data, { answer: 'dissatisfied', round: 0 });
    const rework = (await outboxFor(bed.store, number)).filter((e) => messageKeyOf(bed.store, e) === 'jobReworkNeeded').map((e) => e.conversationKey).sort();
    assert.deepEqual(rework, ['conv-agent1', 'conv-desk1', 'conv-head'], 'the service department and the service head');
    assert.deepEqual(await recordSurveyAnswer(bed.store, number, 'satisfied', null, () => answeredAt), { recorded: false }, 'one answer per survey');

    const staff = { kind: 'staff' as const, id: 's-agent-1' };
    await bed.store.tickets.act(number, 'accept', { by: staff, at: at(hours(6)) });
    await bed.store.tickets.act(number, 'resolve', { by: staff, at: at(hours(8)) });
    await runSurveyJob(bed.store, () => at(hours(9)));
    const second = await outboxFor(bed.store, number);
    assert.ok(second.some((e) => e._id === `survey:${number}#1`), 'surveyed again after the rework');
    assert.deepEqual(await recordSurveyAnswer(bed.store, number, 'satisfied', null, () => at(hours(10))), { recorded: true, reopened: false, reworkDueAt: null, closed: true });
    const reworked = await bed.store.tickets.getByNumber(number);
    assert.equal(reworked.satisfaction, 'satisfied');
    assert.equal(reworked.status, 'closed', 'satisfied after the rework: the callback cycle is over');
  });

  it('no answer within 2 days → a phone callback task for staff, once', async () => {
    const number = await resolvedTicket(bed.store, T, at(hours(1)), { category: 'complaint', text: '垃圾没人清理' });
    await runSurveyJob(bed.store, () => at(hours(2)));
    assert.equal((await surveys.tasks.countDocuments({ ticketNumber: number })), 0);
    await runSurveyJob(bed.store, () => at(hours(2) + DAY));
    assert.equal((await surveys.tasks.countDocuments({ ticketNumber: number })), 0, 'not before 2 days');
    const run = await runSurveyJob(bed.store, () => at(hours(2) + 2 * DAY));
    assert.ok(run.callbackTasks >= 1);
    await runSurveyJob(bed.store, () => at(hours(3) + 2 * DAY));
    const tasks = await surveys.tasks.find({ ticketNumber: number }).lean();
    assert.deepEqual(tasks.map((t) => [t._id, t.method, t.reason, t.status]), [[`${number}#0`, 'phone', 'no-answer', 'open']]);
    assert.equal((await surveys.surveys.findById(`${number}#0`).lean())?.status, 'expired');
    assert.ok((await bed.store.tickets.getByNumber(number)).events.some((e) => e.kind === 'callback'));
    const notices = (await outboxFor(bed.store, number)).filter((e) => messageKeyOf(bed.store, e) === 'jobCallbackTask');
    assert.ok(notices.length > 0 && notices.every((e) => e._id.startsWith(`callback-task:${number}#0:`)));

    assert.ok(await surveys.completeTask(`${number}#0`, { method: 'phone', result: '住户表示已清理', satisfaction: 'satisfied', by: 's-agent-1' }, at(3 * DAY)));
    assert.equal((await surveys.tasks.findById(`${number}#0`).lean())?.status, 'done');
  });

  it('puts repairs flagged for an in-person visit on the visit list', async () => {
    const visiting = await openJobTestBed('survey_visits', { ...sampleProperty, callbackRates: { ...sampleProperty.callbackRates, repair: 0.8, repairInPerson: 1 } });
    try {
      const numbers = [];
      for (let i = 0; i < 6; i += 1) numbers.push(await resolvedTicket(visiting.store, T, at(hours(1)), { category: 'repair', text: `卫生间漏水 ${i}` }));
      await runSurveyJob(visiting.store, () => at(hours(2)));
      const rates = visiting.store.property.callbackRates;
      const expected = numbers.filter((n) => callbackDecision(n, 'repair', rates).inPerson).map((n) => `${n}#0:visit`).sort();
      assert.ok(expected.length > 0);
      const visits = (await new Surveys(visiting.connection).visitList()).map((t) => t._id).sort();
      assert.deepEqual(visits, expected);
    } finally {
      await visiting.close();
    }
  });

  it('reads survey answers in Chinese, English and as a 1–5 score', () => {
    const cases: Array<[string, string | null, string | null]> = [
      ['满意', 'satisfied', null],
      ['非常满意，师傅很专业', 'satisfied', '师傅很专业'],
      ['基本满意', 'basically-satisfied', null],
      ['不满意 还在漏水', 'dissatisfied', '还在漏水'],
      ['5', 'satisfied', null],
      ['4分', 'satisfied', null],
      ['3', 'basically-satisfied', null],
      ['2, too slow', 'dissatisfied', 'too slow'],
      ['2分 太慢了', 'dissatisfied', '太慢了'],
      ['还行吧', 'basically-satisfied', null],
      ['Okay', 'basically-satisfied', null],
      ['good!', 'satisfied', null],
      ['1', 'dissatisfied', null],
      ['Satisfied', 'satisfied', null],
      ['basically satisfied', 'basically-satisfied', null],
      ['not satisfied, nobody came', 'dissatisfied', 'nobody came'],
      ['dissatisfied', 'dissatisfied', null],
      ['3栋2单元501厨房漏水', null, null],
      ['你好', null, null],
      // ordinary messages that merely start like an answer
      ['good morning, the lift on floor 3 is broken', null, null],
      ['bad smell in the corridor', null, null],
      ['badminton court booking?', null, null],
      ['2 lights are out in the hallway', null, null],
      ['3 单元门禁坏了', null, null],
      ['一般几点收垃圾？', null, null],
      ['Okay so my kitchen tap leaks', null, null],
      ['满意度调查是什么', null, null],
    ];
    for (const [text, answer, comment] of cases) {
      const parsed = parseSurveyAnswer(text);
      assert.deepEqual(parsed && [parsed.answer, parsed.comment], answer ? [answer, comment] : null, text);
    }
  });
});
