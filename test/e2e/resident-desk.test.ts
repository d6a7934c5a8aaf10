import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { startResidentApp, TestClock, ticketNumberIn, TICKET_NUMBER } from './resident-harness.js';

describe('resident desk over HTTP: welcome, emergencies, tickets, linking, interruptions', () => {
  let app: App;
  const clock = new TestClock();
  before(async () => {
    app = await startResidentApp('resident_desk', clock);
  });
  after(async () => {
    await app?.stop();
  });

  async function fileRepair(client: BotClient, text = '3栋2单元501厨房漏水 13800138000'): Promise<string> {
    await client.say(text);
    return ticketNumberIn(textsOf(await client.say('是')));
  }

  describe('welcome', () => {
    it('says who we are, what the bot does and the duty phone, with quick choices (zh)', async () => {
      const replies = await new BotClient(app.url).say('菜单');
      assert.match(textsOf(replies), /恒宇花园/);
      assert.match(textsOf(replies), /0551-62880000/);
      assert.deepEqual(replies[0]!.suggestedActions?.actions.map((a) => a.title), ['报修', '投诉建议', '咨询', '查询工单', '紧急求助']);
    });

    it('answers "help" in English with English choices', async () => {
      const replies = await new BotClient(app.url).say('help', { locale: 'en-US' });
      assert.match(textsOf(replies), /service desk/);
      assert.deepEqual(replies[0]!.suggestedActions?.actions.map((a) => a.title), ['Repair', 'Complaint / suggestion', 'Inquiry', 'My tickets', 'Emergency']);
    });
  });

  describe('emergencies', () => {
    it('gives gas safety guidance, the duty phone and an urgent ticket at once (zh)', async () => {
      const client = new BotClient(app.url);
      const reply = textsOf(await client.say('闻到很浓的煤气味'));
      assert.match(reply, /不要开关任何电器/);
      assert.match(reply, /0551-62880000/);
      const ticket = await app.store.tickets.getByNumber(ticketNumberIn(reply));
      assert.equal(ticket.category, 'security');
      assert.equal(ticket.urgent, true);
      assert.equal(ticket.department, 'security');
      assert.match(textsOf(await client.say(`补充 ${ticket.number} 5栋2单元楼道`)), /已补充/);
    });

    it('handles an English break-in report the same way', async () => {
      const reply = textsOf(await new BotClient(app.url).say('Someone is trying to break into my flat', { locale: 'en-US' }));
      assert.match(reply, /do not confront/);
      assert.match(reply, /0551-62880000/);
      assert.equal((await app.store.tickets.getByNumber(ticketNumberIn(reply))).urgent, true);
    });

    it('goes straight to the emergency path when the resident picks public safety for an unclear message', async () => {
      const client = new BotClient(app.url);
      assert.match(textsOf(await client.say('电梯')), /请选择/);
      const reply = textsOf(await client.say('公共安全'));
      assert.match(reply, /0551-62880000/);
      const ticket = await app.store.tickets.getByNumber(ticketNumberIn(reply));
      assert.equal(ticket.category, 'security');
      assert.equal(ticket.urgent, true);
    });

    it('opens an urgent ticket from the 紧急求助 button', async () => {
      const reply = textsOf(await new BotClient(app.url).say('紧急求助'));
      assert.equal((await app.store.tickets.getByNumber(ticketNumberIn(reply))).urgent, true);
    });
  });

  describe('my tickets', () => {
    it('lists only the resident\'s own tickets, with status and next deadline (zh and en)', async () => {
      const owner = new BotClient(app.url);
      const number = await fileRepair(owner);
      const list = textsOf(await owner.say('查询工单'));
      assert.ok(list.includes(number));
      assert.match(list, /新建|已派发/);
      assert.match(list, /前回复/);
      const english = textsOf(await owner.say('my tickets', { locale: 'en-US' }));
      assert.match(english, /reply by/);
      const stranger = new BotClient(app.url);
      assert.doesNotMatch(textsOf(await stranger.say('我的报修')), TICKET_NUMBER);
      const probe = textsOf(await stranger.say(number.toLowerCase()));
      assert.match(probe, /没有找到/);
      assert.doesNotMatch(probe, /厨房/);
      assert.match(textsOf(await owner.say(number.toLowerCase())), /厨房漏水/);
    });

    it('adds a message to an open ticket', async () => {
      const client = new BotClient(app.url);
      const number = await fileRepair(client);
      assert.match(textsOf(await client.say(`补充 ${number} 下午两点后在家`)), /已补充/);
      const ticket = await app.store.tickets.getByNumber(number);
      assert.ok(ticket.events.some((event) => event.kind === 'resident_message' && event.text === '下午两点后在家' && event.by.kind === 'resident'));
      const stranger = new BotClient(app.url);
      assert.match(textsOf(await stranger.say(`补充 ${number} 我也要`)), /没有找到/);
    });

    it('cancels a ticket nobody has accepted, and refuses once staff accepted one', async () => {
      const client = new BotClient(app.url);
      const number = await fileRepair(client);
      assert.match(textsOf(await client.say(`取消 ${number}`)), /已取消/);
      assert.equal((await app.store.tickets.getByNumber(number)).status, 'cancelled');

      const accepted = await fileRepair(client, '5栋1单元302卫生间漏水 13800138009');
      const staff = { kind: 'staff' as const, id: 's-eng-1' };
      await app.flushOutbox(); // dispatches it (the run the turn started, which a dispatch of our own would race)
      await app.store.tickets.act(accepted, 'accept', { by: staff, at: clock.read() });
      assert.match(textsOf(await client.say(`cancel ${accepted}`, { locale: 'en-US' })), /already been accepted/);
      assert.equal((await app.store.tickets.getByNumber(accepted)).status, 'accepted');
    });
  });

  describe('household link', () => {
    it('links by room and the phone on file, then prefills location and phone', async () => {
      await app.store.households.upsert({ building: '9', unit: '1', room: '901', members: [{ name: '张三', role: 'owner', phone: '13512345678' }] }, 'test');
      const client = new BotClient(app.url);
      assert.match(textsOf(await client.say('关联房屋')), /房号/);
      assert.match(textsOf(await client.say('9栋1单元901')), /手机号/);
      assert.match(textsOf(await client.say('13512345678')), /绑定成功/);
      const summary = await client.say('厨房水管漏水了');
      assert.equal(summary.length, 1);
      assert.match(textsOf(summary), /请确认/);
      assert.match(textsOf(summary), /13512345678/);
      const ticket = await app.store.tickets.getByNumber(ticketNumberIn(textsOf(await client.say('是'))));
      assert.equal(ticket.location.room, '901');
      assert.equal(ticket.householdId, app.store.households.archiveNoFor({ building: '9', unit: '1', room: '901' }));
    });

    it('refuses a phone that is not on file (en)', async () => {
      const client = new BotClient(app.url);
      await client.say('link my home', { locale: 'en-US' });
      await client.say('Building 9 Unit 1 Room 901');
      assert.match(textsOf(await client.say('13000000000')), /do not match/);
    });
  });

  describe('interruptions', () => {
    it('answers help mid-dialog and asks the same question again', async () => {
      const client = new BotClient(app.url);
      await client.say('厨房水管漏水了');
      const help = textsOf(await client.say('帮助'));
      assert.match(help, /补充 工单号/);
      assert.match(help, /具体位置/);
      assert.match(textsOf(await client.say('3栋2单元501')), /联系电话/);
    });

    it('cancels mid-dialog without a ticket (zh and en)', async () => {
      const zh = new BotClient(app.url);
      await zh.say('厨房水管漏水了');
      assert.match(textsOf(await zh.say('取消')), /已取消/);
      assert.match(textsOf(await zh.say('菜单')), /恒宇花园/);
      const en = new BotClient(app.url);
      await en.say('The kitchen pipe is leaking', { locale: 'en-US' });
      assert.match(textsOf(await en.say('cancel')), /cancelled/);
      const count = await app.store.tickets.tickets.countDocuments({ 'resident.accountId': { $in: [`emulator:${zh.user.id}`, `emulator:${en.user.id}`] } });
      assert.equal(count, 0);
    });

    it('re-prompts with a hint on unrelated input and gives up politely after three tries', async () => {
      const client = new BotClient(app.url);
      await client.say('厨房水管漏水了');
      await client.say('3栋2单元501');
      assert.match(textsOf(await client.say('今天天气不错')), /没能识别电话号码/);
      assert.match(textsOf(await client.say('嗯嗯')), /没能识别电话号码/);
      const last = textsOf(await client.say('不知道'));
      assert.match(last, /先不登记/);
      assert.match(last, /0551-62880000/);
      assert.match(textsOf(await client.say('你好')), /恒宇花园/);
    });

    it('re-prompts the confirmation until yes or no, and "no" records nothing', async () => {
      const client = new BotClient(app.url);
      await client.say('3栋2单元501厨房漏水 13800138000');
      assert.match(textsOf(await client.say('等一下')), /回复“是”确认提交/);
      assert.match(textsOf(await client.say('否')), /没有提交/);
      assert.equal(await app.store.tickets.tickets.countDocuments({ 'resident.accountId': `emulator:${client.user.id}` }), 0);
    });
  });
});
