/**
 * Database commands per turn: `npm run bench:commands` → node dist/scripts/bench/turn-commands.js [--runs N]
 * Starts PropDesk on an embedded database with the driver's command monitoring on, plays a returning
 * resident's welcome + status lookup and a new resident's two-turn intake, then one outbox run (the
 * dispatch of the new ticket), and lists every command of each: collection, command and time.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { postMessage } from './post-message.js';
import { startEmbeddedDatabase } from '../../store/embedded/embedded-database.js';

interface Command {
  name: string;
  collection: string;
  ms: number;
}

function say(url: string, user: string, conversation: string, text: string): Promise<Response> {
  return postMessage(url, { id: user, name: 'Bench' }, conversation, text);
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
  const logger = pino({ level: 'silent' });
  const dataDir = mkdtempSync(join(tmpdir(), 'propdesk-turn-commands-'));
  const database = await startEmbeddedDatabase({ dataDir, logger });
  const app = await startApp(loadConfig({ MONGODB_URI: `${database.uri}?monitorCommands=true` }), { logger, host: '127.0.0.1', port: 0, databaseName: 'turn_commands', outboxIntervalMs: 0, scheduleJobs: false });
  const client = app.connection.getClient();
  const started = new Map<number, { name: string; collection: string }>();
  let log: Command[] = [];
  client.on('commandStarted', (event) => {
    const command = event.command as Record<string, unknown>;
    started.set(event.requestId, { name: event.commandName, collection: String(command[event.commandName]) });
  });
  const finish = (event: { requestId: number; duration: number }): void => {
    const start = started.get(event.requestId);
    started.delete(event.requestId);
    if (start) log.push({ ...start, ms: event.duration });
  };
  client.on('commandSucceeded', finish);
  client.on('commandFailed', finish);

  const report = (label: string, commands: Command[], wallMs: number): void => {
    const total = commands.reduce((sum, c) => sum + c.ms, 0);
    console.log(`\n${label}: ${commands.length} commands, ${total.toFixed(1)} ms summed, ${wallMs.toFixed(1)} ms wall`);
    for (const c of commands) console.log(`  ${c.name.padEnd(10)} ${c.collection.padEnd(22)} ${c.ms.toFixed(1).padStart(6)} ms`);
  };
  const step = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    await new Promise((r) => setTimeout(r, 20));
    log = [];
    const start = performance.now();
    await work();
    const wall = performance.now() - start;
    await new Promise((r) => setTimeout(r, 20));
    report(label, log, wall);
  };

  try {
    const returning = { user: `u-${randomUUID()}`, conversation: `c-${randomUUID()}` };
    await say(app.url, returning.user, returning.conversation, '你好');
    for (let run = 1; run <= runs; run += 1) {
      console.log(`\n===== run ${run}`);
      await step('welcome (returning resident)', () => say(app.url, returning.user, returning.conversation, '你好'));
      await step('status lookup (returning resident)', () => say(app.url, returning.user, returning.conversation, '查询工单'));
      const resident = { user: `u-${randomUUID()}`, conversation: `c-${randomUUID()}` };
      await step('intake turn 1 (new resident)', () => say(app.url, resident.user, resident.conversation, '3栋2单元501厨房漏水 13800138000'));
      await step('intake turn 2 (confirm, ticket stored)', () => say(app.url, resident.user, resident.conversation, '是'));
      await step('outbox run (dispatch)', () => app.flushOutbox());
    }
  } finally {
    await app.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
