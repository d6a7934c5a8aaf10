/**
 * Turn benchmark: `npm run bench:turns` → node dist/scripts/bench/turns.js [--seconds N] [--residents N] [--sqlite-sync full|normal] [--json]
 * Starts PropDesk in-process on an embedded database and a bare botbuilder echo bot (CloudAdapter +
 * ActivityHandler on restify) next to it, drives both over loopback HTTP with expectReplies from
 * concurrent simulated residents, and reports turns/s, p50/p99 latency and peak RSS of this process for:
 * echo turns, non-writing desk turns (welcome, status lookup) and full intakes (ticket stored); then
 * the p99 of each desk scenario at half its peak rate. FerretDB runs in its own process: its memory is
 * not in the RSS figures; its CPU per turn is (read from /proc on Linux), beside this process's. The outbox timer runs as in production; BENCH_OUTBOX_MS=0 turns it off.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import pino from 'pino';
import restify, { type Server } from 'restify';
import { startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { postMessage } from './post-message.js';
import { findRunningDatabase, startEmbeddedDatabase, type SqliteSync } from '../../store/embedded/embedded-database.js';

interface Options {
  seconds: number;
  residents: number;
  json: boolean;
  sqliteSync: SqliteSync;
}

interface Measured {
  scenario: string;
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  /** CPU per turn of this process (the bot and the simulated residents) and of the database server. */
  cpuMsPerTurn: number;
  dbCpuMsPerTurn: number | null;
  errors: number;
}

