import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { startTestApp } from '../support/test-app.js';

describe('household archives from staff chat', function () {
  this.timeout(60_000);
  let app: App;
  let desk: BotClient;

  before(async () => {
    app = await startTestApp({ label: 'archive_chat', app: { outboxIntervalMs: 0 } });
    desk = new BotClient(app.url, { id: 'staff-desk', name: 'desk' }, 'staff-conv-desk', 'msteams');
    assert.match(textsOf(await desk.say('绑定 DESK-4Q8M')), /绑定成功/);
    await app.store.households.upsert({ building: '3', unit: '2', room: '501', members: [{ name: '张伟', role: 'owner', phone: '13800138000' }] }, 'import');
  });
  after(async () => {
    await app?.stop();
  });

  it('shows a file only with a reason, and logs the read and the refusal', async () => {
    assert.match(textsOf(await desk.say('档案 HY01-3-2-501')), /查阅档案须说明理由/);
    assert.match(textsOf(await desk.say('档案 hy01-3-2-501 核实报修地址')), /档案 HY01-3-2-501\n张伟 · owner · 13800138000/);
    const log = await app.store.audit.forHousehold('HY01-3-2-501');
    assert.deepEqual(log.map((e) => [e.actor?.id, e.action, e.outcome, e.reason]), [
      ['s-desk-1', 'read-archive', 'allowed', '核实报修地址'],
      ['s-desk-1', 'read-archive', 'refused', null],
    ]);
  });

  it('a resident cannot use the staff command to read a file', async () => {
    const resident = new BotClient(app.url, { id: 'resident-x', name: 'x' });
    assert.doesNotMatch(textsOf(await resident.say('档案 HY01-3-2-501 看看')), /13800138000|张伟/);
    assert.equal((await app.store.audit.forHousehold('HY01-3-2-501')).length, 2);
  });
});
