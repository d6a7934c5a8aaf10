import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import { AccessRefusedError } from '../../store/confidential-access.js';
import { PermissionDeniedError } from '../../store/staff-permissions.js';
import { Store } from '../../store/store.js';
import { closeTestDatabase, openTestDatabase, testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';

const property = loadConfig({}).property;
const desk = { id: 's-desk-1', name: '李娜' };
const police = { kind: 'police' as const, name: '刘警官', organisation: '蜀山区公安分局', credential: '警官证 340100123456' };

describe('household archives: confidential reads and the access log', function () {
  this.timeout(60_000);
  let connection: Connection;
  let store: Store;
  const archiveNo = 'HY01-7-1-702';
  before(async () => {
    connection = await openTestDatabase('archive_access');
    store = await Store.open(connection, property);
    await store.households.upsert({ building: '7', unit: '1', room: '702', members: [{ name: '周杰', role: 'owner', phone: '13811112222' }] }, 'import');
    await store.households.addRecord(archiveNo, { kind: 'document', documentKind: 'lease-contract', title: '租赁合同', ref: 'archive://HY01/7-1-702/lease.pdf' }, 's-desk-1');
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('refuses a staff read without a reason and logs the refusal; a read with a reason returns the file and logs who, when, why', async () => {
    await assert.rejects(store.internalAccess.read('s-desk-1', archiveNo, ' '), AccessRefusedError);
    const read = await store.internalAccess.read('s-head-1', archiveNo, '核实租户信息');
    assert.equal(read.kind, 'file');
    const archive = read.kind === 'file' ? read.archive : null;
    assert.equal(archive?.household.members[0]?.phone, '13811112222');
    assert.equal(archive?.household.records[0]?.documentKind, 'lease-contract');
    const log = await store.audit.forHousehold(archiveNo);
    assert.deepEqual(log.map((e) => [e.actor?.id, e.action, e.outcome, e.reason, e.detail]), [
      ['s-head-1', 'read-archive', 'allowed', '核实租户信息', 'self-approved (service-head)'],
      ['s-desk-1', 'read-archive', 'refused', null, 'no reason given'],
    ]);
    assert.ok(log[0]!.at instanceof Date);
  });

  it('an external request needs credentials, a project manager approval, and is logged with the credentials at every step', async () => {
    await assert.rejects(store.externalAccess.register(desk, archiveNo, { ...police, credential: '' }, '刑事案件调查'), /without credential/);
    const id = await store.externalAccess.register(desk, archiveNo, police, '刑事案件调查');
    await assert.rejects(store.externalAccess.read(desk, id), AccessRefusedError, 'not approved yet');
    await assert.rejects(store.externalAccess.approve('s-head-1', id), PermissionDeniedError, 'only the project manager approves');
    await store.externalAccess.approve('s-pm-1', id);
    const archive = await store.externalAccess.read(desk, id);
    assert.equal(archive?.household.archiveNo, archiveNo);

    const log = (await store.audit.forHousehold(archiveNo)).reverse().slice(2);
    assert.deepEqual(log.map((e) => [e.actor?.id, e.action, e.outcome]), [
      ['s-desk-1', 'external-request', 'refused'],
      ['s-desk-1', 'external-request', 'allowed'],
      ['s-desk-1', 'external-read', 'refused'],
      ['s-head-1', 'approve-external-request', 'refused'],
      ['s-pm-1', 'approve-external-request', 'allowed'],
      ['s-desk-1', 'external-read', 'allowed'],
    ]);
    assert.match(log.at(-1)!.detail!, /police 刘警官, 蜀山区公安分局, credential 警官证 340100123456; approved by 黄建国/);
  });

  it('a full phone read is logged too', async () => {
    const { ticket } = await store.tickets.open({
      category: 'repair', source: 'chat', channel: 'emulator', text: '7栋1单元702水管漏水', intakeKey: 'access-phone-1',
      location: { building: '7', unit: '1', room: '702' }, householdId: archiveNo,
      resident: { accountId: 'emulator:u-7', phone: '13811112222' }, receiver: { kind: 'system', id: 'chat-intake', name: 'PropDesk' }, at: new Date(),
    } as never);
    assert.equal(await store.confidential.readResidentPhone({ id: 's-eng-1', name: '王师傅' }, ticket.number, '上门维修联系'), '13811112222');
    const [last] = await store.audit.forStaff('s-eng-1');
    assert.deepEqual([last?.action, last?.outcome, last?.reason, last?.householdId], ['read-phone', 'allowed', '上门维修联系', archiveNo]);
  });

  it('propdesk audit lists the log by household and by staff, for the service head or project manager only', async () => {
    const env = { MONGODB_URI: `${testServerUri().replace(/\/$/, '')}/${connection.db!.databaseName}` };
    const byHousehold = await runNode(['dist/bot/cli/main.js', 'audit', '--household', archiveNo, '--as', 's-head-1', '--json'], { env });
    assert.equal(byHousehold.code, 0, byHousehold.stderr);
    const rows = byHousehold.stdout.trim().split('\n').map((line) => JSON.parse(line) as { action: string; actor: string; reason: string | null });
    assert.ok(rows.some((r) => r.action === 'read-archive' && r.actor === 's-head-1' && r.reason === '核实租户信息'));
    assert.ok(rows.some((r) => r.action === 'external-read'));

    const byStaff = await runNode(['dist/bot/cli/main.js', 'audit', '--staff', 's-eng-1', '--as', 's-pm-1'], { env });
    assert.equal(byStaff.code, 0, byStaff.stderr);
    assert.match(byStaff.stdout, /s-eng-1\tread-phone\tticket-phone:\S+\tallowed\t上门维修联系/);

    const asDesk = await runNode(['dist/bot/cli/main.js', 'audit', '--staff', 's-eng-1', '--as', 's-desk-1'], { env });
    assert.equal(asDesk.code, 1);
    assert.match(asDesk.stderr, /may not readAuditLog/);
    const both = await runNode(['dist/bot/cli/main.js', 'audit', '--staff', 'x', '--household', 'y', '--as', 's-pm-1'], { env });
    assert.equal(both.code, 2);
  });
});
