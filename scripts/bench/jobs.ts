/**
 * `npm run bench:jobs`: how the SLA scan scales with the size of the tickets collection. For each
 * size (default 20,000 and 200,000 tickets) it fills a fresh database with tickets written straight
 * into the collection (insertMany in batches): `--due` of them (default 1,000) at 50% of their reply
 * window, `--open` more (default 2,000, the same for every size: the working set of a desk does not
 * grow with its history) open with stages days ahead, the rest closed. Every open ticket's SLA watch is
 * booked in the timers' minute buckets as the intake books it. Then it times the due-watch look-up
 * alone and a whole SLA job run over the due tickets. Both should hardly change with the size.
 *
 * Options: --sizes 20000,200000  --due 1000  --open 2000  --reads 3  --json.
 * Uses MONGODB_URI when set, else an embedded FerretDB.
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
import { bucketKey, encodeWatch, watchOf, type TicketForWatch } from '../../store/sla-timers.js';
import { Store } from '../../store/store.js';

const NOW = new Date('2026-11-26T04:00:00Z');
const HOUR = 3_600_000;
const BATCH = 5_000;

interface Options {
  sizes: number[];
  due: number;
  json: boolean;
  /** Timed look-ups of the due watches before the job run (0: only the job). */
  reads: number;
  open: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [20_000, 200_000], due: 1_000, json: false, reads: 3, open: 2_000 };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--sizes') options.sizes = argv[++i]!.split(',').map(Number).filter((n) => n > 0);
    else if (argv[i] === '--due') options.due = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--json') options.json = true;
    else if (argv[i] === '--reads') options.reads = Math.max(0, Number(argv[++i]));
    else if (argv[i] === '--open') options.open = Math.max(0, Number(argv[++i]));
  }
  return options;
}

type Kind = 'due' | 'open' | 'closed';

/** A ticket as the intake writes it: `due` ones reached 50% of their reply window, `open` ones were answered and are due to be resolved days ahead. */
function ticketRow(i: number, kind: Kind) {
  const due = kind === 'due';
  const createdAt = due ? new Date(NOW.getTime() - 1.5 * HOUR - 30_000 - (i % 3) * 30_000) : new Date(NOW.getTime() - (i % 60) * 86_400_000 - HOUR);
  const number = `HY01-BENCH-${String(i).padStart(7, '0')}`;
  const open = kind !== 'closed';
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
    resolveDueAt: due ? new Date(createdAt.getTime() + 72 * HOUR) : new Date(NOW.getTime() + (1 + (i % 30)) * 86_400_000 + (i % 1440) * 60_000),
    firstReplyAt: due ? null : createdAt,
    replyBreached: false,
    resolveBreached: false,
    version: 0,
    createdAt,
    updatedAt: createdAt,
    events: [],
  };
}

async function measure(uri: string, size: number, options: Options) {
  const connection = await connectDatabase(uri, `bench_jobs_${size}_${Date.now()}`);
  try {
    const store = await Store.open(connection, loadConfig({}).property);
    const collection = store.tickets.tickets.collection as unknown as Collection<Document>;
    const timers = store.tickets.slaTimers;
    const dueEvery = Math.max(2, Math.floor(size / options.due));
    const fillStarted = performance.now();
    // the SLA job last ran three minutes ago; the due tickets' 50% reminders fell due since
    await timers.advance(new Date(NOW.getTime() - 3 * 60_000));
    const buckets = new Map<string, Record<string, string>>();
    const openEvery = Math.max(2, Math.floor(size / Math.max(1, options.open)));
    let due = 0;
    let open = 0;
    for (let start = 0; start < size; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(size, start + BATCH); i += 1) {
        const kind: Kind = i % dueEvery === 0 && due < options.due ? 'due' : i % openEvery === 1 && open < options.open ? 'open' : 'closed';
        if (kind === 'due') due += 1;
        if (kind === 'open') open += 1;
        const row = ticketRow(i, kind);
        rows.push(row);
        if (kind === 'closed') continue;
        const watch = watchOf(row as unknown as TicketForWatch, store.property);
        const key = bucketKey(watch.stages[0]!.at);
        buckets.set(key, { ...(buckets.get(key) ?? {}), [watch.number]: encodeWatch(watch) });
      }
      await collection.insertMany(rows as Document[], { ordered: false });
    }
    await connection.collection('slaTimers').insertMany([...buckets].map(([_id, tickets]) => ({ _id, tickets }) as unknown as Document));
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    process.stderr.write(`${size}: filled in ${fillSeconds.toFixed(1)} s (${due} due, ${open} open, ${buckets.size} timer buckets)\n`);
    const scans: number[] = [];
    let found = 0;
    for (let i = 0; i < options.reads; i += 1) {
      const started = performance.now();
      found = (await timers.due(NOW)).reduce((sum, bucket) => sum + bucket.watches.length, 0);
      scans.push(performance.now() - started);
    }
    process.stderr.write(`${size}: due watches looked up in ${scans.map((ms) => Math.round(ms)).join(', ')} ms\n`);
    const started = performance.now();
    const result = await runSlaJob(store, () => NOW);
    const jobMs = performance.now() - started;
    const after = (await timers.due(NOW)).reduce((sum, bucket) => sum + bucket.watches.length, 0);
    const median = scans.length ? Number(scans.sort((x, y) => x - y)[Math.floor(scans.length / 2)]!.toFixed(1)) : null;
    return { size, due: found || due, open, fillSeconds: Number(fillSeconds.toFixed(1)), scanMsMedian: median, jobMs: Math.round(jobMs), reminders: result.reminders, dueAfterRun: after };
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
      const row = await measure(uri, size, options);
      rows.push(row);
      if (!options.json) {
        process.stdout.write(
          `${String(size).padStart(8)} tickets, ${row.due} due: looking up the due watches ${row.scanMsMedian} ms (median), SLA job ${row.jobMs} ms (${row.reminders} reminders; ${row.dueAfterRun} still due after), fill ${row.fillSeconds} s\n`,
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
