/**
 * `npm run bench:history`: what a long ticket history costs the work in hand, before and after the
 * housekeeping job moves finished tickets to `ticketArchive`. A fresh database gets `--history`
 * finished tickets (default 20,000: closed 40–400 days ago, with the five events of a normal life)
 * and then `--open` tickets in progress (default 200, dispatched today), written straight into
 * `tickets` as the intake and the desk would have left them. It then times, on open tickets, a staff
 * `accept` (`TicketRepository.act`: version claim, one update, the SLA watch) and a look-up by number;
 * runs the move (`archiveFinished`, as the housekeeping job does) and times the same on other open
 * tickets; and, for the trade-off, a look-up and a note on archived tickets spread over the archive
 * (a look-up there reads until the match, as every look-up did before the move).
 *
 * Options: --history 20000  --open 200  --acts 25  --json. Uses MONGODB_URI when set, else an
 * embedded FerretDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Collection, Document } from 'mongodb';
import pino from 'pino';
import { loadConfig } from '../../bot/config.js';
import { HOUSEKEEPING_AFTER_DAYS } from '../../jobs/housekeeping-job.js';
import { connectDatabase } from '../../store/database.js';
import { startEmbeddedDatabase } from '../../store/embedded/embedded-database.js';
import { Store } from '../../store/store.js';

const NOW = new Date('2026-11-26T04:00:00Z');
const HOUR = 3_600_000;
const DAY = 86_400_000;
const BATCH = 2_000;

interface Options {
  history: number;
  open: number;
  acts: number;
  json: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { history: 20_000, open: 200, acts: 25, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--history') options.history = Math.max(0, Number(argv[++i]));
    else if (argv[i] === '--open') options.open = Math.max(2, Number(argv[++i]));
    else if (argv[i] === '--acts') options.acts = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--json') options.json = true;
  }
  options.acts = Math.min(options.acts, Math.floor(options.open / 2));
  return options;
}

const desk = { kind: 'system', id: 'chat-intake', name: 'PropDesk' };
const engineer = { kind: 'staff', id: 's-eng-1', name: '王师傅' };

function ticketRow(number: string, createdAt: Date, finished: boolean) {
  const at = (hours: number) => new Date(createdAt.getTime() + hours * HOUR);
  const events = [
    { kind: 'created', at: createdAt, by: desk, text: '3栋2单元501厨房水管漏水，水已经流到客厅了' },
    { kind: 'dispatched', at: at(0), by: { kind: 'system', id: 'dispatcher', name: 'PropDesk' }, from: 'new', to: 'dispatched', data: { department: 'engineering', recipients: ['s-eng-1', 's-eng-2'] } },
    ...(finished
      ? [
          { kind: 'accepted', at: at(0.5), by: engineer, from: 'dispatched', to: 'accepted' },
          { kind: 'resolved', at: at(5), by: engineer, text: '已更换角阀，试水正常', from: 'accepted', to: 'resolved' },
          { kind: 'closed', at: at(72), by: desk, from: 'resolved', to: 'closed' },
        ]
      : []),
  ];
  return {
    _id: number,
    number,
    intakeKey: `bench:${number}`,
    propertyCode: 'HY01',
    category: 'repair',
    severity: null,
    nature: 'general',
    topic: null,
    source: 'chat',
    channel: 'bench',
    language: 'zh-CN',
    text: '3栋2单元501厨房水管漏水，水已经流到客厅了',
    attachments: [],
    location: { building: '3', unit: '2', room: '501' },
    householdId: null,
    resident: { accountId: `bench:resident-${number}`, conversationKey: 'bench' },
    receiver: desk,
    department: 'engineering',
    assignee: finished ? engineer : null,
    urgent: false,
    status: finished ? 'closed' : 'dispatched',
    replyDueAt: at(2),
    resolveDueAt: at(72),
    firstReplyAt: finished ? at(0.5) : null,
    resolvedAt: finished ? at(5) : null,
    closedAt: finished ? at(72) : null,
    replyBreached: false,
    resolveBreached: false,
    satisfaction: null,
    version: events.length - 1,
    createdAt,
    updatedAt: events.at(-1)!.at,
    events,
  };
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1));
  return { median: pick(0.5), p90: pick(0.9), mean: Number((samples.reduce((s, x) => s + x, 0) / samples.length).toFixed(1)) };
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(uri: string, options: Options) {
  const connection = await connectDatabase(uri, `bench_history_${Date.now()}`);
  try {
    const store = await Store.open(connection, loadConfig({}).property);
    const tickets = store.tickets.tickets.collection as unknown as Collection<Document>;
    const fillStarted = performance.now();
    // the history first (oldest first), then today's open tickets: the order the intake wrote them in
    for (let start = 0; start < options.history; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(options.history, start + BATCH); i += 1) {
        const daysBack = 400 - Math.floor((i / Math.max(1, options.history)) * 360);
        const day = new Date(NOW.getTime() - daysBack * DAY);
        rows.push(ticketRow(`HY01-H${String(daysBack).padStart(4, '0')}-${String(i).padStart(6, '0')}`, day, true));
      }
      await tickets.insertMany(rows as Document[], { ordered: false });
    }
    const open: string[] = [];
    const rows = [];
    for (let i = 0; i < options.open; i += 1) {
      const number = `HY01-20261126-${String(i + 1).padStart(4, '0')}`;
      open.push(number);
      rows.push(ticketRow(number, new Date(NOW.getTime() - 2 * HOUR + i * 1_000), false));
    }
    await tickets.insertMany(rows as Document[], { ordered: false });
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    process.stderr.write(`filled ${options.history} finished + ${options.open} open tickets in ${fillSeconds.toFixed(1)} s\n`);

    // accept open tickets from the newest back (the last inserted are the last a scan reaches)
    const accept = (number: string) => store.tickets.act(number, 'accept', { by: engineer as never, at: NOW, set: { assignee: engineer } });
    const phase = async (numbers: string[]) => {
      const lookups: number[] = [];
      const accepts: number[] = [];
      for (const number of numbers) {
        lookups.push(await timed(() => store.tickets.findByNumber(number)));
        accepts.push(await timed(() => accept(number)));
      }
      return { lookup: summary(lookups), accept: summary(accepts) };
    };
    const before = await phase(open.slice(-options.acts).reverse());
    process.stderr.write(`before the move: accept median ${before.accept.median} ms, look-up median ${before.lookup.median} ms\n`);

    let moved = 0;
    const moveMs = await timed(async () => {
      moved = await store.tickets.archiveFinished(new Date(NOW.getTime() - HOUSEKEEPING_AFTER_DAYS * DAY));
    });
    process.stderr.write(`moved ${moved} tickets to the archive in ${(moveMs / 1000).toFixed(1)} s\n`);
    const after = await phase(open.slice(-2 * options.acts, -options.acts).reverse());
    process.stderr.write(`after the move: accept median ${after.accept.median} ms, look-up median ${after.lookup.median} ms\n`);

    // the rare path: tickets of the history, spread over the archive, looked up and noted (they stay there)
    const all = await connection.collection('ticketArchive').find({}, { projection: { _id: 1 } }).toArray();
    const archived = Array.from({ length: Math.min(options.acts, all.length) }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / options.acts)]!);
    const archivedLookups: number[] = [];
    const archivedNotes: number[] = [];
    for (const row of archived) {
      const number = String(row._id);
      archivedLookups.push(await timed(() => store.tickets.findByNumber(number)));
      archivedNotes.push(await timed(() => store.tickets.act(number, 'note', { by: engineer as never, at: NOW, text: '住户来电询问保修' })));
    }
    return {
      history: options.history,
      open: options.open,
      fillSeconds: Number(fillSeconds.toFixed(1)),
      before,
      moved,
      moveSeconds: Number((moveMs / 1000).toFixed(1)),
      after,
      archived: { lookup: summary(archivedLookups), note: summary(archivedNotes) },
    };
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
    dataDir = mkdtempSync(join(tmpdir(), 'propdesk-bench-history-'));
    const embedded = await startEmbeddedDatabase({ dataDir, logger: pino({ level: 'warn' }) });
    uri = embedded.uri;
    stop = () => embedded.stop();
  }
  try {
    const row = await measure(uri, options);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(row)}\n`);
      return;
    }
    const line = (label: string, s: { median: number; p90: number }) => `${label} ${s.median} ms median, ${s.p90} ms p90`;
    process.stdout.write(
      [
        `${row.history} finished + ${row.open} open tickets (${options.acts} timed of each kind):`,
        `  before the move: ${line('accept', row.before.accept)}; ${line('look-up', row.before.lookup)}`,
        `  move of ${row.moved} finished tickets to ticketArchive: ${row.moveSeconds} s (once; then a day's worth each night)`,
        `  after the move:  ${line('accept', row.after.accept)}; ${line('look-up', row.after.lookup)}`,
        `  archived ticket: ${line('look-up', row.archived.lookup)}; ${line('note', row.archived.note)}`,
      ].join('\n') + '\n',
    );
  } finally {
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:history failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
