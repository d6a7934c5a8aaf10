import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { plainSignature, WeChatCrypto } from '../../bot/wechat/wechat-crypto.js';
import { parseWeChatXml } from '../../bot/wechat/wechat-xml.js';
import { createRecognizer, type Recognizer } from '../../nlu/index.js';
import { startTestApp } from '../support/test-app.js';
import { WeChatApiStandIn } from '../support/wechat-api-stand-in.js';
import { ACCOUNT, AES_KEY, push, textPush, WECHAT_ENV } from './wechat-push.js';

const BUDGET_MS = 300;
const SLOW_TURN_MS = 1_500;

/** Recognizes like the real one, but takes 1.5 s for any message with 慢 in it. */
function slowRecognizer(): Recognizer {
  const local = createRecognizer();
  return {
    async recognize(text, locale) {
      if (text.includes('慢')) await new Promise((resolve) => setTimeout(resolve, SLOW_TURN_MS));
      return local.recognize(text, locale);
    },
  };
}

/** Safe mode with passive replies and a 300 ms reply budget (WeChat's is 5 s). */
describe('WeChat reply budget: passive replies when quick, "success" in time when slow (safe mode)', function () {
  this.timeout(60_000);
  let app: App;
  let api: WeChatApiStandIn;
  const crypto = new WeChatCrypto(WECHAT_ENV.WECHAT_TOKEN, WECHAT_ENV.WECHAT_APP_ID, [AES_KEY]);

  before(async () => {
    api = await new WeChatApiStandIn().start();
    app = await startTestApp({
      label: 'wechat_budget',
      env: { ...WECHAT_ENV, WECHAT_AES_KEY: AES_KEY, WECHAT_API_BASE: api.url },
      app: { outboxIntervalMs: 0, recognizer: slowRecognizer(), wechat: { replyBudgetMs: BUDGET_MS } },
    });
  });
  after(async () => {
    await app?.stop();
    await api?.stop();
  });

  it('answers a quick single reply passively, encrypted and signed for our account', async () => {
    const openId = 'o-wechat-quick';
    const answer = await push(app.url, textPush(openId, '菜单'), { safeMode: true });
    assert.equal(answer.status, 200);
    const envelope = parseWeChatXml(answer.body);
    assert.ok(crypto.hasValidMessageSignature({ msg_signature: envelope.MsgSignature, timestamp: envelope.TimeStamp, nonce: envelope.Nonce }, envelope.Encrypt!));
    const reply = parseWeChatXml(crypto.decrypt(envelope.Encrypt!));
    assert.equal(reply.MsgType, 'text');
    assert.equal(reply.ToUserName, openId);
    assert.equal(reply.FromUserName, ACCOUNT);
    assert.match(reply.Content ?? '', /1\. 报修/);
    assert.equal(api.textsTo(openId).length, 0, 'nothing went through the customer-service API');
  });

  it('answers "success" within the budget when the bot is slow, then sends the reply through the customer-service API', async () => {
    const openId = 'o-wechat-slow';
    const answer = await push(app.url, textPush(openId, '慢慢滴水，3栋2单元501厨房漏水 13800138000'), { safeMode: true });
    assert.equal(answer.status, 200);
    assert.equal(answer.body, 'success');
    assert.ok(answer.elapsedMs < SLOW_TURN_MS - 300, `answered after ${answer.elapsedMs} ms`);
    assert.equal(api.textsTo(openId).length, 0, 'the bot has not answered yet');
    const [confirm] = await api.waitForTexts(openId, 1);
    assert.match(confirm!, /请确认/);
  });

  it('refuses a safe-mode push for another AppID or with a forged msg_signature, and claims nothing for it', async () => {
    const openId = 'o-wechat-forged-aes';
    const claims = app.connection.collection('wechatPushClaims');
    const before = await claims.countDocuments();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = '12345';
    const other = new WeChatCrypto(WECHAT_ENV.WECHAT_TOKEN, 'wx-another-account', [AES_KEY]);
    const { encrypted, signature } = other.encrypt(`<xml><FromUserName>${openId}</FromUserName><MsgType>text</MsgType><Content>hi</Content><MsgId>42</MsgId></xml>`, timestamp, nonce);
    const body = `<xml><ToUserName>${ACCOUNT}</ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
    const query = new URLSearchParams({ signature: plainSignature(WECHAT_ENV.WECHAT_TOKEN, timestamp, nonce), timestamp, nonce, encrypt_type: 'aes', msg_signature: signature });
    assert.equal((await fetch(`${app.url}/api/wechat?${query}`, { method: 'POST', body })).status, 401);
    query.set('msg_signature', '0'.repeat(40));
    assert.equal((await fetch(`${app.url}/api/wechat?${query}`, { method: 'POST', body })).status, 401);
    assert.equal(await claims.countDocuments(), before);
    assert.equal(api.textsTo(openId).length, 0);
  });
});