/** CPU time of the database server process (Linux /proc), in ms; null where it cannot be read. */
let databasePid: number | undefined;
function databaseCpuMs(): number | null {
  if (!databasePid) return null;
  try {
    const fields = readFileSync(`/proc/${databasePid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function cpuMeter(): { stop(turns: number): { cpuMsPerTurn: number; dbCpuMsPerTurn: number | null } } {
  const own = process.cpuUsage();
  const db = databaseCpuMs();
  return {
    stop(turns) {
      const used = process.cpuUsage(own);
      const dbNow = databaseCpuMs();
      const per = (ms: number) => Math.round((ms / Math.max(turns, 1)) * 100) / 100;
      return { cpuMsPerTurn: per((used.user + used.system) / 1000), dbCpuMsPerTurn: db !== null && dbNow !== null ? per(dbNow - db) : null };
    },
  };
}

const TICKET_NUMBER = /[A-Z0-9]+-\d{8}-\d{4}/;

function parseOptions(argv: string[]): Options {
  const options: Options = { seconds: 5, residents: 16, json: false, sqliteSync: 'full' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--seconds') options.seconds = Math.min(60, Math.max(1, Number(argv[++i])));
    else if (arg === '--sqlite-sync') options.sqliteSync = argv[++i] === 'normal' ? 'normal' : 'full';
    else if (arg === '--residents') options.residents = Math.min(200, Math.max(1, Number(argv[++i])));
    else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isFinite(options.seconds) || !Number.isFinite(options.residents)) throw new Error('--seconds and --residents take numbers');
  return options;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** One simulated resident: a conversation of its own. */
class Resident {
  readonly user = { id: `bench-${randomUUID()}`, name: 'Bench' };
  readonly conversation = { id: `bench-conv-${randomUUID()}` };
  constructor(private readonly url: string) {}

  async say(text: string): Promise<string> {
    const response = await postMessage(this.url, this.user, this.conversation.id, text);
    const body = (await response.json()) as { activities?: Array<{ text?: string }> };
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    return (body.activities ?? []).map((a) => a.text ?? '').join('\n');
  }
}

/** A unit of work made of timed turns; returns the latency of each turn. */
type Work = (url: string) => Promise<number[]>;

async function timed(resident: Resident, text: string, expect?: RegExp): Promise<number> {
  const start = performance.now();
  const reply = await resident.say(text);
  const elapsed = performance.now() - start;
  if (expect && !expect.test(reply)) throw new Error(`unexpected reply to "${text}": ${reply.slice(0, 80)}`);
  return elapsed;
}

const echoWork: Work = async (url) => [await timed(new Resident(url), 'hello', /hello/)];
/** Residents coming back: each worker keeps its resident (and conversation) between lookups. */
const returningResidents = new Map<string, Resident[]>();
function returningResident(url: string): Resident {
  const pool = returningResidents.get(url) ?? [];
  returningResidents.set(url, pool);
  return pool.pop() ?? new Resident(url);
}
const nonWritingWork: Work = async (url) => {
  const resident = returningResident(url);
  try {
    return [await timed(resident, '你好', /客服中心/), await timed(resident, '查询工单', /工单/)];
  } finally {
    returningResidents.get(url)!.push(resident);
  }
};
/** Every intake comes from a new resident, so none is taken for a repeat of an earlier one. */
const intakeWork: Work = async (url) => {
  const resident = new Resident(url);
  return [await timed(resident, '3栋2单元501厨房漏水 13800138000', /请确认/), await timed(resident, '是', TICKET_NUMBER)];
};

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1e5) / 10;
    },
  };
}

function summarize(scenario: string, latencies: number[], seconds: number, peakRssMb: number, errors: number, cpu: ReturnType<typeof cpuMeter>): Measured {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { scenario, turns: latencies.length, seconds: round(seconds), turnsPerSecond: round(latencies.length / seconds), p50Ms: round(quantile(sorted, 0.5)), p99Ms: round(quantile(sorted, 0.99)), peakRssMb, ...cpu.stop(latencies.length), errors };
}

/** Closed loop: `residents` workers repeat the work for `seconds`. */
async function saturate(scenario: string, url: string, work: Work, options: Options): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const rss = rssSampler();
  const cpu = cpuMeter();
  const start = performance.now();
  const until = start + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.residents }, async () => {
      while (performance.now() < until) {
        try {
          latencies.push(...(await work(url)));
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return summarize(scenario, latencies, (performance.now() - start) / 1000, rss.stop(), errors, cpu);
}

/** Open loop: starts work at a fixed rate (turns per second) for `seconds`. */
async function paced(scenario: string, url: string, work: Work, turnsPerWork: number, turnsPerSecond: number, options: Options): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const rss = rssSampler();
  const cpu = cpuMeter();
  const intervalMs = (1000 * turnsPerWork) / Math.max(turnsPerSecond, 0.1);
  const start = performance.now();
  const running: Array<Promise<void>> = [];
  for (let i = 0; performance.now() < start + options.seconds * 1000; i += 1) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(work(url).then((l) => void latencies.push(...l), () => void (errors += 1)));
  }
  await Promise.all(running);
  return summarize(scenario, latencies, options.seconds, rss.stop(), errors, cpu);
}

async function startEchoBot(): Promise<{ url: string; server: Server }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`.replace('echo: hello', 'hello'));
    await next();
  });
  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => adapter.process(req, res, (context) => bot.run(context)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const logger = pino({ level: 'silent' });
  const dataDir = mkdtempSync(join(tmpdir(), 'propdesk-bench-turns-'));
  const database = await startEmbeddedDatabase({ dataDir, logger, sqliteSync: options.sqliteSync });
  databasePid = (await findRunningDatabase(dataDir))?.pid;
  const appOptions = { logger, host: '127.0.0.1', port: 0, databaseName: 'bench_turns', outboxIntervalMs: Number(process.env.BENCH_OUTBOX_MS ?? 3000) };
  const app = await startApp(loadConfig({ MONGODB_URI: database.uri }), appOptions);
  const echo = await startEchoBot();
  try {
    const warmUp = { ...options, seconds: 1 };
    await saturate('warm-up', echo.url, echoWork, warmUp);
    await saturate('warm-up', app.url, nonWritingWork, warmUp);
    await saturate('warm-up', app.url, intakeWork, warmUp);

    const echoPeak = await saturate('echo bot', echo.url, echoWork, options);
    const nonWritingPeak = await saturate('non-writing (welcome, status)', app.url, nonWritingWork, options);
    const intakePeak = await saturate('full intake (2 turns, ticket stored)', app.url, intakeWork, options);
    const nonWritingHalf = await paced('non-writing at half peak', app.url, nonWritingWork, 2, nonWritingPeak.turnsPerSecond / 2, options);
    const intakeHalf = await paced('full intake at half peak', app.url, intakeWork, 2, intakePeak.turnsPerSecond / 2, options);
    const results = [echoPeak, nonWritingPeak, intakePeak, nonWritingHalf, intakeHalf];
    const targets = {
      nonWritingShareOfEcho: Math.round((nonWritingPeak.turnsPerSecond / echoPeak.turnsPerSecond) * 1000) / 10,
      nonWritingTargetMet: nonWritingPeak.turnsPerSecond >= 0.4 * echoPeak.turnsPerSecond,
      intakeShareOfEcho: Math.round((intakePeak.turnsPerSecond / echoPeak.turnsPerSecond) * 1000) / 10,
      intakeTargetMet: intakePeak.turnsPerSecond >= 0.2 * echoPeak.turnsPerSecond,
      p99AtHalfPeakTargetMet: nonWritingHalf.p99Ms < 100 && intakeHalf.p99Ms < 100,
    };
    if (options.json) {
      console.log(JSON.stringify({ options, results, targets }, null, 2));
    } else {
      console.log(`residents: ${options.residents}, ${options.seconds} s per scenario, loopback HTTP, expectReplies`);
      console.log('scenario                                   turns  turns/s   p50 ms   p99 ms  peak RSS MB  CPU ms/turn: bot+load  database  errors');
      for (const r of results) {
        console.log(
          `${r.scenario.padEnd(40)} ${String(r.turns).padStart(7)} ${String(r.turnsPerSecond).padStart(8)} ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(8)} ${String(r.peakRssMb).padStart(12)} ${String(r.cpuMsPerTurn).padStart(22)} ${String(r.dbCpuMsPerTurn ?? '-').padStart(9)} ${String(r.errors).padStart(7)}`,
        );
      }
      console.log(`non-writing: ${targets.nonWritingShareOfEcho}% of echo throughput (target ≥ 40%: ${targets.nonWritingTargetMet ? 'met' : 'NOT met'})`);
      console.log(`full intake: ${targets.intakeShareOfEcho}% of echo throughput (target ≥ 20%: ${targets.intakeTargetMet ? 'met' : 'NOT met'})`);
      console.log(`p99 at half peak < 100 ms: ${targets.p99AtHalfPeakTargetMet ? 'met' : 'NOT met'}`);
    }
  } finally {
    await new Promise<void>((resolve) => echo.server.close(() => resolve()));
    await app.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
