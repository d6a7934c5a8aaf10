import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import { Store } from '../../store/store.js';
import { closeTestDatabase, openTestDatabase, testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';

const property = loadConfig({}).property;

describe('household archives from the CLI: audited reads, departure, retention job', function () {
  this.timeout(90_000);
  let connection: Connection;
  let store: Store;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runNode(['dist/bot/cli/main.js', ...args], { env });
  before(async () => {
    connection = await openTestDatabase('archive_cli');
    store = await Store.open(connection, property);
    env = { MONGODB_URI: `${testServerUri().replace(/\/$/, '')}/${connection.db!.databaseName}` };
    await store.households.upsert({ building: '8', room: '808', members: [{ name: '吴敏', role: 'owner', phone: '13312345678' }] }, 'import');
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('households show needs a reason; a desk read records a request, `propdesk archive approve` by the head lets it through', async () => {
    const noReason = await cli('households', 'show', 'HY01-8-808', '--as', 's-desk-1');
    assert.equal(noReason.code, 2);
    const shortReason = await cli('households', 'show', 'HY01-8-808', '--reason', ' ', '--as', 's-desk-1');
    assert.equal(shortReason.code, 1);
    assert.match(shortReason.stderr, /needs a reason/);
    const asked = await cli('households', 'show', 'HY01-8-808', '--reason', '业主来电核实', '--as', 's-desk-1');
    assert.equal(asked.code, 1);
    assert.equal(asked.stdout, '');
    const id = /needs approval: request (ARQ-\w{6}) recorded, for s-head-1 赵丽华, s-pm-1 黄建国/.exec(asked.stderr)?.[1] ?? assert.fail(asked.stderr);
    const again = await cli('households', 'show', 'HY01-8-808', '--reason', '业主来电核实', '--as', 's-desk-1');
    assert.match(again.stderr, new RegExp(`request ${id} is still pending`));

    const byEngineer = await cli('archive', 'approve', id, '--as', 's-eng-1');
    assert.equal(byEngineer.code, 1);
    assert.match(byEngineer.stderr, new RegExp(`s-eng-1 may not decide ${id}`));
    const approved = await cli('archive', 'approve', id, '--as', 's-head-1');
    assert.equal(approved.code, 0, approved.stderr);
    assert.match(approved.stdout, new RegExp(`^${id} approved: s-desk-1 may read HY01-8-808 until \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\n$`));
    const twice = await cli('archive', 'approve', id, '--as', 's-pm-1');
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, new RegExp(`${id} was already approved by 赵丽华 \\(s-head-1\\)`));

    const shown = await cli('households', 'show', 'HY01-8-808', '--reason', '业主来电核实', '--as', 's-desk-1');
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal((JSON.parse(shown.stdout) as { household: { members: Array<{ phone: string }> } }).household.members[0]?.phone, '13312345678');
    const log = (await store.audit.forHousehold('HY01-8-808')).reverse();
    assert.deepEqual(log.map((e) => [e.actor?.id, e.action, e.outcome]), [
      ['s-desk-1', 'read-archive', 'refused'],
      ['s-desk-1', 'request-archive', 'allowed'],
      ['s-desk-1', 'request-archive', 'refused'],
      ['s-eng-1', 'approve-archive-request', 'refused'],
      ['s-head-1', 'approve-archive-request', 'allowed'],
      ['s-pm-1', 'approve-archive-request', 'refused'],
      ['s-desk-1', 'read-archive', 'allowed'],
    ]);
    assert.match(log.at(-1)!.detail!, new RegExp(`^${id} approved by 赵丽华 \\(s-head-1\\)`));
  });

  it('propdesk archive pending lists what an approver may decide; refuse needs --reason; the service head reads at once', async () => {
    const asked = await store.internalAccess.read('s-agent-1', 'HY01-8-808', '回访前核实');
    const id = asked.kind === 'requested' ? asked.request._id : assert.fail(asked.kind);
    const pending = await cli('archive', 'pending', '--as', 's-head-1');
    assert.equal(pending.code, 0, pending.stderr);
    assert.match(pending.stdout, new RegExp(`^${id}\\t\\S+ \\S+\\ts-agent-1 陈静\\tHY01-8-808\\t回访前核实\\n$`));
    assert.equal((await cli('archive', 'refuse', id, '--as', 's-head-1')).code, 2);
    const refused = await cli('archive', 'refuse', id, '--reason', '请直接联系业主', '--as', 's-head-1');
    assert.equal(refused.code, 0, refused.stderr);
    assert.equal(refused.stdout, `${id} refused\n`);
    assert.equal((await cli('archive', 'pending', '--as', 's-head-1')).stdout, '');
    const missing = await cli('archive', 'approve', 'ARQ-NOSUCH', '--as', 's-pm-1');
    assert.deepEqual([missing.code, missing.stderr.trim()], [1, 'propdesk: no archive request ARQ-NOSUCH']);
    const byHead = await cli('households', 'show', 'HY01-8-808', '--reason', '投诉复核', '--as', 's-head-1');
    assert.equal(byHead.code, 0, byHead.stderr);
    assert.equal((await store.audit.forStaff('s-head-1', 1))[0]?.detail, 'self-approved (service-head)');
  });

  it('depart, then job retention lists it once due, approve-destruction by the project manager, job retention destroys it', async () => {
    assert.equal((await cli('households', 'depart', 'HY01-8-808', '--as', 's-desk-1')).code, 0);
    await store.households.households.updateOne({ archiveNo: 'HY01-8-808' }, { $set: { departedAt: new Date('2022-01-10T00:00:00Z') } });

    const listed = await cli('job', 'retention', '--now', '2026-11-26T10:00:00+08:00');
    assert.equal(listed.code, 0, listed.stderr);
    const first = JSON.parse(listed.stdout) as { result: { destroyed: string[]; awaitingApproval: Array<{ archiveNo: string }> } };
    assert.deepEqual(first.result.destroyed, []);
    assert.deepEqual(first.result.awaitingApproval.map((d) => d.archiveNo), ['HY01-8-808']);

    const byDesk = await cli('households', 'approve-destruction', 'HY01-8-808', '--witness', '赵丽华', '--as', 's-desk-1');
    assert.equal(byDesk.code, 1);
    assert.equal((await cli('households', 'approve-destruction', 'HY01-8-808', '--witness', '赵丽华', '--as', 's-pm-1')).code, 0);

    const destroyed = await cli('job', 'retention', '--now', '2026-11-27T10:00:00+08:00');
    assert.equal(destroyed.code, 0, destroyed.stderr);
    assert.deepEqual((JSON.parse(destroyed.stdout) as typeof first).result.destroyed, ['HY01-8-808']);
    assert.equal(await store.households.households.countDocuments({ archiveNo: 'HY01-8-808' }), 0);
    assert.equal((await store.retention.registerEntries())[0]?.witness, '赵丽华');
  });
});
