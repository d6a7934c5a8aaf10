import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { startTestApp } from '../support/test-app.js';

describe('HTTP endpoint /api/messages', () => {
  let app: App;
  before(async () => {
    app = await startTestApp({ label: 'http' });
  });
  after(async () => {
    await app?.stop();
  });

  it('answers a Chinese message in Chinese with expectReplies', async () => {
    const client = new BotClient(app.url);
    const replies = await client.say('你好');
    assert.ok(replies.length >= 1);
    assert.match(textsOf(replies), /恒宇花园/);
    assert.match(textsOf(replies), /0551-62880000/);
  });

  it('answers an English message in English', async () => {
    const client = new BotClient(app.url);
    const replies = await client.say('hello there', { locale: 'en-US' });
    assert.match(textsOf(replies), /service desk/i);
    assert.doesNotMatch(textsOf(replies), /客服/);
  });

  it('greets a resident who joins the conversation', async () => {
    const client = new BotClient(app.url);
    const replies = await client.send(
      client.activity({ type: 'conversationUpdate', membersAdded: [client.user], locale: 'zh-CN' }),
    );
    assert.match(textsOf(replies), /您好/);
  });

  it('refuses malformed JSON with 400 and keeps serving', async () => {
    const client = new BotClient(app.url);
    const bad = await client.post('{"type": "message", "text": ');
    assert.equal(bad.status, 400);
    const next = await client.say('你好');
    assert.ok(next.length >= 1);
  });

  it('refuses bodies that are not activities with 400 and a reason', async () => {
    const client = new BotClient(app.url);
    for (const body of ['[]', '"text"', '42', 'null', JSON.stringify({ hello: 'world' }), JSON.stringify({ type: 'message', text: 'hi' })]) {
      const result = await client.post(body);
      assert.equal(result.status, 400, `body ${body} should be refused`);
      assert.equal((result.body as { error?: string }).error, 'BadRequest', `body ${body} should carry a reason`);
    }
    const missingConversation = client.activity({ text: 'hi' });
    delete missingConversation.conversation;
    const result = await client.post(missingConversation);
    assert.equal(result.status, 400);
    assert.match(JSON.stringify(result.body), /conversation/);
  });

  it('refuses a non-JSON content type with 4xx', async () => {
    const client = new BotClient(app.url);
    const result = await client.post('type=message', 'text/plain');
    assert.ok(result.status >= 400 && result.status < 500, `got ${result.status}`);
  });

  it('refuses an oversized body with 413', async () => {
    const client = new BotClient(app.url);
    const result = await client.post(client.activity({ text: 'x'.repeat(2 * 1024 * 1024) }));
    assert.equal(result.status, 413);
  });

  it('reports health 200 while the database answers', async () => {
    const response = await fetch(`${app.url}/healthz`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; database: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.database, 'up');
  });
});
