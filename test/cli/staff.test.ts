import assert from 'node:assert/strict';
import { loadConfig } from '../../bot/config.js';
import { Store } from '../../store/store.js';
import { closeTestDatabase, openTestDatabase, testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';

describe('propdesk staff unbound', () => {
  it('lists the roster members without a bound chat account', async () => {
    const connection = await openTestDatabase('cli_staff');
    try {
      const property = loadConfig({}).property;
      const store = await Store.open(connection, property);
      await store.staff.bind('ENG-7F3K', { channelId: 'msteams', userId: 'u1', conversationKey: 'msteams:c1' });
      const uri = `${testServerUri().replace(/\/$/, '')}/${connection.db!.databaseName}`;
      const result = await runNode(['dist/bot/cli/main.js', 'staff', 'unbound', '--json'], { env: { MONGODB_URI: uri } });
      assert.equal(result.code, 0, result.stderr);
      const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
      assert.equal(rows.length, property.staff.length - 1);
      assert.ok(!rows.some((row) => row.id === 's-eng-1'));
      assert.ok(rows.some((row) => row.id === 's-pm-1' && row.bindCode === 'PM-8K2Z'));
    } finally {
      await closeTestDatabase(connection);
    }
  });
});
