import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import { runRetentionJob } from '../../jobs/retention-job.js';
import { PermissionDeniedError } from '../../store/staff-permissions.js';
import { Store } from '../../store/store.js';
import { closeTestDatabase, openTestDatabase } from '../support/database.js';

const property = loadConfig({}).property;

describe('household archives: retention and the destruction register', function () {
  this.timeout(60_000);
  let connection: Connection;
  let store: Store;
  const now = new Date('2026-11-26T02:00:00Z');
  before(async () => {
    connection = await openTestDatabase('archive_retention');
    store = await Store.open(connection, property);
    for (const [room, departed] of [
      ['101', new Date('2023-06-01T00:00:00Z')],
      ['102', new Date('2023-01-01T00:00:00Z')],
      ['103', new Date('2024-06-01T00:00:00Z')],
      ['104', null],
    ] as const) {
      await store.households.upsert({ building: '9', room, members: [{ name: `住户${room}`, role: 'owner', phone: '13500000000' }] }, 'import', new Date('2018-01-01T00:00:00Z'));
      if (departed) await store.households.markDeparted(`HY01-9-${room}`, 's-desk-1', departed);
    }
    await store.households.setLegalHold('HY01-9-102', true, 's-head-1');
    await store.residents.touch('emulator', 'old-101', {});
    await store.residents.accounts.updateOne({ _id: 'emulator:old-101' }, { $set: { householdId: 'HY01-9-101' } });
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('lists only departed files past the retention period (3 years) and without a legal hold; destroys nothing without approval', async () => {
    const result = await runRetentionJob(store, () => now);
    assert.deepEqual(result.destroyed, []);
    assert.deepEqual(result.awaitingApproval.map((d) => d.archiveNo), ['HY01-9-101']);
    assert.equal(result.awaitingApproval[0]!.retainedUntil.toISOString(), '2026-06-01T00:00:00.000Z');
    assert.ok(await store.households.households.findOne({ archiveNo: 'HY01-9-101' }).lean());
  });

  it('only the project manager approves, with a witness, and only a due file', async () => {
    await assert.rejects(store.retention.approveDestruction('s-head-1', 'HY01-9-101', '赵丽华', now), PermissionDeniedError);
    await assert.rejects(store.retention.approveDestruction('s-pm-1', 'HY01-9-101', ' ', now), /witness/);
    await assert.rejects(store.retention.approveDestruction('s-pm-1', 'HY01-9-102', '赵丽华', now), /not due/, 'under a legal hold');
    await assert.rejects(store.retention.approveDestruction('s-pm-1', 'HY01-9-103', '赵丽华', now), /not due/, 'retention not over');
  });

  it('after approval the job destroys the file, unlinks its chat accounts and writes a register entry that stays', async () => {
    await store.retention.approveDestruction('s-pm-1', 'HY01-9-101', '赵丽华', now);
    const later = new Date(now.getTime() + 3_600_000);
    const result = await runRetentionJob(store, () => later);
    assert.deepEqual(result.destroyed, ['HY01-9-101']);
    assert.equal(await store.households.households.findOne({ archiveNo: 'HY01-9-101' }).lean(), null);
    assert.equal((await store.residents.get('emulator', 'old-101'))?.householdId, null);

    const again = await runRetentionJob(store, () => new Date(later.getTime() + 86_400_000));
    assert.deepEqual(again.destroyed, []);
    const register = await store.retention.registerEntries();
    assert.equal(register.length, 1);
    assert.deepEqual([register[0]!.archiveNo, register[0]!.approvedBy?.id, register[0]!.witness, register[0]!.memberCount], ['HY01-9-101', 's-pm-1', '赵丽华', 1]);
    assert.equal(register[0]!.destroyedAt.toISOString(), later.toISOString());
    const log = await store.audit.forHousehold('HY01-9-101');
    assert.deepEqual(log.map((e) => e.action), ['destroy-archive', 'approve-destruction']);
  });

  it('a longer hold: the file under legal dispute becomes due once the hold is lifted', async () => {
    assert.ok(!(await store.retention.due(now)).some((d) => d.archiveNo === 'HY01-9-102'));
    await store.households.setLegalHold('HY01-9-102', false, 's-head-1');
    assert.ok((await store.retention.due(now)).some((d) => d.archiveNo === 'HY01-9-102'));
  });
});
