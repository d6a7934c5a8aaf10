import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { RecordingConnector } from '../support/recording-connector.js';
import { startResidentApp, TestClock, ticketNumberIn } from './resident-harness.js';

describe('resident desk over HTTP: callback survey answers in chat', () => {
  let app: App;
  let connector: RecordingConnector;
  const clock = new TestClock();
  before(async () => {
    connector = await new RecordingConnector().start();
    app = await startResidentApp('resident_survey', clock);
  });
  after(async () => {
    await app?.stop();
    await connector?.stop();
  });

  /** A resident whose chat channel is the recording connector, so what the bot sends later is seen. */
  function resident(): BotClient {
    return new BotClient(app.url, undefined, undefined, undefined, connector.url);
  }

  const staff = { kind: 'staff' as const, id: 's-svc-1', name: '客服小李' };

  /** Files a complaint in chat, has staff resolve it, and runs the survey job (complaints are always surveyed). */
  async function resolvedComplaint(client: BotClient, language: 'zh' | 'en'): Promise<string> {
    let reply = language === 'en' ? textsOf(await client.say('My neighbour is very noisy at night', { locale: 'en-US' })) : textsOf(await client.say('投诉建议'));
    const answers: Array<[RegExp, string]> =
      language === 'en'
        ? [[/Where is it/, 'Building 5 Unit 1 Room 302'], [/contact phone/, '13700137000'], [/Complaint/, 'Yes, submit']]
        : [[/描述/, '楼上装修噪音太大，晚上十点还在施工'], [/(位置|地址|哪里)/, '3栋2单元501'], [/(电话|联系)/, '13800138000'], [/(确认|是否|提交)/, '是']];
    for (const [prompt, answer] of answers) {
      assert.match(reply, prompt);
      reply = textsOf(await client.say(answer));
    }
    const number = ticketNumberIn(reply);
    const at = clock.read();
    await app.flushOutbox(); // dispatches it (the run the turn started, which a dispatch of our own would race)
    assert.equal((await app.store.tickets.getByNumber(number)).status, 'dispatched');
    await app.store.tickets.act(number, 'accept', { by: staff, at, set: { assignee: staff } });
    await app.store.tickets.act(number, 'resolve', { by: staff, at, text: '已处理' });
    clock.advance(10);
    assert.equal((await runSurveyJob(app.store, clock.read)).surveysSent, 1);
    await app.flushOutbox();
    const asked = connector.calls.filter((call) => call.conversationId === client.conversationId && call.activity.text?.includes(number) && /满意|satisfied/.test(call.activity.text));
    assert.equal(asked.length, 1, 'the survey reached the resident in chat');
    return number;
  }

  it('a dissatisfied answer with a comment reopens the ticket for rework (en)', async () => {
    const client = resident();
    const number = await resolvedComplaint(client, 'en');
    const reply = textsOf(await client.say('dissatisfied, the noise is still there'));
    assert.match(reply, new RegExp(`Ticket ${number} has been reopened`));
    const ticket = await app.store.tickets.getByNumber(number);
    assert.equal(ticket.status, 'dispatched', 'back with the department for rework');
    assert.ok(ticket.events.some((e) => e.kind === 'reopened'));
    assert.equal(ticket.satisfaction, 'dissatisfied');
    assert.equal(ticket.events.find((e) => e.kind === 'survey')?.text, 'the noise is still there');
    assert.doesNotMatch(textsOf(await client.say('dissatisfied')), /reopened/, 'one answer per survey: a second one is a new message');
  });

  it('a score alone is thanked and asks once what could be better; the next message is the comment (zh)', async () => {
    const client = resident();
    const number = await resolvedComplaint(client, 'zh');
    const rated = textsOf(await client.say('4'));
    assert.match(rated, /感谢您的评价/);
    assert.match(rated, /哪里可以做得更好/);
    assert.match(textsOf(await client.say('希望施工时间能提前通知')), /收到您的建议/);
    const ticket = await app.store.tickets.getByNumber(number);
    assert.equal(ticket.satisfaction, 'satisfied');
    assert.equal(ticket.status, 'closed', 'a score of 4 is satisfied: the ticket is closed at once');
    assert.equal(ticket.events.find((e) => e.kind === 'closed')?.by.kind, 'system');
    assert.deepEqual(ticket.events.filter((e) => e.kind === 'survey').map((e) => e.text ?? null), [null, '希望施工时间能提前通知']);
    const survey = await app.connection.collection('surveys').findOne({ ticketNumber: number });
    assert.equal(survey?.comment, '希望施工时间能提前通知');
    assert.equal(await app.connection.collection('openSurveys').countDocuments({ surveyId: survey?._id }), 0, 'the survey is no longer open');
  });

  it('a pending comment gives way to a command, an emergency and a new repair', async () => {
    const client = resident();
    await resolvedComplaint(client, 'zh');
    assert.match(textsOf(await client.say('满意')), /哪里可以做得更好/);
    assert.match(textsOf(await client.say('查询工单')), /HY01-/);
    const next = textsOf(await client.say('楼道的灯坏了'));
    assert.doesNotMatch(next, /收到您的建议/, 'after a command the next message is a request again');

    const other = resident();
    await resolvedComplaint(other, 'zh');
    assert.match(textsOf(await other.say('5')), /哪里可以做得更好/);
    assert.match(textsOf(await other.say('闻到很浓的煤气味')), /不要开关任何电器/);

    const third = resident();
    await resolvedComplaint(third, 'zh');
    assert.match(textsOf(await third.say('4')), /哪里可以做得更好/);
    assert.doesNotMatch(textsOf(await third.say('3栋2单元501厨房水管漏水了')), /收到您的建议/, 'a new repair is a new request');
  });

  it('two surveys open at once: the newest is answered first, then the other', async () => {
    const client = resident();
    const first = await resolvedComplaint(client, 'zh');
    const second = await resolvedComplaint(client, 'zh');
    assert.match(textsOf(await client.say('满意，处理很快')), /感谢您的评价/);
    assert.match(textsOf(await client.say('基本满意，就是有点慢')), /感谢您的评价/);
    assert.equal((await app.store.tickets.getByNumber(second)).satisfaction, 'satisfied');
    assert.equal((await app.store.tickets.getByNumber(first)).satisfaction, 'basically-satisfied');
  });

  it('"没修好 <number>", as the resolution message says, reopens the ticket for rework; a second one finds it in progress, and the resident cannot cancel it (zh, en)', async () => {
    const client = resident();
    const number = await resolvedComplaint(client, 'zh');
    const reply = textsOf(await client.say(`没修好 ${number} 晚上还是很吵`));
    assert.match(reply, new RegExp(`工单 ${number} 已重新打开`));
    const ticket = await app.store.tickets.getByNumber(number);
    assert.equal(ticket.status, 'dispatched');
    assert.ok(ticket.resolveDueAt && ticket.resolveDueAt.getTime() <= clock.read().getTime() + 24 * 3_600_000, 'rework due within 24 hours');
    assert.ok(ticket.events.some((e) => e.kind === 'resident_message' && e.text === '晚上还是很吵'));
    assert.deepEqual(ticket.events.filter((e) => e.kind === 'reopened').map((e) => e.data), [{ reason: 'resident', round: 0 }]);
    const superseded = ticket.events.filter((e) => e.kind === 'callback' && e.by.id === 'rework').map((e) => e.data);
    assert.deepEqual(superseded, [{ superseded: [{ kind: 'survey', id: `${number}#0` }] }], 'its unanswered survey is superseded');
    assert.match(textsOf(await client.say(`没修好 ${number}`)), /正在处理中/);
    assert.equal((await app.store.tickets.getByNumber(number)).events.filter((e) => e.kind === 'reopened').length, 1, 'reopened once');
    const refused = textsOf(await client.say(`取消 ${number}`));
    assert.match(refused, /已由客户服务部的客服小李负责处理，无法在线取消/, 'the rework is still with who accepted it');
    assert.match(refused, /0551-62880000/);
    assert.equal((await app.store.tickets.getByNumber(number)).status, 'dispatched');

    const english = resident();
    const other = await resolvedComplaint(english, 'en');
    assert.match(textsOf(await english.say(`not fixed ${other}`, { locale: 'en-US' })), new RegExp(`Ticket ${other} is reopened`));
    assert.match(textsOf(await english.say(`cancel ${other}`, { locale: 'en-US' })), new RegExp(`Ticket ${other} is with 客服小李 of Customer service and cannot be cancelled online`));
    assert.match(textsOf(await client.say(`not fixed ${other}`)), /没有找到|could not find/, "someone else's ticket");
  });

  it('"满意" with no survey open is an ordinary message', async () => {
    const reply = textsOf(await resident().say('满意'));
    assert.doesNotMatch(reply, /感谢您的评价/);
  });
});
