import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../store/embedded/embedded-database.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { quietLogger } from '../support/test-app.js';
import { startResidentApp, TestClock, ticketNumberIn, TICKET_NUMBER } from './resident-harness.js';

describe('resident intake safety over HTTP', () => {
  let app: App;
  const clock = new TestClock();
  before(async () => {
    app = await startResidentApp('resident_safety', clock);
  });
  after(async () => {
    await app?.stop();
  });

  function ticketsOf(client: BotClient): Promise<number> {
    return app.store.tickets.tickets.countDocuments({ 'resident.accountId': `emulator:${client.user.id}` });
  }

  it('never opens a second ticket for a retried activity, at the first step or at the confirmation', async () => {
    const client = new BotClient(app.url);
    const start = client.activity({ text: '3栋2单元501厨房漏水 13800138000' });
    await client.send(start);
    const confirm = client.activity({ text: '是' });
    const first = textsOf(await client.send(confirm));
    const again = textsOf(await client.send(confirm));
    assert.equal(ticketNumberIn(again), ticketNumberIn(first));
    assert.match(textsOf(await client.send(start)), /请确认/);
    assert.equal(await ticketsOf(client), 1);
  });

  it('an emergency in the middle of a request is handled at once, at any question (zh and en)', async () => {
    const atLocation = new BotClient(app.url);
    await atLocation.say('电梯坏了');
    const fire = textsOf(await atLocation.say('着火了！5栋3楼'));
    assert.match(fire, /不要乘坐电梯/);
    assert.match(fire, /已先放下/);
    const number = ticketNumberIn(fire);
    const ticket = await app.store.tickets.getByNumber(number);
    assert.equal(ticket.category, 'security');
    assert.equal(ticket.urgent, true);

    const atPhone = new BotClient(app.url);
    await atPhone.say('Kitchen tap is dripping in Building 3 Unit 2 Room 501', { locale: 'en-US' });
    const gas = textsOf(await atPhone.say('I smell gas in my kitchen right now', { locale: 'en-US' }));
    assert.match(gas, /do not switch any electrical device/);
    assert.equal((await app.store.tickets.getByNumber(ticketNumberIn(gas))).category, 'security');

    const atConfirmation = new BotClient(app.url);
    await atConfirmation.say('3栋2单元501厨房漏水 13800138021');
    const smoke = textsOf(await atConfirmation.say('楼道里全是烟'));
    assert.match(smoke, /119/);
    const smokeTicket = await app.store.tickets.getByNumber(ticketNumberIn(smoke));
    assert.equal(smokeTicket.category, 'security');
    assert.equal(smokeTicket.location?.building, '3', 'the location of the set-aside request is kept');
    assert.equal(smokeTicket.resident?.phone, '13800138021', 'and its phone');
    assert.equal(await ticketsOf(atConfirmation), 1);

    // no keyword rule knows this one: the recognizer decides, as for a first message
    const noKeyword = new BotClient(app.url);
    await noKeyword.say('电梯坏了');
    const medical = textsOf(await noKeyword.say('我爸突然说胸口很闷，满头大汗，脸色发白'));
    assert.equal((await app.store.tickets.getByNumber(ticketNumberIn(medical))).category, 'security');
  });

  it('someone in despair, a partner hitting, a lost child: an urgent ticket with the guidance that fits (zh and en)', async () => {
    const despair = new BotClient(app.url);
    const words = textsOf(await despair.say('我想死'));
    assert.match(words, /12356/);
    assert.match(words, /120 或 110/);
    const ticket = await app.store.tickets.getByNumber(ticketNumberIn(words));
    assert.equal(ticket.category, 'security');
    assert.equal(ticket.urgent, true);

    const hitting = new BotClient(app.url);
    const hit = textsOf(await hitting.say('my husband is hitting me, flat 502 building 3', { locale: 'en-US' }));
    assert.match(hit, /a room you can lock/);
    assert.equal((await app.store.tickets.getByNumber(ticketNumberIn(hit))).category, 'security');

    const lost = new BotClient(app.url);
    const child = textsOf(await lost.say('急 孩子丢了 穿黄色雨衣 5岁'));
    assert.match(child, /调看监控/);
    assert.equal((await app.store.tickets.getByNumber(ticketNumberIn(child))).category, 'security');
  });

  it('answers a look-up in the middle of a request and goes on with the request', async () => {
    const client = new BotClient(app.url);
    await client.say('5栋1单元302卫生间漏水 13800138022');
    const lookup = textsOf(await client.say('查询工单'));
    assert.match(lookup, /请确认|确认/);
    assert.ok(ticketNumberIn(textsOf(await client.say('是'))));
  });

  it('asks whether a repeated request within 30 minutes is the same ticket, and adds it there', async () => {
    const client = new BotClient(app.url);
    await client.say('5栋1单元302卫生间漏水 13800138011');
    const number = ticketNumberIn(textsOf(await client.say('是')));
    clock.advance(10);
    const ask = textsOf(await client.say('5栋1单元302卫生间漏水了 13800138011'));
    assert.ok(ask.includes(number), ask);
    assert.match(ask, /同一件事/);
    assert.match(textsOf(await client.say('是')), /已补充/);
    assert.equal(await ticketsOf(client), 1);
    const ticket = await app.store.tickets.getByNumber(number);
    assert.ok(ticket.events.some((event) => event.kind === 'resident_message' && event.text === '5栋1单元302卫生间漏水了 13800138011'));
  });

  it('opens a new ticket when the resident says the repeated request is new (en)', async () => {
    const client = new BotClient(app.url);
    await client.say('The kitchen pipe is leaking in Building 3 Unit 2 Room 501, call 13800138012', { locale: 'en-US' });
    await client.say('yes');
    clock.advance(5);
    assert.match(textsOf(await client.say('The kitchen pipe is leaking in Building 3 Unit 2 Room 501, call 13800138012')), /same matter/);
    assert.match(textsOf(await client.say('new')), /Please confirm/);
    ticketNumberIn(textsOf(await client.say('yes')));
    assert.equal(await ticketsOf(client), 2);
  });

  it('does not ask after 30 minutes', async () => {
    const client = new BotClient(app.url);
    await client.say('8栋1单元801阳台漏水 13800138013');
    await client.say('是');
    clock.advance(31);
    assert.match(textsOf(await client.say('8栋1单元801阳台漏水 13800138013')), /请确认/);
  });
});

describe('resident intake while the database is down', () => {
  let database: EmbeddedDatabase;
  let app: App;
  let dataDir: string;
  before(async function () {
    this.timeout(120_000);
    dataDir = mkdtempSync(join(tmpdir(), 'propdesk-resident-down-'));
    database = await startEmbeddedDatabase({ dataDir, logger: quietLogger });
    app = await startApp(loadConfig({ MONGODB_URI: database.uri }), { logger: quietLogger, host: '127.0.0.1', port: 0 });
  });
  after(async function () {
    this.timeout(60_000);
    await app?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the resident the request was not recorded and gives no ticket number', async function () {
    this.timeout(60_000);
    const client = new BotClient(app.url);
    assert.match(textsOf(await client.say('3栋2单元501厨房漏水 13800138000')), /请确认/);
    await database.stop();
    const reply = textsOf(await client.say('是'));
    assert.doesNotMatch(reply, TICKET_NUMBER);
    assert.match(reply, /0551-62880000/);
    assert.match(reply, /无法记录您的请求，本次没有生成工单/);
  });
});
