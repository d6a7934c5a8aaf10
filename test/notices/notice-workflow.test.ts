import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import { runNoticesJob } from '../../jobs/notices-job.js';
import { NoticeRuleError } from '../../store/notices.js';
import { PermissionDeniedError } from '../../store/staff-permissions.js';
import { Store } from '../../store/store.js';
import { closeTestDatabase, openTestDatabase } from '../support/database.js';

const property = loadConfig({}).property;
const DAY = 86_400_000;

describe('public notices: draft, check, approve, publish, expire', function () {
  this.timeout(60_000);
  let connection: Connection;
  let store: Store;
  const t0 = new Date('2026-11-26T01:00:00Z');
  before(async () => {
    connection = await openTestDatabase('notice_workflow');
    store = await Store.open(connection, property);
    await store.households.upsert({ building: '3', unit: '2', room: '501', members: [{ name: '张伟', role: 'owner', phone: '13800138000' }] }, 'import');
    await store.households.upsert({ building: '5', room: '101', members: [{ name: '赵六', role: 'owner', phone: '13700137000' }] }, 'import');
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('a price notice must reference the approving document', async () => {
    await assert.rejects(store.notices.draft('s-desk-1', { title: '物业费调整', body: '自明年起…', kind: 'price' }, t0), NoticeRuleError);
    const notice = await store.notices.draft('s-desk-1', { title: '物业费调整', body: '自明年起…', kind: 'price', approvingDocument: '合价〔2026〕12号' }, t0);
    assert.equal(notice.approvingDocument, '合价〔2026〕12号');
  });

  it('records each step with who and when; an unapproved notice cannot be published; roles are checked', async () => {
    const notice = await store.notices.draft('s-eng-1', { title: '停水通知', body: '11月28日9:00-12:00 3栋停水检修', kind: 'outage' }, t0);
    await assert.rejects(store.notices.publish('s-desk-1', notice._id, t0), /only an approved notice can be published/);
    await assert.rejects(store.notices.approve('s-pm-1', notice._id, t0), /is draft, not checked/, 'approval comes after the check');
    await assert.rejects(store.notices.check('s-eng-1', notice._id, t0), PermissionDeniedError, 'customer service checks');
    await store.notices.check('s-desk-2', notice._id, new Date(t0.getTime() + 60_000));
    await assert.rejects(store.notices.publish('s-desk-1', notice._id, t0), /is checked; only an approved notice/);
    await assert.rejects(store.notices.approve('s-head-1', notice._id, t0), PermissionDeniedError, 'the project manager approves');
    await store.notices.approve('s-pm-1', notice._id, new Date(t0.getTime() + 120_000));
    await assert.rejects(store.notices.publish('s-eng-1', notice._id, t0), PermissionDeniedError, 'customer service publishes');
    const { notice: published, households } = await store.notices.publish('s-desk-1', notice._id, new Date(t0.getTime() + 180_000));
    assert.equal(published.status, 'published');
    assert.equal(households, 2);
    assert.deepEqual(
      published.steps.map((s) => [s.step, s.by?.id, s.at.getTime() - t0.getTime()]),
      [['drafted', 's-eng-1', 0], ['checked', 's-desk-2', 60_000], ['approved', 's-pm-1', 120_000], ['published', 's-desk-1', 180_000]],
    );
  });

  it('a notice without an end date expires after 7 days: archived by the notices job, not deleted', async () => {
    const notice = await store.notices.draft('s-desk-1', { title: '电梯保养', body: '本周电梯保养', kind: 'general' }, t0);
    await store.notices.check('s-desk-2', notice._id, t0);
    await store.notices.approve('s-pm-1', notice._id, t0);
    await store.notices.publish('s-desk-1', notice._id, t0);
    assert.equal((await store.notices.get(notice._id)).expiresAt?.getTime(), t0.getTime() + 7 * DAY);
    assert.ok((await store.notices.current(new Date(t0.getTime() + 6 * DAY))).some((n) => n._id === notice._id));

    assert.ok(!(await runNoticesJob(store, () => new Date(t0.getTime() + 7 * DAY - 1000))).archived.includes(notice._id), 'still shown on day 7');
    const { archived } = await runNoticesJob(store, () => new Date(t0.getTime() + 7 * DAY));
    assert.ok(archived.includes(notice._id));
    const stored = await store.notices.get(notice._id);
    assert.equal(stored.status, 'archived');
    assert.equal(stored.steps.at(-1)?.step, 'archived');
    assert.ok(!(await store.notices.current(new Date(t0.getTime() + 7 * DAY))).some((n) => n._id === notice._id));
    assert.ok(!(await runNoticesJob(store, () => new Date(t0.getTime() + 8 * DAY))).archived.includes(notice._id), 'archived once');
  });

  it('a notice with an end date is shown until then; a building notice only to that building', async () => {
    const notice = await store.notices.draft('s-desk-1', { title: '5栋外墙施工', body: '5栋外墙施工一个月', kind: 'renovation', building: '5', validUntil: new Date(t0.getTime() + 30 * DAY) }, t0);
    await store.notices.check('s-desk-2', notice._id, t0);
    await store.notices.approve('s-pm-1', notice._id, t0);
    const { households } = await store.notices.publish('s-desk-1', notice._id, t0);
    assert.equal(households, 1);
    const day20 = new Date(t0.getTime() + 20 * DAY);
    assert.ok((await store.notices.current(day20, 'HY01-5-101')).some((n) => n._id === notice._id));
    assert.ok(!(await store.notices.current(day20, 'HY01-3-2-501')).some((n) => n._id === notice._id));
    assert.ok(!(await store.notices.current(day20, null)).some((n) => n._id === notice._id));
    assert.ok(!(await runNoticesJob(store, () => day20)).archived.includes(notice._id));
  });
});
