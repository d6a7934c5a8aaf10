import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import { AccessRefusedError, maskPhone, maskPhonesIn } from '../../store/confidential-access.js';
import { Store } from '../../store/store.js';
import { closeTestDatabase, openTestDatabase } from '../support/database.js';

const property = loadConfig({}).property;

describe('households, residents, staff and the access log', () => {
  let connection: Connection;
  let store: Store;
  before(async () => {
    connection = await openTestDatabase('people');
    store = await Store.open(connection, property);
    await store.households.upsert(
      { building: '3', unit: '2', room: '501', members: [{ name: '张伟', role: 'owner', phone: '13800138000' }] },
      'import',
    );
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('numbers archives as property code + building + unit + room', async () => {
    const household = await store.households.households.findOne({ archiveNo: 'HY01-3-2-501' }).lean();
    assert.equal(household?.members[0]?.name, '张伟');
    assert.equal(store.households.archiveNoFor({ building: '12', room: '302' }), 'HY01-12-302');
  });

  it('keeps the old members as history when a household changes', async () => {
    await store.households.upsert({ building: '3', unit: '2', room: '501', members: [{ name: '张伟', role: 'owner', phone: '13800138000' }, { name: '李雷', role: 'tenant', phone: '13900139000' }] }, 'desk');
    const household = await store.households.households.findOne({ archiveNo: 'HY01-3-2-501' }).lean();
    assert.equal(household?.members.length, 2);
    assert.deepEqual(household?.history.map((h) => h.change), ['created', 'members-updated']);
    assert.equal((household?.history[1]?.before as Array<{ name: string }>)[0]?.name, '张伟');
  });

  it('links a chat account to a household only with a phone on file', async () => {
    await store.residents.touch('emulator', 'u-1', { name: 'Zhang' });
    const wrong = await store.residents.link('emulator', 'u-1', { building: '3', unit: '2', room: '501' }, '13000000000');
    assert.deepEqual(wrong, { ok: false, reason: 'no-match' });
    const nowhere = await store.residents.link('emulator', 'u-1', { building: '99', unit: '9', room: '909' }, '13800138000');
    assert.deepEqual(nowhere, { ok: false, reason: 'no-match' });
    const right = await store.residents.link('emulator', 'u-1', { building: '3', unit: '2', room: '501' }, '138 0013 8000');
    assert.deepEqual(right, { ok: true, archiveNo: 'HY01-3-2-501' });
    assert.equal((await store.residents.get('emulator', 'u-1'))?.householdId, 'HY01-3-2-501');
  });

  it('loads the roster and binds a chat account once per code', async () => {
    assert.equal(await store.staff.staff.countDocuments({ active: true }), property.staff.length);
    const bound = await store.staff.bind('eng-7f3k', { channelId: 'msteams', userId: 'aad-1', conversationKey: 'msteams:c1' });
    assert.ok(bound.ok && bound.staff._id === 's-eng-1');
    assert.ok((await store.staff.bind('ENG-7F3K', { channelId: 'msteams', userId: 'aad-1', conversationKey: 'msteams:c1' })).ok, 'rebinding the same account is fine');
    assert.deepEqual(await store.staff.bind('ENG-7F3K', { channelId: 'msteams', userId: 'aad-2', conversationKey: 'msteams:c2' }), { ok: false, reason: 'bound-elsewhere' });
    assert.deepEqual(await store.staff.bind('NOPE-0000', { channelId: 'msteams', userId: 'aad-3', conversationKey: 'msteams:c3' }), { ok: false, reason: 'unknown-code' });
    assert.equal((await store.staff.byAccount('msteams', 'aad-1'))?.name, '王师傅');
    assert.equal(await store.staff.byAccount('msteams', 'aad-2'), null);
    const unbound = await store.staff.unbound();
    assert.ok(!unbound.some((s) => s._id === 's-eng-1'));
    assert.equal(unbound.length, property.staff.length - 1);
  });

  it('keeps bindings when the roster is synced again and drops people who left', async () => {
    const trimmed = { ...property, staff: property.staff.filter((s) => s.id !== 's-eng-2') };
    const resynced = await Store.open(connection, trimmed);
    assert.equal((await resynced.staff.byAccount('msteams', 'aad-1'))?._id, 's-eng-1');
    assert.equal((await resynced.staff.byId('s-eng-2'))?.active, false);
    await Store.open(connection, property);
  });

  it('reads an archive only with a reason and an approval, and logs who, when and why', async () => {
    const second = (n: number) => new Date(Date.UTC(2026, 10, 26, 2, 0, n));
    await assert.rejects(store.internalAccess.read('s-desk-1', 'HY01-3-2-501', '', second(0)), AccessRefusedError);
    const asked = await store.internalAccess.read('s-desk-1', 'HY01-3-2-501', '核实报修地址', second(1));
    assert.equal(asked.kind, 'requested', 'a desk read needs the department head first');
    const read = await store.internalAccess.read('s-head-1', 'HY01-3-2-501', '核实报修地址', second(2));
    assert.equal(read.kind === 'file' ? read.archive.household.archiveNo : read.kind, 'HY01-3-2-501');
    const log = await store.audit.forHousehold('HY01-3-2-501');
    assert.deepEqual(log.map((e) => [e.actor?.id, e.action, e.outcome, e.reason]), [
      ['s-head-1', 'read-archive', 'allowed', '核实报修地址'],
      ['s-desk-1', 'request-archive', 'allowed', '核实报修地址'],
      ['s-desk-1', 'read-archive', 'refused', null],
    ]);
    assert.ok(log.every((e) => e.at instanceof Date));
    assert.equal((await store.audit.forStaff('s-desk-1')).length, 2);
  });

  it("reads a resident's full phone only with a reason, and logs it", async () => {
    const { ticket } = await store.tickets.open({
      intakeKey: 'people-phone-1',
      category: 'repair',
      source: 'chat',
      channel: 'emulator',
      text: '漏水',
      householdId: 'HY01-3-2-501',
      resident: { accountId: 'emulator:u-1' },
      receiver: { kind: 'system', id: 'chat-intake' },
      at: new Date(),
    });
    await assert.rejects(store.confidential.readResidentPhone({ id: 's-eng-1' }, ticket.number, undefined), AccessRefusedError);
    assert.equal(await store.confidential.readResidentPhone({ id: 's-eng-1' }, ticket.number, '上门维修联系'), '138 0013 8000');
    const log = await store.audit.forStaff('s-eng-1');
    assert.deepEqual(log.map((e) => [e.action, e.outcome]), [['read-phone', 'allowed'], ['read-phone', 'refused']]);
  });

  it('masks phone numbers for cards', () => {
    assert.equal(maskPhone('13800138000'), '138****8000');
    assert.equal(maskPhone('0551-62880000'), '0551-****0000');
    assert.equal(maskPhone(undefined), '');
  });

  it('masks phone numbers inside the resident\'s own words, and nothing else', () => {
    assert.equal(maskPhonesIn('3栋2单元501厨房漏水 13800138000'), '3栋2单元501厨房漏水 138****8000');
    assert.equal(maskPhonesIn('call 138-0013-8000 or 0551-62880000'), 'call 138****8000 or 0551-****0000');
    assert.equal(maskPhonesIn('+86 13912345678'), '139****5678');
    assert.equal(maskPhonesIn('订单号 2026112712345678，车牌皖A12345'), '订单号 2026112712345678，车牌皖A12345');
    assert.equal(maskPhonesIn('电话１３８００１３８０００'), '电话138****8000');
    assert.equal(maskPhonesIn('座机 0551 62880000 或 (0551)62880000 或 055162880000'), '座机 0551-****0000 或 0551-****0000 或 0551-****0000');
  });
});
