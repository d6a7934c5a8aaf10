import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';
import { RecordingConnector, type RecordedCall } from '../support/recording-connector.js';
import { startTestApp } from '../support/test-app.js';

const HOMES = [
  { user: 'r501', building: '3', unit: '2', room: '501', name: '张伟', phone: '13800138000' },
  { user: 'r502', building: '3', unit: '2', room: '502', name: '李雷', phone: '13900139000' },
  { user: 'r5101', building: '5', unit: null, room: '101', name: '赵六', phone: '13700137000' },
] as const;

function cardOf(call: RecordedCall): Record<string, unknown> {
  const attachment = call.activity.attachments?.[0];
  assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment!.content;
}

describe('public notices: broadcast to residents, acknowledgements, status', function () {
  this.timeout(60_000);
  let app: App;
  let connector: RecordingConnector;
  const now = new Date('2026-11-26T02:00:00Z');
  let noticeId = '';

  /** A resident's chat client whose proactive messages reach the recording connector. */
  function resident(user: string): BotClient {
    return new BotClient(app.url, { id: user, name: user }, `res-conv-${user}`, 'msteams', connector.url);
  }

  async function acknowledge(client: BotClient) {
    const result = await client.cardAction('acknowledge-notice', { notice: noticeId });
    return result.body as { statusCode: number; value: Record<string, unknown> };
  }

  before(async () => {
    connector = await new RecordingConnector().start();
    app = await startTestApp({ label: 'notices', app: { clock: () => now, outboxIntervalMs: 0 } });
    for (const home of HOMES) {
      await app.store.households.upsert({ building: home.building, unit: home.unit, room: home.room, members: [{ name: home.name, role: 'owner', phone: home.phone }] }, 'import');
      await app.store.references.save({ channelId: 'msteams', serviceUrl: connector.url, conversation: { id: `res-conv-${home.user}` } as never, user: { id: home.user, name: home.name }, bot: { id: 'propdesk-bot', name: 'PropDesk' } }, now);
      assert.ok((await app.store.residents.link('msteams', home.user, home, home.phone, now)).ok);
    }
    // A building-3 household without a chat account: it is a recipient (delivered on paper) and shows as pending.
    await app.store.households.upsert({ building: '3', unit: '2', room: '503', members: [{ name: '王芳', role: 'owner', phone: '13600136000' }] }, 'import');
    // A chat account not linked to any household.
    await app.store.references.save({ channelId: 'msteams', serviceUrl: connector.url, conversation: { id: 'res-conv-stranger' } as never, user: { id: 'stranger', name: 'stranger' }, bot: { id: 'propdesk-bot', name: 'PropDesk' } }, now);
    await app.store.residents.touch('msteams', 'stranger', {}, now);

    const notice = await app.store.notices.draft('s-eng-1', { title: '3栋停水通知', body: '11月28日9:00-12:00 3栋二次供水检修停水', kind: 'outage', building: '3' }, now);
    noticeId = notice._id;
  });
  after(async () => {
    await app?.stop();
    await connector?.stop();
  });

  it('sends nothing before approval', async () => {
    await assert.rejects(app.store.notices.publish('s-desk-1', noticeId, now), /only an approved notice/);
    await app.flushOutbox();
    assert.equal(connector.calls.length, 0);
  });

  it('publishes to every linked resident of the building, as a card with 已阅, once', async () => {
    await app.store.notices.check('s-desk-2', noticeId, now);
    await app.store.notices.approve('s-pm-1', noticeId, now);
    const result = await app.store.notices.publish('s-desk-1', noticeId, now);
    assert.deepEqual([result.households, result.cards], [3, 2]);
    await app.flushOutbox();
    assert.deepEqual(connector.calls.map((c) => c.conversationId).sort(), ['res-conv-r501', 'res-conv-r502']);
    for (const call of connector.calls) {
      const card = cardOf(call);
      assert.equal(card.version, '1.5');
      assert.ok(JSON.stringify(card).includes('3栋停水通知'));
      const [button] = card.actions as Array<{ type: string; title: string; verb: string; fallback: { type: string } }>;
      assert.deepEqual([button?.type, button?.title, button?.verb, button?.fallback.type], ['Action.Execute', '已阅', 'acknowledge-notice', 'Action.Submit']);
    }
    await app.store.notices.publish('s-desk-1', noticeId, now);
    await app.flushOutbox();
    assert.equal(connector.calls.length, 2, 'publishing again sends nothing twice');
  });

  it('stores acknowledgements per household (Execute and the Submit fallback); others cannot acknowledge', async () => {
    const first = await acknowledge(resident('r501'));
    assert.equal(first.statusCode, 200);
    assert.deepEqual(first.value.actions, [], 'the answered card has no button left');
    assert.match(JSON.stringify(first.value), /已阅 ✓（HY01-3-2-501 已签收）/);
    assert.equal((await acknowledge(resident('r501'))).statusCode, 200, 'pressing again is harmless');
    assert.equal((await acknowledge(resident('r5101'))).statusCode, 403, 'building 5 was not sent this notice');
    assert.equal((await acknowledge(resident('stranger'))).statusCode, 403);

    const client = resident('r502');
    const replies = await client.send(client.activity({ text: undefined, value: { verb: 'acknowledge-notice', notice: noticeId } }));
    assert.match(textsOf(replies), /已为您的房屋签收公告《3栋停水通知》/);

    const status = await app.store.notices.status(noticeId);
    assert.deepEqual(status.acknowledged.map((a) => a.householdId).sort(), ['HY01-3-2-501', 'HY01-3-2-502']);
    assert.deepEqual(status.pending, ['HY01-3-2-503']);
  });

  it('propdesk notice status shows who has and has not acknowledged', async () => {
    const env = { MONGODB_URI: `${testServerUri().replace(/\/$/, '')}/${app.store.connection.db!.databaseName}` };
    const json = await runNode(['dist/bot/cli/main.js', 'notice', 'status', noticeId, '--json'], { env });
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { households: number; acknowledged: Array<{ household: string }>; pending: string[] };
    assert.equal(report.households, 3);
    assert.deepEqual(report.acknowledged.map((a) => a.household).sort(), ['HY01-3-2-501', 'HY01-3-2-502']);
    assert.deepEqual(report.pending, ['HY01-3-2-503']);
    const text = await runNode(['dist/bot/cli/main.js', 'notice', 'status', noticeId], { env });
    assert.match(text.stdout, /2\/3 acknowledged/);
    assert.match(text.stdout, /pending\tHY01-3-2-503/);
    const missing = await runNode(['dist/bot/cli/main.js', 'notice', 'status', 'N-NOPE'], { env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no notice N-NOPE/);
  });

  it('residents asking for notices see the current ones for their building only', async () => {
    assert.match(textsOf(await resident('r501').say('公告')), /当前公告：[\s\S]*3栋停水通知/);
    assert.match(textsOf(await resident('r5101').say('公告')), /目前没有有效的公告/);
    assert.match(textsOf(await resident('stranger').say('notices')), /no current notices/);
  });
});
