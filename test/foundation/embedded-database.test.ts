import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressFilePath, startEmbeddedDatabase } from '../../store/embedded/embedded-database.js';
import { connectDatabase } from '../../store/database.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { processAlive, spawnNode, waitForExit, waitForLine } from '../support/processes.js';
import { quietLogger } from '../support/test-app.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('embedded database', function () {
  this.timeout(120_000);
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'propdesk-embedded-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its data across a restart', async () => {
    const first = await startEmbeddedDatabase({ dataDir, logger: quietLogger });
    let connection = await connectDatabase(first.uri, 'restart');
    await connection.collection('tickets').insertOne({ number: 'HY01-20261126-0001', text: '厨房漏水' });
    await connection.close();
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir, logger: quietLogger });
    connection = await connectDatabase(second.uri, 'restart');
    const ticket = await connection.collection('tickets').findOne({ number: 'HY01-20261126-0001' });
    await connection.close();
    await second.stop();
    assert.equal(ticket?.text, '厨房漏水');
  });

  it('is reused, not started twice, for the same data folder', async () => {
    const first = await startEmbeddedDatabase({ dataDir, logger: quietLogger });
    const second = await startEmbeddedDatabase({ dataDir, logger: quietLogger });
    assert.equal(first.owned, true);
    assert.equal(second.owned, false);
    const writer = await connectDatabase(second.uri, 'reuse');
    await writer.collection('notes').insertOne({ text: 'written through the second' });
    await writer.close();
    await second.stop();
    const stillThere = await connectDatabase(first.uri, 'reuse');
    const note = await stillThere.collection('notes').findOne({});
    await stillThere.close();
    await first.stop();
    assert.equal(note?.text, 'written through the second');
  });

  it('`propdesk db` prints MONGODB_URI first, and a bot started with it uses it', async () => {
    const db = spawnNode(['dist/bot/cli/main.js', 'db'], { PROPDESK_DATA_DIR: dataDir });
    const firstLine = await waitForLine(db, /./);
    const match = /^MONGODB_URI=(mongodb:\/\/127\.0\.0\.1:\d+\/)$/.exec(firstLine);
    assert.ok(match, `first line was: ${firstLine}`);
    const port = await freePort();
    const bot = spawnNode(['dist/bot/main.js'], { MONGODB_URI: match[1]!, PORT: String(port), PROPDESK_DATA_DIR: join(dataDir, 'unused') });
    try {
      await waitForLine(bot, /listening on/);
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string };
      assert.equal(health.status, 'ok');
      const replies = await new BotClient(`http://127.0.0.1:${port}`).say('你好');
      assert.match(textsOf(replies), /您好/);
    } finally {
      bot.kill('SIGINT');
      assert.equal(await waitForExit(bot), 0);
      db.kill('SIGINT');
      assert.equal(await waitForExit(db), 0);
    }
  });

  it('the bot started without MONGODB_URI runs the embedded database and leaves no child behind on Ctrl-C', async () => {
    const port = await freePort();
    const bot = spawnNode(['dist/bot/main.js'], { PORT: String(port), PROPDESK_DATA_DIR: dataDir });
    await waitForLine(bot, /listening on/);
    const serverPid = (JSON.parse(readFileSync(addressFilePath(dataDir), 'utf8')) as { pid: number }).pid;
    assert.ok(processAlive(serverPid));
    const replies = await new BotClient(`http://127.0.0.1:${port}`).say('hello', { locale: 'en-US' });
    assert.match(textsOf(replies), /service desk/);
    bot.kill('SIGINT');
    assert.equal(await waitForExit(bot), 0);
    assert.equal(processAlive(serverPid), false, 'the embedded database server is still running');
  });
});
