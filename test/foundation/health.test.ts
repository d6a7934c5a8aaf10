import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../store/embedded/embedded-database.js';
import { quietLogger } from '../support/test-app.js';

describe('GET /healthz when the database goes away', () => {
  let database: EmbeddedDatabase;
  let app: App;
  let dataDir: string;
  before(async function () {
    this.timeout(120_000);
    dataDir = mkdtempSync(join(tmpdir(), 'propdesk-health-'));
    database = await startEmbeddedDatabase({ dataDir, logger: quietLogger });
    app = await startApp(loadConfig({ MONGODB_URI: database.uri }), { logger: quietLogger, host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is 200 with the database up, 503 after it stops', async () => {
    assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
    await database.stop();
    const response = await fetch(`${app.url}/healthz`);
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { database: string }).database, 'down');
  });
});
