import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../store/embedded/embedded-database.js';

/**
 * One real database server per test run: MONGODB_URI when given (e.g. a real MongoDB), otherwise an
 * embedded FerretDB in a temporary folder. Each test file opens its own database on it.
 */
let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(600_000);
    if (process.env.MONGODB_URI) {
      process.env.PROPDESK_TEST_MONGODB_URI = process.env.MONGODB_URI;
      return;
    }
    dataDir = mkdtempSync(join(tmpdir(), 'propdesk-test-db-'));
    // the tests need no durability across power cuts
    embedded = await startEmbeddedDatabase({ dataDir, logger: pino({ level: 'warn' }), sqliteSync: 'normal' });
    process.env.PROPDESK_TEST_MONGODB_URI = embedded.uri;
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
};
