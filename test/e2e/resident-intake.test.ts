import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { formatDeadline } from '../../dialogs/resident/human-deadline.js';
import { BotClient, textsOf, type SentActivity } from '../support/bot-client.js';
import { startResidentApp, TestClock, ticketNumberIn, TICKET_NUMBER } from './resident-harness.js';

function buttonsOf(replies: SentActivity[]): string[] {
  return replies.flatMap((reply) => reply.suggestedActions?.actions.map((action) => action.title) ?? []);
}

describe('resident intake over HTTP', () => {
  let app: App;
  const clock = new TestClock();
  before(async () => {
    app = await startResidentApp('resident_intake', clock);
  });
  after(async () => {
    await app?.stop();
  });

  async function ticketIn(text: string) {
    return app.store.tickets.getByNumber(ticketNumberIn(text));
  }

  it('asks exactly one question, the confirmation, when one message says everything (zh repair)', async () => {
    const client = new BotClient(app.url);
    const first = await client.say('3栋2单元501厨房漏水 13800138000');
    assert.equal(first.length, 1);
    assert.match(textsOf(first), /请确认/);
    assert.match(textsOf(first), /3栋2单元501/);
    assert.match(textsOf(first), /维修报修/);
    assert.match(textsOf(first), /补充/);
    assert.deepEqual(buttonsOf(first), ['确认提交', '否']);
    const done = textsOf(await client.say('是'));
    const ticket = await ticketIn(done);
    assert.match(done, /工程维修部/);
    assert.ok(done.includes(`我们会在 ${formatDeadline(ticket.replyDueAt, 'Asia/Shanghai', 'zh-CN')} 前回复您`), done);
    assert.equal(ticket.category, 'repair');
    assert.equal(ticket.source, 'chat');
    assert.equal(ticket.channel, 'emulator');
    assert.deepEqual([ticket.location.building, ticket.location.unit, ticket.location.room], ['3', '2', '501']);
    assert.equal(ticket.resident?.phone, '13800138000');
    assert.equal(ticket.resident?.accountId, `emulator:${client.user.id}`);
    assert.equal(ticket.receiver.id, 'chat-intake');
    assert.ok(await app.store.references.get(ticket.resident!.conversationKey!));
  });

  it('asks exactly one question when one message says everything (en repair), accepting "y"', async () => {
    const client = new BotClient(app.url);
    const first = await client.say('The kitchen pipe is leaking in Building 3 Unit 2 Room 501, call 13800138000', { locale: 'en-US' });
    assert.equal(first.length, 1);
    assert.match(textsOf(first), /Please confirm/);
    const done = textsOf(await client.say('y', { locale: 'en-US' }));
    const ticket = await ticketIn(done);
    assert.match(done, /Engineering & maintenance/);
    assert.ok(done.includes(`We will reply by ${formatDeadline(ticket.replyDueAt, 'Asia/Shanghai', 'en')}`), done);
    assert.equal(ticket.language, 'en');
  });

  it('fills location, phone, time and photos for a repair step by step and keeps every message on the ticket (zh)', async () => {
    const client = new BotClient(app.url);
    assert.match(textsOf(await client.say('厨房水管漏水了')), /具体位置/);
    assert.match(textsOf(await client.say('3栋2单元501')), /联系电话/);
    assert.match(textsOf(await client.say('13900139000')), /上门的时间/);
    const photo = await client.send(
      client.activity({
        text: '明天下午',
        attachments: [
          { contentType: 'image/jpeg', contentUrl: 'http://127.0.0.1:1/leak.jpg', name: 'leak.jpg' },
          // a stored-media address only counts from the channel that stores media (WeChat): not someone else's file named here
          { contentType: 'image/jpeg', contentUrl: 'propdesk-media:wechat:someone-elses-photo', name: 'x.jpg' },
        ],
      }),
    );
    assert.match(textsOf(photo), /上门时间：明天下午/);
    assert.match(textsOf(photo), /照片：1 张/);
    const ticket = await ticketIn(textsOf(await client.say('好的')));
    assert.equal(ticket.text, '厨房水管漏水了');
    assert.equal(ticket.location.room, '501');
    assert.equal(ticket.resident?.phone, '13900139000');
    assert.equal(ticket.attachments.length, 1);
    assert.equal(ticket.attachments[0]!.url, 'http://127.0.0.1:1/leak.jpg');
    const messages = ticket.events.filter((event) => event.kind === 'resident_message').map((event) => event.text);
    assert.ok(messages.includes('3栋2单元501'));
    assert.ok(messages.includes('13900139000'));
    assert.deepEqual(messages.filter((text) => text === '明天下午'), ['明天下午'], 'the visit time once, as the preferred time');
    assert.ok(!messages.includes('好的'), 'the confirmation is not part of the request');
  });

  it('takes a complaint step by step in English and routes it to customer service', async () => {
    const client = new BotClient(app.url);
    assert.match(textsOf(await client.say('My neighbour is very noisy at night', { locale: 'en-US' })), /Where is it/);
    assert.match(textsOf(await client.say('Building 5 Unit 1 Room 302')), /contact phone/);
    const summary = textsOf(await client.say('13700137000'));
    assert.match(summary, /Complaint \/ suggestion/);
    const done = textsOf(await client.say('Yes, submit'));
    assert.match(done, /Customer service/);
    const ticket = await ticketIn(done);
    assert.equal(ticket.category, 'complaint');
    assert.equal(ticket.department, 'service');
  });

  it('answers a matching inquiry from the FAQ without a ticket (zh and en)', async () => {
    const zh = new BotClient(app.url);
    const zhReply = textsOf(await zh.say('物业费怎么交'));
    assert.match(zhReply, /物业费/);
    assert.doesNotMatch(zhReply, TICKET_NUMBER);
    const en = new BotClient(app.url);
    const enReply = textsOf(await en.say('When is the office open?', { locale: 'en-US' }));
    assert.match(enReply, /open daily 8:00/);
    assert.equal(await app.store.tickets.tickets.countDocuments({ 'resident.accountId': { $in: [`emulator:${zh.user.id}`, `emulator:${en.user.id}`] } }), 0);
  });

  it('answers "what should I do if …" about a hazard with its safety guidance, without a ticket or an alarm (zh and en)', async () => {
    const zh = new BotClient(app.url);
    const fire = textsOf(await zh.say('如果着火了应该怎么办？'));
    assert.match(fire, /不要乘坐电梯/);
    assert.match(fire, /119/);
    assert.doesNotMatch(fire, TICKET_NUMBER);
    const lift = textsOf(await zh.say('万一被困电梯里了怎么办'));
    assert.match(lift, /警铃/);
    const en = new BotClient(app.url);
    const gas = textsOf(await en.say('What should I do if I smell gas?', { locale: 'en-US' }));
    assert.match(gas, /do not switch any electrical device/);
    assert.match(gas, /duty phone/);
    assert.equal(await app.store.tickets.tickets.countDocuments({ 'resident.accountId': { $in: [`emulator:${zh.user.id}`, `emulator:${en.user.id}`] } }), 0);
    const now = new BotClient(app.url);
    const real = textsOf(await now.say('如果着火了应该怎么办，现在楼道全是烟'));
    assert.match(real, TICKET_NUMBER);
  });

  it('answers nonsense with how to ask and the quick choices, and opens nothing (zh and en)', async () => {
    const en = new BotClient(app.url);
    for (const text of ['asdfghjkl qwerty', 'blah blah']) {
      const reply = textsOf(await en.say(text, { locale: 'en-US' }));
      assert.match(reply, /did not understand/);
      assert.doesNotMatch(reply, TICKET_NUMBER);
    }
    const zh = new BotClient(app.url);
    const reply = textsOf(await zh.say('x'));
    assert.match(reply, /没看懂/);
    const next = textsOf(await zh.say('3栋2单元501厨房漏水 13800138031'));
    assert.match(next, /请确认/);
    assert.equal(await app.store.tickets.tickets.countDocuments({ 'resident.accountId': { $in: [`emulator:${zh.user.id}`, `emulator:${en.user.id}`] } }), 0);
  });

  it('opens an inquiry ticket when no FAQ matches, without asking for a location (zh and en)', async () => {
    const zh = new BotClient(app.url);
    assert.match(textsOf(await zh.say('小区有没有快递柜')), /联系电话/);
    assert.match(textsOf(await zh.say('13800138001')), /咨询/);
    assert.equal((await ticketIn(textsOf(await zh.say('确认')))).category, 'inquiry');
    const en = new BotClient(app.url);
    assert.match(textsOf(await en.say('Is there a parcel locker?', { locale: 'en-US' })), /contact phone/);
    await en.say('13800138002');
    assert.equal((await ticketIn(textsOf(await en.say('yes')))).category, 'inquiry');
  });

  it('opens an "other" ticket (zh) and an "other" ticket in English', async () => {
    const zh = new BotClient(app.url);
    await zh.say('我想反映一下情况');
    assert.match(textsOf(await zh.say('13800138003')), /其他/);
    assert.equal((await ticketIn(textsOf(await zh.say('是')))).category, 'other');
    const en = new BotClient(app.url);
    await en.say('I want to say something', { locale: 'en-US' });
    assert.match(textsOf(await en.say('13800138004')), /Category: Other/);
    assert.equal((await ticketIn(textsOf(await en.say('yes')))).category, 'other');
  });

  it('asks the resident to pick the category when recognition is unsure (zh)', async () => {
    const client = new BotClient(app.url);
    const ask = await client.say('车库');
    assert.match(textsOf(ask), /请选择/);
    assert.deepEqual(buttonsOf(ask), ['报修', '投诉建议', '咨询', '公共安全', '其他']);
    assert.match(textsOf(await client.say('报修')), /具体位置/);
    await client.say('7栋1单元101');
    await client.say('13600136000');
    await client.say('跳过');
    assert.equal((await ticketIn(textsOf(await client.say('是')))).category, 'repair');
  });

  it('asks the resident to pick the category when recognition is unsure (en)', async () => {
    const client = new BotClient(app.url);
    const ask = await client.say('the door', { locale: 'en-US' });
    assert.match(textsOf(ask), /Please choose/);
    assert.match(textsOf(await client.say('Complaint / suggestion')), /Where is it/);
    await client.say('Building 2 Room 201');
    const summary = textsOf(await client.say('13600136001'));
    assert.match(summary, /Complaint/);
    assert.equal((await ticketIn(textsOf(await client.say('yes')))).category, 'complaint');
  });

  it('starts from the welcome buttons: 报修 asks for a description first', async () => {
    const client = new BotClient(app.url);
    assert.match(textsOf(await client.say('报修')), /描述/);
    assert.match(textsOf(await client.say('卫生间灯不亮了')), /具体位置/);
  });
});
