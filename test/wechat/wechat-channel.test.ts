import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { RecordingConnector } from '../support/recording-connector.js';
import { startTestApp } from '../support/test-app.js';
import { WeChatApiStandIn } from '../support/wechat-api-stand-in.js';
import { ticketNumberIn } from '../e2e/resident-harness.js';
import { newMsgId, push, textPush, WECHAT_ENV } from './wechat-push.js';

/** Resident on WeChat, staff on Teams: every reply to WeChat goes through the customer-service API. */
describe('WeChat channel end to end: repair intake, dispatch, retries, signatures, undeliverable sends', function () {
  this.timeout(60_000);
  let app: App;
  let api: WeChatApiStandIn;
  let connector: RecordingConnector;

  before(async () => {
    api = await new WeChatApiStandIn().start();
    connector = await new RecordingConnector().start();
    app = await startTestApp({
      label: 'wechat_e2e',
      env: { ...WECHAT_ENV, WECHAT_API_BASE: api.url },
      app: { outboxIntervalMs: 0, wechat: { passiveReplies: false } },
    });
    const engineer = new BotClient(app.url, { id: 'eng1', name: 'eng1' }, 'staff-conv-eng1', 'msteams', connector.url);
    assert.match(textsOf(await engineer.say('绑定 ENG-7F3K')), /绑定成功/);
  });
  after(async () => {
    await app?.stop();
    await api?.stop();
    await connector?.stop();
  });

  async function ticketsOf(openId: string): Promise<number> {
    return app.store.tickets.tickets.countDocuments({ 'resident.accountId': `wechat:${openId}` });
  }

  it('answers the URL check with echostr only when the signature is ours', async () => {
    const good = new URLSearchParams({ signature: '', timestamp: '1714037059', nonce: '486452656', echostr: 'echo-123' });
    const { plainSignature } = await import('../../bot/wechat/wechat-crypto.js');
    good.set('signature', plainSignature(WECHAT_ENV.WECHAT_TOKEN, '1714037059', '486452656'));
    const ok = await fetch(`${app.url}/api/wechat?${good}`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), 'echo-123');
    good.set('signature', '899cf89e464efb63f54ddac96b0a0a235f53aa78');
    assert.equal((await fetch(`${app.url}/api/wechat?${good}`)).status, 401);
  });

  it('takes a repair by WeChat text, dispatches the card to staff, and sends the ticket number through the customer-service API', async () => {
    const openId = 'o-wechat-repair';
    const first = await push(app.url, textPush(openId, '3栋2单元501厨房水管漏水 13800138000'));
    assert.equal(first.status, 200);
    assert.equal(first.body, 'success');
    const [confirm] = await api.waitForTexts(openId, 1);
    assert.match(confirm!, /请确认/);
    assert.match(confirm!, /1\. 确认提交/);
    const second = await push(app.url, textPush(openId, '1'));
    assert.equal(second.body, 'success');
    const texts = await api.waitForTexts(openId, 2);
    const number = ticketNumberIn(texts[1]!);
    const ticket = await app.store.tickets.getByNumber(number);
    assert.equal(ticket.channel, 'wechat');
    assert.equal(ticket.category, 'repair');
    assert.equal(ticket.resident?.phone, '13800138000');
    await app.flushOutbox();
    const cards = connector.to('staff-conv-eng1').filter((call) => JSON.stringify(call.activity).includes(number));
    assert.equal(cards.length, 1);
    assert.equal(cards[0]!.activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
  });

  it('runs the bot once for a push WeChat retries (same MsgId), even when the retries overlap', async () => {
    const openId = 'o-wechat-retry';
    const first = textPush(openId, '5栋1单元302卫生间漏水 13900139000');
    const answers = await Promise.all([push(app.url, first), push(app.url, first), push(app.url, first)]);
    assert.deepEqual(answers.map((a) => a.body), ['success', 'success', 'success']);
    await api.waitForTexts(openId, 1);
    const confirm = textPush(openId, '确认提交');
    await push(app.url, confirm);
    await api.waitForTexts(openId, 2);
    await push(app.url, confirm);
    await push(app.url, confirm);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(api.textsTo(openId).length, 2, 'the retries are not answered again');
    assert.equal(await ticketsOf(openId), 1);
  });

  it('refuses a push with a bad signature with 401 and stores nothing', async () => {
    const openId = 'o-wechat-forged';
    const claims = app.connection.collection('wechatPushClaims');
    const before = await claims.countDocuments();
    const answer = await push(app.url, textPush(openId, '8栋101门口漏水 13700137000'), { badSignature: true });
    assert.equal(answer.status, 401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await claims.countDocuments(), before);
    assert.equal(api.textsTo(openId).length, 0);
    assert.equal(await app.store.references.get(`wechat:${openId}`), null);
    assert.equal(await ticketsOf(openId), 0);
  });

  it('records proactive sends refused with 45015 or 45047 as undeliverable for staff, and marks an unfollowed resident (43004) unreachable', async () => {
    const openId = 'o-wechat-proactive';
    await push(app.url, textPush(openId, '菜单'));
    await api.waitForTexts(openId, 1);
    const conversationKey = `wechat:${openId}`;
    assert.ok(await app.store.references.get(conversationKey));
    const record = (key: string) => app.store.outbox.record({ key, kind: 'text', conversationKey, payload: { key: 'cancelled' } }, new Date());
    await record('wechat-ok');
    await app.flushOutbox();
    assert.equal((await app.store.outbox.entries.findById('wechat-ok').lean())?.status, 'sent');
    assert.equal(api.textsTo(openId).length, 2);

    for (const [key, errcode] of [['wechat-45015', 45015], ['wechat-45047', 45047]] as const) {
      api.failNextSends(errcode);
      await record(key);
      await app.flushOutbox();
      const entry = await app.store.outbox.entries.findById(key).lean();
      assert.equal(entry?.status, 'failed');
      assert.match(entry?.lastError ?? '', new RegExp(`${errcode}.*phone the resident`));
      await app.flushOutbox();
      assert.equal((await app.store.outbox.entries.findById(key).lean())?.attempts, 1, 'no retry');
    }
    api.failNextSends(43004);
    await record('wechat-43004');
    await app.flushOutbox();
    assert.equal((await app.store.outbox.entries.findById('wechat-43004').lean())?.status, 'failed');
    assert.equal((await app.store.residents.get('wechat', openId))?.unreachable, true);
    await push(app.url, { FromUserName: openId, MsgType: 'event', Event: 'subscribe', EventKey: '' });
    assert.equal((await app.store.residents.get('wechat', openId))?.unreachable, false, 'following again makes the resident reachable');
  });

  it('keeps a pushed image: downloads the media at once and stores the bytes', async () => {
    const openId = 'o-wechat-photo';
    const bytes = Buffer.from('fake-jpeg-bytes-\u00ff\u00d8');
    api.addMedia('MEDIA-PHOTO-1', bytes, 'image/jpeg');
    await push(app.url, { FromUserName: openId, MsgType: 'image', PicUrl: 'http://127.0.0.1:1/pic.jpg', MediaId: 'MEDIA-PHOTO-1', MsgId: newMsgId() });
    await api.waitForTexts(openId, 1);
    const stored = await app.connection.collection('media').findOne({ _id: 'wechat:MEDIA-PHOTO-1' as never });
    assert.ok(stored);
    assert.equal(stored.contentType, 'image/jpeg');
    assert.equal(Buffer.from(stored.bytes.buffer).toString('latin1'), bytes.toString('latin1'));
    assert.equal(api.callsTo('/cgi-bin/media/get').length, 1);
  });

  it('refetches the access token once when WeChat answers 40001, and the message still arrives', async () => {
    const openId = 'o-wechat-token';
    const tokensBefore = api.callsTo('/cgi-bin/stable_token').length;
    api.revokeTokens();
    await push(app.url, textPush(openId, '菜单'));
    const [welcome] = await api.waitForTexts(openId, 1);
    assert.match(welcome!, /1\. 报修/);
    assert.equal(api.callsTo('/cgi-bin/stable_token').length, tokensBefore + 1);
    const rejected = api.callsTo('/cgi-bin/message/custom/send').filter((call) => call.body?.touser === openId);
    assert.equal(rejected.length, 2, 'one refused with 40001, one sent with the new token');
  });

  it('maps a subscribe event to the welcome and a menu CLICK to the quick choice', async () => {
    const openId = 'o-wechat-follow';
    await push(app.url, { FromUserName: openId, MsgType: 'event', Event: 'subscribe', EventKey: '' });
    const [welcome] = await api.waitForTexts(openId, 1);
    assert.match(welcome!, /报修/);
    await push(app.url, { FromUserName: openId, MsgType: 'event', Event: 'CLICK', EventKey: 'REPAIR', CreateTime: 1764100001 });
    const texts = await api.waitForTexts(openId, 2);
    assert.notEqual(texts[1], texts[0], 'the click starts a repair instead of repeating the welcome');
  });
});
