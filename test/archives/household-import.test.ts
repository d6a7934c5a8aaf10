import { userInfo } from 'node:os';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import { importHouseholds, planHouseholdImport } from '../../store/household-import.js';
import { Store } from '../../store/store.js';
import { closeTestDatabase, openTestDatabase, testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';

const property = loadConfig({}).property;
const HEADER = 'building,unit,room,name,role,phone,moved_in';

const BAD_CSV = [
  HEADER,
  '3,2,501,张伟,owner,13800138000,2020-05-01',
  '3,2,501,李雷,boss,13900139000,2021-01-01',
  '3,2,502,,tenant,13900139001,2021-01-01',
  '3,2,503,王芳,owner,12ab,2021-13-40',
  '5,,101,赵六,owner,13700137000,2019-07-01',
  '5,,102,钱七,owner',
].join('\n');

const GOOD_CSV = [HEADER, '3,2,501,张伟,owner,13800138000,2020-05-01', '3,2,501,李雷,tenant,13900139000,2021-01-01', '5,,101,赵六,owner,13700137000,2019-07-01'].join('\n');

function dbUri(connection: Connection): string {
  return `${testServerUri().replace(/\/$/, '')}/${connection.db!.databaseName}`;
}

describe('household archives: import', function () {
  this.timeout(60_000);
  let connection: Connection;
  let store: Store;
  let dir: string;
  before(async () => {
    connection = await openTestDatabase('archive_import');
    store = await Store.open(connection, property);
    dir = mkdtempSync(join(tmpdir(), 'propdesk-import-'));
  });
  after(async () => {
    await closeTestDatabase(connection);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports every bad CSV row by its line number and imports nothing', async () => {
    const plan = planHouseholdImport(BAD_CSV, 'csv', (l) => store.households.archiveNoFor(l));
    assert.deepEqual(plan.errors.map((e) => e.line), [3, 4, 5, 7]);
    assert.match(plan.errors[0]!.message, /role "boss"/);
    assert.match(plan.errors[1]!.message, /name is missing/);
    assert.match(plan.errors[2]!.message, /phone "12ab".*moved_in "2021-13-40"/);
    assert.match(plan.errors[3]!.message, /moved_in/);
    assert.deepEqual(plan.households, []);
    await assert.rejects(importHouseholds(store.households, plan, 'test', new Date()), /nothing imported/);
    assert.equal(await store.households.households.countDocuments(), 0);
  });

  it('reports bad JSON rows by the line each row starts on', () => {
    const json = `[
  {"building": "3", "unit": "2", "room": "501", "name": "张伟", "role": "owner", "phone": "13800138000", "moved_in": "2020-05-01"},
  {"building": "3", "unit": "2", "room": "501",
   "name": "李雷", "role": "tenant", "phone": "13900139000", "moved_in": "yesterday"},
  {"building": "3", "room": "501", "name": "X", "role": "owner", "moved_in": "2020-01-01", "colour": "red"}
]`;
    const plan = planHouseholdImport(json, 'json', (l) => store.households.archiveNoFor(l));
    assert.deepEqual(plan.errors.map((e) => e.line), [3, 5]);
    assert.match(plan.errors[1]!.message, /unknown field colour/);
  });

  it('refuses a file whose header is wrong, naming line 1', () => {
    const plan = planHouseholdImport('building,room,name\n3,501,张伟', 'csv', (l) => store.households.archiveNoFor(l));
    assert.equal(plan.errors.length, 1);
    assert.equal(plan.errors[0]!.line, 1);
    assert.match(plan.errors[0]!.message, /missing unit, role, phone, moved_in/);
  });

  it('CLI: a bad file exits 1, lists every bad row and imports nothing; --dry-run of a clean file imports nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, BAD_CSV);
    const env = { MONGODB_URI: dbUri(connection) };
    const failed = await runNode(['dist/bot/cli/main.js', 'households', 'import', bad, '--as', 's-desk-1'], { env });
    assert.equal(failed.code, 1);
    for (const line of [3, 4, 5, 7]) assert.match(failed.stderr, new RegExp(`bad\\.csv:${line}: `));
    assert.match(failed.stderr, /4 bad row\(s\).*nothing imported/);
    assert.ok(!/\n\s+at /.test(failed.stderr), 'no stack trace');

    const good = join(dir, 'good.csv');
    writeFileSync(good, `\uFEFF${GOOD_CSV}\n`);
    const dry = await runNode(['dist/bot/cli/main.js', 'households', 'import', good, '--dry-run'], { env });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /3 rows, 2 households, no errors/);
    assert.equal(await store.households.households.countDocuments(), 0);
  });

  it('CLI: importing as a staff member needs a role that manages archives', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, GOOD_CSV);
    const env = { MONGODB_URI: dbUri(connection) };
    const technician = await runNode(['dist/bot/cli/main.js', 'households', 'import', good, '--as', 's-eng-1'], { env });
    assert.equal(technician.code, 1);
    assert.match(technician.stderr, /may not manageArchives/);
    assert.equal(await store.households.households.countDocuments(), 0);

    const imported = await runNode(['dist/bot/cli/main.js', 'households', 'import', good, '--as', 's-desk-1'], { env });
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /2 households created or updated/);
    const household = await store.households.households.findOne({ archiveNo: 'HY01-3-2-501' }).lean();
    assert.deepEqual(household?.members.map((m) => [m.name, m.role]), [['张伟', 'owner'], ['李雷', 'tenant']]);
    assert.equal(household?.history[0]?.by, 'import:s-desk-1');
    assert.ok(await store.households.households.findOne({ archiveNo: 'HY01-5-101' }).lean());

    const again = await runNode(['dist/bot/cli/main.js', 'households', 'import', good, '--as', 's-desk-1'], { env });
    assert.match(again.stdout, /0 households created or updated, 2 unchanged/);
  });

  it('CLI: without --as the import is recorded as the shell account running it', async () => {
    const file = join(dir, 'operator.csv');
    writeFileSync(file, [HEADER, '9,1,901,王芳,owner,13500135000,2025-05-01'].join('\n'));
    const result = await runNode(['dist/bot/cli/main.js', 'households', 'import', file], { env: { MONGODB_URI: dbUri(connection) } });
    assert.equal(result.code, 0, result.stderr);
    const household = await store.households.households.findOne({ archiveNo: 'HY01-9-1-901' }).lean();
    assert.equal(household?.history[0]?.by, `import:operator:${userInfo().username}`);
  });

  it('keeps the old members as history: a new owner, a tenant who leaves, a departure', async () => {
    const archiveNo = 'HY01-3-2-501';
    const plan = planHouseholdImport([HEADER, '3,2,501,孙丽,owner,13600136000,2026-03-01', '3,2,501,李雷,tenant,13900139000,2021-01-01'].join('\n'), 'csv', (l) => store.households.archiveNoFor(l));
    assert.deepEqual(plan.errors, []);
    await importHouseholds(store.households, plan, 'import:s-desk-1', new Date('2026-03-02T00:00:00Z'));
    await store.households.moveOut(archiveNo, '李雷', 's-desk-1', new Date('2026-04-01T00:00:00Z'));
    let household = (await store.households.households.findOne({ archiveNo }).lean())!;
    assert.deepEqual(household.history.map((h) => h.change), ['created', 'members-updated', 'member-moved-out']);
    assert.deepEqual((household.history[1]!.before as Array<{ name: string }>).map((m) => m.name), ['张伟', '李雷'], 'the previous owner is kept');
    assert.equal(household.members.find((m) => m.name === '李雷')?.movedOut?.toISOString(), '2026-04-01T00:00:00.000Z');
    assert.equal(household.departedAt, null);

    await store.households.moveOut(archiveNo, '孙丽', 's-desk-1', new Date('2026-05-01T00:00:00Z'));
    household = (await store.households.households.findOne({ archiveNo }).lean())!;
    assert.equal(household.history.at(-1)?.change, 'departed');
    assert.equal(household.departedAt?.toISOString(), '2026-05-01T00:00:00.000Z');
  });

  it('keeps praise and documents by kind as references with metadata', async () => {
    const archiveNo = 'HY01-5-101';
    assert.ok(await store.households.addRecord(archiveNo, { kind: 'document', documentKind: 'renovation', title: '装修申请及审批', ref: 'archive://HY01/5-101/renovation-2026.pdf', meta: { approvedBy: '工程部' } }, 's-desk-1'));
    assert.ok(await store.households.addRecord(archiveNo, { kind: 'praise', title: '表扬信：维修及时' }, 's-desk-1'));
    assert.equal(await store.households.addRecord('HY01-99-999', { kind: 'praise', title: 'x' }, 's-desk-1'), false);
    const household = (await store.households.households.findOne({ archiveNo }).lean())!;
    assert.deepEqual(household.records.map((r) => [r.kind, r.documentKind]), [['document', 'renovation'], ['praise', null]]);
    assert.equal(household.records[0]!.ref, 'archive://HY01/5-101/renovation-2026.pdf');
  });
});
