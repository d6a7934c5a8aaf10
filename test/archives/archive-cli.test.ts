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

  it('households show needs a reason and leaves an access-log entry', async () => {
    const noReason = await cli('households', 'show', 'HY01-8-808', '--as', 's-desk-1');
    assert.equal(noReason.code, 2);
    const shortReason = await cli('households', 'show', 'HY01-8-808', '--reason', ' ', '--as', 's-desk-1');
    assert.equal(shortReason.code, 1);
    assert.match(shortReason.stderr, /needs a reason/);
    const shown = await cli('households', 'show', 'HY01-8-808', '--reason', '业主来电核实', '--as', 's-desk-1');
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal((JSON.parse(shown.stdout) as { household: { members: Array<{ phone: string }> } }).household.members[0]?.phone, '13312345678');
    const log = await store.audit.forHousehold('HY01-8-808');
    assert.deepEqual(log.map((e) => [e.actor?.id, e.outcome, e.reason]), [['s-desk-1', 'allowed', '业主来电核实'], ['s-desk-1', 'refused', null]]);
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
