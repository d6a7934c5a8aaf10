import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import { Store } from '../../store/store.js';
import { closeTestDatabase, openTestDatabase } from '../support/database.js';

const property = loadConfig({}).property;
const HOUR = 3_600_000;

describe('internal archive requests: department head approval, 24-hour window, one decision', function () {
  this.timeout(60_000);
  let connection: Connection;
  let store: Store;
  const archiveNo = 'HY01-6-1-601';
  const t0 = new Date('2026-11-26T02:00:00Z');
  const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
  before(async () => {
    connection = await openTestDatabase('archive_internal');
    store = await Store.open(connection, property);
    await store.households.upsert({ building: '6', unit: '1', room: '601', members: [{ name: '钱芳', role: 'owner', phone: '13922223333' }] }, 'import');
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('request → pending → head approves → read within 24 h → expired after → refused request grants nothing', async () => {
    const asked = await store.internalAccess.read('s-desk-1', archiveNo, '核实业主信息', at(0));
    assert.equal(asked.kind, 'requested');
    if (asked.kind !== 'requested') return;
    const id = asked.request._id;
    assert.match(id, /^ARQ-[2-9A-Z]{6}$/);
    assert.deepEqual(asked.approvers.map((a) => a._id).sort(), ['s-head-1', 's-pm-1']);

    const again = await store.internalAccess.read('s-desk-1', archiveNo, '再次申请', at(0.1));
    assert.deepEqual([again.kind, again.kind === 'pending' && again.request._id], ['pending', id]);
    assert.equal(await connection.collection('internalAccessRequests').countDocuments({ archiveNo }), 1);

    assert.equal((await store.internalAccess.approve('s-desk-2', id, at(0.2))).ok, false);
    assert.equal((await store.internalAccess.approve('s-desk-1', id, at(0.3))).ok, false, 'nobody approves their own request');
    const approved = await store.internalAccess.approve('s-head-1', id, at(1));
    assert.equal(approved.ok, true);
    assert.equal(approved.ok && approved.decision.expiresAt?.toISOString(), at(25).toISOString());
    const late = await store.internalAccess.refuse('s-pm-1', id, '理由不足', at(1.5));
    assert.deepEqual([late.ok, !late.ok && late.reason], [false, 'already-decided']);

    const read = await store.internalAccess.read('s-desk-1', archiveNo, '核实业主信息', at(24.9));
    assert.equal(read.kind, 'file');
    assert.equal(read.kind === 'file' && read.archive.household.members[0]?.phone, '13922223333');
    assert.equal(read.kind === 'file' && read.requestId, id);

    const expired = await store.internalAccess.read('s-desk-1', archiveNo, '核实业主信息', at(25));
    assert.equal(expired.kind, 'requested', 'after 24 hours a new request is needed');
    const second = expired.kind === 'requested' ? expired.request._id : '';
    assert.notEqual(second, id);
    assert.deepEqual(await store.internalAccess.refuse('s-head-1', second, ' ', at(25.5)).then((o) => !o.ok && o.reason), 'needs-reason');
    assert.equal((await store.internalAccess.refuse('s-head-1', second, '已有业主授权书，无需查阅', at(26))).ok, true);
    const afterRefusal = await store.internalAccess.read('s-desk-1', archiveNo, '核实业主信息', at(27));
    assert.equal(afterRefusal.kind, 'requested', 'a refused request grants nothing');

    const log = (await store.audit.forHousehold(archiveNo)).reverse();
    assert.deepEqual(
      log.map((e) => [e.actor?.id, e.action, e.outcome]),
      [
        ['s-desk-1', 'request-archive', 'allowed'],
        ['s-desk-1', 'request-archive', 'refused'],
        ['s-desk-2', 'approve-archive-request', 'refused'],
        ['s-desk-1', 'approve-archive-request', 'refused'],
        ['s-head-1', 'approve-archive-request', 'allowed'],
        ['s-pm-1', 'refuse-archive-request', 'refused'],
        ['s-desk-1', 'read-archive', 'allowed'],
        ['s-desk-1', 'request-archive', 'allowed'],
        ['s-head-1', 'refuse-archive-request', 'refused'],
        ['s-head-1', 'refuse-archive-request', 'allowed'],
        ['s-desk-1', 'request-archive', 'allowed'],
      ],
    );
    assert.match(log[0]!.detail!, new RegExp(`^${id} awaits approval by 赵丽华 \\(s-head-1\\), 黄建国 \\(s-pm-1\\)$`));
    assert.match(log[6]!.detail!, new RegExp(`^${id} approved by 赵丽华 \\(s-head-1\\), valid until 2026-11-27T11:00:00\\+08:00$`));
    assert.match(log[7]!.detail!, new RegExp(`previous request ${id} expired$`));
    assert.equal(log[9]!.reason, '已有业主授权书，无需查阅');
    assert.match(log[10]!.detail!, new RegExp(`previous request ${second} refused$`));
  });

  it("an engineer's request is the project manager's to decide, not the service head's", async () => {
    const asked = await store.internalAccess.read('s-eng-1', archiveNo, '上门维修核实房号', at(30));
    assert.equal(asked.kind, 'requested');
    if (asked.kind !== 'requested') return;
    assert.deepEqual(asked.approvers.map((a) => a._id), ['s-pm-1']);
    const byHead = await store.internalAccess.approve('s-head-1', asked.request._id, at(30.1));
    assert.deepEqual([byHead.ok, !byHead.ok && byHead.reason], [false, 'not-an-approver']);
    assert.deepEqual((await store.internalAccess.pendingFor('s-pm-1')).map((r) => r.requester.id).sort(), ['s-desk-1', 's-eng-1']);
    assert.deepEqual((await store.internalAccess.pendingFor('s-head-1')).map((r) => r.requester.id), ['s-desk-1']);
    assert.equal((await store.internalAccess.approve('s-pm-1', asked.request._id, at(30.2))).ok, true);
    assert.deepEqual((await store.internalAccess.pendingFor('s-pm-1')).map((r) => r.requester.id), ['s-desk-1']);
  });

  it('two requests at once record one; approve and refuse at once: exactly one decision wins', async () => {
    const [a, b] = await Promise.all([
      store.internalAccess.read('s-agent-1', archiveNo, '回访前核实', at(40)),
      store.internalAccess.read('s-agent-1', archiveNo, '回访前核实', at(40)),
    ]);
    assert.deepEqual([a.kind, b.kind].sort(), ['pending', 'requested']);
    assert.equal(await connection.collection('internalAccessRequests').countDocuments({ 'requester.id': 's-agent-1' }), 1);
    const id = a.kind === 'requested' ? a.request._id : b.kind === 'requested' ? b.request._id : '';

    const outcomes = await Promise.all([store.internalAccess.approve('s-head-1', id, at(41)), store.internalAccess.refuse('s-pm-1', id, '不予批准', at(41))]);
    assert.equal(outcomes.filter((o) => o.ok).length, 1);
    assert.deepEqual(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.reason), ['already-decided']);
    const winner = outcomes.find((o) => o.ok)!;
    const stored = await store.internalAccess.get(id);
    assert.equal(stored?.decision?.outcome, winner.ok ? winner.decision.outcome : null);
    assert.equal(stored?.request.status, stored?.decision?.outcome);
  });

  it('a head or the project manager reads at once, self-approved in the log; no request is made', async () => {
    for (const [staffId, role] of [['s-head-1', 'service-head'], ['s-pm-1', 'project-manager']] as const) {
      const read = await store.internalAccess.read(staffId, archiveNo, '投诉复核', at(50));
      assert.equal(read.kind, 'file');
      const [entry] = await store.audit.forStaff(staffId, 1);
      assert.deepEqual([entry?.action, entry?.outcome, entry?.detail], ['read-archive', 'allowed', `self-approved (${role})`]);
    }
    assert.equal(await connection.collection('internalAccessRequests').countDocuments({ 'requester.id': { $in: ['s-head-1', 's-pm-1'] } }), 0);
    assert.equal((await store.internalAccess.read('s-desk-1', 'HY01-99-999', '核实', at(50))).kind, 'not-found');
  });
});
