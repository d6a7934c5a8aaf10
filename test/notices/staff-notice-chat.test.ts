import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { startTestApp } from '../support/test-app.js';

describe('public notices from staff chat', function () {
  this.timeout(60_000);
  let app: App;
  const now = new Date('2026-11-26T02:00:00Z');
  const staff: Record<string, BotClient> = {};

  before(async () => {
    app = await startTestApp({ label: 'notice_chat', app: { clock: () => now, outboxIntervalMs: 0 } });
    for (const [id, code] of [['desk', 'DESK-4Q8M'], ['pm', 'PM-8K2Z'], ['eng', 'ENG-7F3K']] as const) {
      staff[id] = new BotClient(app.url, { id: `staff-${id}`, name: id }, `staff-conv-${id}`, 'msteams');
      assert.match(textsOf(await staff[id]!.say(`绑定 ${code}`)), /绑定成功/);
    }
    await app.store.households.upsert({ building: '3', unit: '2', room: '501', members: [{ name: '张伟', role: 'owner', phone: '13800138000' }] }, 'import');
  });
  after(async () => {
    await app?.stop();
  });

  it('checks, approves, publishes and reports a notice with the same role checks as the CLI', async () => {
    const { _id: id } = await app.store.notices.draft('s-eng-1', { title: '消防演练', body: '12月1日上午消防演练', kind: 'safety' }, now);
    assert.match(textsOf(await staff.eng!.say(`notice check ${id}`)), /Not done: s-eng-1 \(technician\) may not checkNotice/);
    assert.match(textsOf(await staff.desk!.say(`公告发布 ${id}`)), /无法操作：.*only an approved notice can be published/);
    assert.match(textsOf(await staff.desk!.say(`公告审核 ${id}`)), new RegExp(`公告 ${id} 已审核`));
    assert.match(textsOf(await staff.desk!.say(`公告批准 ${id}`)), /无法操作：.*may not approveNotice/);
    assert.match(textsOf(await staff.pm!.say(`公告批准 ${id}`)), new RegExp(`公告 ${id} 已批准`));
    assert.match(textsOf(await staff.desk!.say(`公告发布 ${id}`)), new RegExp(`公告 ${id} 已发布：1 户`));
    assert.match(textsOf(await staff.desk!.say(`公告状态 ${id}`)), /0\/1 户已签收；未签收：HY01-3-2-501/);
    const notice = await app.store.notices.get(id);
    assert.deepEqual(notice.steps.map((s) => [s.step, s.by?.id]), [['drafted', 's-eng-1'], ['checked', 's-desk-1'], ['approved', 's-pm-1'], ['published', 's-desk-1']]);
  });
});
