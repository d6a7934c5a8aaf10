/**
 * `npm run bench:jobs`: how the SLA scan scales with the size of the tickets collection. For each
 * size (default 20,000 and 200,000 tickets) it fills a fresh database with tickets written straight
 * into the collection (insertMany in batches), 1,000 of them due for an SLA stage (booked in the
 * SLA timers' minute buckets as the intake would), then times the due-ticket look-up alone and a
 * whole SLA job run over those 1,000. Both should hardly change with the collection size.
 *
 * Options: --sizes 20000,200000  --due 1000  --json. Uses MONGODB_URI when set, else an embedded FerretDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Collection, Document } from 'mongodb';
import pino from 'pino';
import { loadConfig } from '../../bot/config.js';
import { runSlaJob } from '../../jobs/sla-job.js';
import { connectDatabase } from '../../store/database.js';
import { startEmbeddedDatabase } from '../../store/embedded/embedded-database.js';
import { bucketKey } from '../../store/sla-timers.js';
import { Store } from '../../store/store.js';

const NOW = new Date('2026-11-26T04:00:00Z');
const HOUR = 3_600_000;
const BATCH = 5_000;

interface Options {
  sizes: number[];
  due: number;
  json: boolean;
  /** Timed reads of the due tickets before the job run (0: only the job). */
  reads: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [20_000, 200_000], due: 1_000, json: false, reads: 3 };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--sizes') options.sizes = argv[++i]!.split(',').map(Number).filter((n) => n > 0);
    else if (argv[i] === '--due') options.due = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--json') options.json = true;
    else if (argv[i] === '--reads') options.reads = Math.max(0, Number(argv[++i]));
  }
  return options;
}

/** A ticket as the intake writes it; `due` ones reached 50% of their reply window, the rest are settled or far from any stage. */
function ticketRow(i: number, due: boolean) {
  const createdAt = due ? new Date(NOW.getTime() - 2 * HOUR) : new Date(NOW.getTime() - (i % 60) * 86_400_000 - HOUR);
  const number = `HY01-BENCH-${String(i).padStart(7, '0')}`;
  const open = due || i % 10 === 0;
  return {
    _id: number,
    number,
    intakeKey: `bench:${number}`,
    propertyCode: 'HY01',
    category: 'repair',
    severity: null,
    nature: 'general',
    source: 'chat',
    channel: 'bench',
    language: 'zh-CN',
    text: '厨房水管漏水',
    location: { building: String(1 + (i % 20)), unit: '1', room: String(100 + (i % 900)) },
    department: 'engineering',
    receiver: { kind: 'system', id: 'bench' },
    status: open ? 'dispatched' : 'closed',
    replyDueAt: new Date(createdAt.getTime() + 3 * HOUR),
    resolveDueAt: new Date(createdAt.getTime() + 72 * HOUR),
    replyBreached: false,
    resolveBreached: false,
    version: 0,
    createdAt,
    updatedAt: createdAt,
    events: [],
  };
}

async function measure(uri: string, size: number, due: number, reads: number) {
  const connection = await connectDatabase(uri, `bench_jobs_${size}_${Date.now()}`);
  try {
    const store = await Store.open(connection, loadConfig({}).property);
    const collection = store.tickets.tickets.collection as unknown as Collection<Document>;
    const timers = store.tickets.slaTimers;
    const dueEvery = Math.floor(size / due);
    const fillStarted = performance.now();
    // the SLA job last ran a minute ago; the due tickets' 50% reminders fell due in the last few minutes
    await timers.advance(new Date(NOW.getTime() - 3 * 60_000));
    const buckets = new Map<string, string[]>();
    for (let start = 0; start < size; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(size, start + BATCH); i += 1) {
        const isDue = i % dueEvery === 0 && i / dueEvery < due;
        const row = ticketRow(i, isDue);
        rows.push(row);
        // open tickets not due yet are booked in the days ahead, as the job would have booked them
        const bookAt = isDue ? new Date(NOW.getTime() - 60_000 - (i % 3) * 30_000) : row.status === 'closed' ? null : new Date(NOW.getTime() + (1 + (i % 30)) * 86_400_000);
        if (bookAt) {
          const key = bucketKey(bookAt);
          buckets.set(key, [...(buckets.get(key) ?? []), row.number]);
        }
      }
      await collection.insertMany(rows as Document[], { ordered: false });
    }
    await connection.collection('slaTimers').insertMany([...buckets].map(([_id, numbers]) => ({ _id, numbers }) as unknown as Document));
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    process.stderr.write(`${size}: filled in ${fillSeconds.toFixed(1)} s\n`);
    const scans: number[] = [];
    let found = 0;
    for (let i = 0; i < reads; i += 1) {
      const started = performance.now();
      found = 0;
      for (const bucket of await timers.due(NOW)) {
        for (const number of bucket.numbers) if (await store.tickets.findByNumber(number)) found += 1;
      }
      scans.push(performance.now() - started);
    }
    process.stderr.write(`${size}: due tickets read in ${scans.map((ms) => Math.round(ms)).join(', ')} ms\n`);
    const started = performance.now();
    const result = await runSlaJob(store, () => NOW);
    const jobMs = performance.now() - started;
    const after = (await timers.due(NOW)).reduce((sum, bucket) => sum + bucket.numbers.length, 0);
    return { size, due: found, fillSeconds: Number(fillSeconds.toFixed(1)), scanMsMedian: scans.length ? Number(scans.sort((a, b) => a - b)[Math.floor(scans.length / 2)]!.toFixed(1)) : null, jobMs: Math.round(jobMs), reminders: result.reminders, dueAfterRun: after };
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  let dataDir: string | undefined;
  let stop = async () => {};
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'propdesk-bench-jobs-'));
    const embedded = await startEmbeddedDatabase({ dataDir, logger: pino({ level: 'warn' }) });
    uri = embedded.uri;
    stop = () => embedded.stop();
  }
  try {
    const rows = [];
    for (const size of options.sizes) {
      const row = await measure(uri, size, options.due, options.reads);
      rows.push(row);
      if (!options.json) {
        process.stdout.write(
          `${String(size).padStart(8)} tickets, ${row.due} due: reading the due tickets ${row.scanMsMedian} ms (median), SLA job ${row.jobMs} ms (${row.reminders} reminders; ${row.dueAfterRun} still due after), fill ${row.fillSeconds} s\n`,
        );
      }
    }
    if (options.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
  } finally {
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:jobs failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
