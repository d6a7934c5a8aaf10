import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { RecordingConnector } from '../support/recording-connector.js';
import { startTestApp } from '../support/test-app.js';

const ARCHIVE_NO = 'HY01-3-2-501';
const FILE = /档案 HY01-3-2-501\n张伟 · owner · 13800138000/;
const HOUR = 3_600_000;

describe('household archives from staff chat', function () {
  this.timeout(60_000);
  let app: App;
  let connector: RecordingConnector;
  let now = new Date('2026-11-26T02:00:00Z');
  const tick = (ms = 1_000) => (now = new Date(now.getTime() + ms));
  const staff: Record<string, BotClient> = {};

  /** A staff chat (Teams-style) whose proactive messages reach the recording connector. */
  function staffClient(name: string): BotClient {
    return new BotClient(app.url, { id: `staff-${name}`, name }, `staff-conv-${name}`, 'msteams', connector.url);
  }
  async function say(name: string, text: string): Promise<string> {
    tick();
    return textsOf(await staff[name]!.say(text));
  }
  /** Everything the bot has sent to this person's chat proactively (through the outbox). */
  async function sentTo(name: string): Promise<string[]> {
    await app.flushOutbox();
    return connector.to(`staff-conv-${name}`).map((call) => call.activity.text ?? '');
  }
  const requestIdIn = (text: string) => /ARQ-[2-9A-Z]{6}/.exec(text)?.[0] ?? assert.fail(`no request id in: ${text}`);
  const auditTrail = async () => (await app.store.audit.forHousehold(ARCHIVE_NO)).reverse().map((e) => [e.actor?.id, e.action, e.outcome]);

  before(async () => {
    connector = await new RecordingConnector().start();
    app = await startTestApp({ label: 'archive_chat', app: { clock: () => now, outboxIntervalMs: 0 } });
    for (const [name, code] of [['desk', 'DESK-4Q8M'], ['agent', 'SVC-3H9T'], ['head', 'HEAD-6W1R'], ['pm', 'PM-8K2Z'], ['eng', 'ENG-7F3K']] as const) {
      staff[name] = staffClient(name);
      assert.match(textsOf(await staff[name]!.say(`绑定 ${code}`)), /绑定成功/);
    }
    await app.store.households.upsert({ building: '3', unit: '2', room: '501', members: [{ name: '张伟', role: 'owner', phone: '13800138000' }] }, 'import');
  });
  after(async () => {
    await app?.stop();
    await connector?.stop();
  });

  it('a desk read becomes a request; the head approves in chat; the file is shown for 24 hours, then a new request is needed', async () => {
    assert.match(await say('desk', '档案 HY01-3-2-501'), /查阅档案须说明理由/);
    const asked = await say('desk', '档案 hy01-3-2-501 核实报修地址');
    assert.match(asked, /须经部门负责人批准。已登记查档申请 ARQ-\w{6}，待 赵丽华、黄建国 批准/);
    assert.doesNotMatch(asked, /13800138000/);
    const id = requestIdIn(asked);
    for (const approver of ['head', 'pm']) {
      assert.deepEqual(await sentTo(approver), [`查档申请 ${id}：李娜（客户服务部）申请查阅档案 ${ARCHIVE_NO}，理由：核实报修地址。\n批准请回复“批准查档 ${id}”，驳回请回复“驳回查档 ${id} 理由”。`]);
    }
    assert.deepEqual(await sentTo('agent'), [], 'a colleague is not told');

    assert.match(await say('desk', '档案 HY01-3-2-501 再看一次'), new RegExp(`申请 ${id} 仍在等待 赵丽华、黄建国 批准，未重复申请`));
    assert.match(await say('eng', `批准查档 ${id}`), new RegExp(`您不能审批查档申请 ${id}：李娜 的申请须由其部门负责人或项目经理审批`));
    assert.match(await say('desk', `批准查档 ${id}`), /您不能审批/, 'nobody approves their own request');

    const approvedAt = tick();
    assert.match(await say('head', `批准查档 ${id.toLowerCase()}`), new RegExp(`已批准查档申请 ${id}：李娜 可在 2026-11-27 10:00 前查阅档案 ${ARCHIVE_NO}`));
    assert.deepEqual(await sentTo('desk'), [`您的查档申请 ${id}（档案 ${ARCHIVE_NO}）已由 赵丽华 批准，2026-11-27 10:00 前发送“档案 ${ARCHIVE_NO} 理由”即可查阅。`]);
    assert.match(await say('pm', `驳回查档 ${id} 理由不足`), new RegExp(`查档申请 ${id} 已由 赵丽华 批准，不能再审批`));

    const file = await say('desk', '档案 HY01-3-2-501 核实报修地址');
    assert.match(file, FILE);
    assert.match(file, new RegExp(`依查档申请 ${id} 查阅，2026-11-27 10:00 前有效`));

    now = new Date(approvedAt.getTime() + 24 * HOUR - 2_000);
    assert.match(await say('desk', '档案 HY01-3-2-501 核实报修地址'), FILE, 'still inside the 24 hours');
    tick();
    const expired = await say('desk', '档案 HY01-3-2-501 核实报修地址');
    assert.doesNotMatch(expired, /13800138000/);
    assert.notEqual(requestIdIn(expired), id);
    assert.match((await app.store.audit.forHousehold(ARCHIVE_NO, 1))[0]!.detail!, new RegExp(`previous request ${id} expired$`));

    assert.deepEqual(await auditTrail(), [
      ['s-desk-1', 'read-archive', 'refused'],
      ['s-desk-1', 'request-archive', 'allowed'],
      ['s-desk-1', 'request-archive', 'refused'],
      ['s-eng-1', 'approve-archive-request', 'refused'],
      ['s-desk-1', 'approve-archive-request', 'refused'],
      ['s-head-1', 'approve-archive-request', 'allowed'],
      ['s-pm-1', 'refuse-archive-request', 'refused'],
      ['s-desk-1', 'read-archive', 'allowed'],
      ['s-desk-1', 'read-archive', 'allowed'],
      ['s-desk-1', 'request-archive', 'allowed'],
    ]);
  });

  it('the project manager refuses in English, with a reason; the requester is told and still sees nothing', async () => {
    const asked = await say('agent', 'archive HY01-3-2-501 checking the owner before a callback');
    const id = requestIdIn(asked);
    assert.match(await say('pm', `archive refuse ${id}`), /Refusing a request needs a reason/);
    assert.match(await say('pm', `archive refuse ${id} the owner already confirmed by phone`), new RegExp(`Request ${id} refused \\(陈静 · file ${ARCHIVE_NO}\\)`));
    assert.deepEqual(await sentTo('agent'), [`您的查档申请 ${id}（档案 ${ARCHIVE_NO}）被 黄建国 驳回：the owner already confirmed by phone`]);
    assert.match(await say('head', `archive approve ${id}`), new RegExp(`Request ${id} was already refused by 黄建国`));
    const again = await say('agent', 'archive HY01-3-2-501 checking the owner before a callback');
    assert.doesNotMatch(again, /13800138000/);
    assert.notEqual(requestIdIn(again), id);
    assert.match(await say('pm', 'archive approve'), /Usage: archive approve <request id>/);
    assert.match(await say('pm', 'archive approve ARQ-NOSUCH'), /There is no archive request ARQ-NOSUCH/);
    const refusal = (await app.store.audit.forHousehold(ARCHIVE_NO)).find((e) => e.action === 'refuse-archive-request' && e.outcome === 'allowed');
    assert.deepEqual([refusal?.actor?.id, refusal?.reason], ['s-pm-1', 'the owner already confirmed by phone']);
  });

  it('the service head and the project manager read at once, self-approved in the log', async () => {
    assert.match(await say('head', '档案 HY01-3-2-501 投诉复核'), FILE);
    assert.match(await say('pm', 'archive HY01-3-2-501 legal review'), /File HY01-3-2-501\n张伟 · owner · 13800138000/);
    const reads = (await app.store.audit.forHousehold(ARCHIVE_NO, 2)).reverse();
    assert.deepEqual(reads.map((e) => [e.actor?.id, e.action, e.outcome, e.detail]), [
      ['s-head-1', 'read-archive', 'allowed', 'self-approved (service-head)'],
      ['s-pm-1', 'read-archive', 'allowed', 'self-approved (project-manager)'],
    ]);
  });

  it('shows a file in a private chat only: in a group chat even the project manager is asked to go private', async () => {
    tick();
    const inGroup = textsOf(await staff.pm!.send(staff.pm!.activity({ text: '档案 HY01-3-2-501 法务复核', conversation: { id: 'staff-team-channel', isGroup: true } })));
    assert.match(inGroup, /请在与我的私聊中查阅/);
    assert.doesNotMatch(inGroup, /13800138000|张伟/);
  });

  it('a resident cannot use the staff commands to read a file or decide a request', async () => {
    const before = (await app.store.audit.forHousehold(ARCHIVE_NO)).length;
    const resident = new BotClient(app.url, { id: 'resident-x', name: 'x' });
    assert.doesNotMatch(textsOf(await resident.say('档案 HY01-3-2-501 看看')), /13800138000|张伟|ARQ-/);
    assert.doesNotMatch(textsOf(await resident.say('批准查档 ARQ-AAAAAA')), /已批准/);
    assert.equal((await app.store.audit.forHousehold(ARCHIVE_NO)).length, before);
  });
});
