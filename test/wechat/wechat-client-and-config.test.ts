import assert from 'node:assert/strict';
import { ConfigError } from '../../bot/config.js';
import { WeChatApiError, WeChatClient } from '../../bot/wechat/wechat-client.js';
import { testConfig } from '../support/test-app.js';
import { WeChatApiStandIn } from '../support/wechat-api-stand-in.js';
import { WECHAT_ENV } from './wechat-push.js';

describe('WeChat API client (stable_token cache) and WECHAT_* configuration', () => {
  let api: WeChatApiStandIn;
  before(async () => {
    api = await new WeChatApiStandIn().start();
  });
  after(async () => {
    await api?.stop();
  });

  it('fetches the stable token once for concurrent callers, reuses it, and refreshes it 5 minutes before expiry', async () => {
    let now = new Date('2026-11-26T00:00:00Z');
    const client = new WeChatClient({ appId: 'wxpropdesktest', appSecret: 'test-secret', apiBase: `${api.url}/`, clock: () => now });
    const before = api.callsTo('/cgi-bin/stable_token').length;
    const tokens = await Promise.all([client.accessToken(), client.accessToken(), client.accessToken()]);
    assert.equal(new Set(tokens).size, 1);
    assert.equal(api.callsTo('/cgi-bin/stable_token').length, before + 1);
    const request = api.callsTo('/cgi-bin/stable_token').at(-1)!;
    assert.deepEqual(request.body, { grant_type: 'client_credential', appid: 'wxpropdesktest', secret: 'test-secret', force_refresh: false });
    now = new Date(now.getTime() + (7200 - 301) * 1000);
    assert.equal(await client.accessToken(), tokens[0]);
    now = new Date(now.getTime() + 2_000);
    assert.notEqual(await client.accessToken(), tokens[0]);
    assert.equal(api.callsTo('/cgi-bin/stable_token').length, before + 2);
  });

  it('reports API errors with their code; window and subscription errors are permanent', async () => {
    const client = new WeChatClient({ appId: 'wxpropdesktest', appSecret: 'test-secret', apiBase: api.url });
    api.failNextSends(45015);
    await assert.rejects(client.sendCustomMessage({ touser: 'o-x', msgtype: 'text', text: { content: 'hi' } }), (err: WeChatApiError) => err.errcode === 45015 && err.permanent);
    api.failNextSends(45009);
    await assert.rejects(client.sendCustomMessage({ touser: 'o-x', msgtype: 'text', text: { content: 'hi' } }), (err: WeChatApiError) => err.errcode === 45009 && !err.permanent);
    await assert.rejects(client.downloadMedia('missing'), (err: WeChatApiError) => err.errcode === 40007);
    const wrongSecret = new WeChatClient({ appId: 'wxpropdesktest', appSecret: 'wrong', apiBase: api.url });
    await assert.rejects(wrongSecret.accessToken(), (err: WeChatApiError) => err.errcode === 40013);
  });

  it('turns the channel on only with app id, secret and token together; checks the AES key; defaults the API base', () => {
    assert.equal(testConfig().wechat, undefined);
    const on = testConfig(WECHAT_ENV).wechat!;
    assert.equal(on.apiBase, 'https://api.weixin.qq.com');
    assert.equal(on.aesKey, undefined);
    assert.equal(on.replyBudgetMs, 4_000);
    assert.throws(() => testConfig({ WECHAT_APP_ID: 'wx1' }), (err: ConfigError) => err.problems.some((p) => /WECHAT_APP_SECRET, WECHAT_TOKEN/.test(p)));
    assert.throws(() => testConfig({ ...WECHAT_ENV, WECHAT_AES_KEY: 'too-short' }), (err: ConfigError) => err.problems.some((p) => /WECHAT_AES_KEY/.test(p)));
    assert.throws(() => testConfig({ ...WECHAT_ENV, WECHAT_API_BASE: 'ftp://x' }), (err: ConfigError) => err.problems.some((p) => /WECHAT_API_BASE/.test(p)));
  });
});
