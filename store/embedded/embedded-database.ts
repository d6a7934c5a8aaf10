import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { DatabaseUnavailableError, ensureServerBinary, type ServerBinary } from './ferretdb-binary.js';
import { startSingleWriterProxy } from './single-writer-proxy.js';

export interface EmbeddedDatabase {
  /** mongodb:// address, without a database name: of the server, or on FerretDB of this process's single-writer proxy in front of it. */
  readonly uri: string;
  /** false when another process (npm start, `propdesk db`) already serves this data folder and we reuse it. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export interface AddressFile {
  uri: string;
  pid: number;
  kind: ServerBinary['kind'];
}

const ADDRESS_FILE = 'embedded-db.json';
const READY_TIMEOUT_MS = 60_000;

export function addressFilePath(dataDir: string): string {
  return join(resolve(dataDir), ADDRESS_FILE);
}

export async function pingDatabase(uri: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The server already running for this data folder, if there is one that answers. */
export async function findRunningDatabase(dataDir: string): Promise<AddressFile | undefined> {
  let address: AddressFile;
  try {
    address = JSON.parse(readFileSync(addressFilePath(dataDir), 'utf8')) as AddressFile;
  } catch {
    return undefined;
  }
  if (processAlive(address.pid) && (await pingDatabase(address.uri))) return address;
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * How SQLite commits (FerretDB keeps it in WAL mode). `full` (the default) flushes every commit to
 * disk, so a ticket number shown to a resident survives a power cut. `normal` flushes only at
 * checkpoints: 25–50% faster inserts; a crash of PropDesk or FerretDB still loses nothing, but a power
 * cut or OS crash may lose the last commits. See docs/storage-on-ferretdb.md.
 */
export type SqliteSync = 'full' | 'normal';

function ferretdbArgs(dataDir: string, sync: SqliteSync): string[] {
  const dir = join(dataDir, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/${sync === 'normal' ? '?_pragma=synchronous(NORMAL)' : ''}`,
    `--state-dir=${dir}`,
    '--listen-addr=127.0.0.1:0',
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-format=json',
    '--log-level=info',
  ];
}

/** FerretDB is told to listen on port 0; its log line "Listening on TCP 127.0.0.1:PORT" says which port it got. */
function waitForFerretdbPort(child: ChildProcess, logger: Logger): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let settled = false;
    const recent: string[] = [];
    const onLine = (line: string): void => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      const match = /Listening on TCP 127\.0\.0\.1:(\d+)/.exec(line);
      if (match && !settled) {
        settled = true;
        resolvePort(Number(match[1]));
      } else if (line.includes('"level":"ERROR"')) {
        logger.warn({ ferretdb: line }, 'embedded database reports an error');
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', onLine);
    }
    child.once('exit', (code) => {
      if (!settled) {
        settled = true;
        reject(new DatabaseUnavailableError(`FerretDB exited with code ${code} before listening:\n${recent.join('\n')}`));
      }
    });
  });
}

async function waitUntilReady(uri: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new DatabaseUnavailableError(`the database server exited with code ${child.exitCode}`);
    if (await pingDatabase(uri, 1_000)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new DatabaseUnavailableError(`the database server did not answer a ping within ${READY_TIMEOUT_MS / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the embedded MongoDB-compatible server for `dataDir` (mongod if on PATH, else FerretDB on SQLite),
 * or reuses the one another process already runs for that folder. Data survives restarts.
 */
export async function startEmbeddedDatabase(options: { dataDir: string; logger: Logger; sqliteSync?: SqliteSync }): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const { logger } = options;
  mkdirSync(dataDir, { recursive: true });
  const running = await findRunningDatabase(dataDir);
  if (running) {
    logger.info({ uri: running.uri, dataDir }, 'using the embedded database already running for this data folder');
    if (running.kind !== 'ferretdb') return { uri: running.uri, owned: false, stop: async () => undefined };
    const proxy = await startSingleWriterProxy(running.uri, logger);
    return { uri: proxy.uri, owned: false, stop: () => proxy.close() };
  }

  const binary = ensureServerBinary();
  let child: ChildProcess;
  let port: number;
  if (binary.kind === 'mongod') {
    port = await freePort();
    const dbPath = join(dataDir, 'mongod');
    mkdirSync(dbPath, { recursive: true });
    child = spawn(binary.path, ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } else {
    child = spawn(binary.path, ferretdbArgs(dataDir, options.sqliteSync ?? 'full'), { stdio: ['ignore', 'pipe', 'pipe'] });
    port = await waitForFerretdbPort(child, logger);
  }
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitUntilReady(uri, child);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  const address: AddressFile = { uri, pid: child.pid ?? 0, kind: binary.kind };
  writeFileSync(addressFilePath(dataDir), `${JSON.stringify(address)}\n`);
  logger.info({ uri, dataDir, server: binary.kind }, 'embedded database started');
  const proxy = binary.kind === 'ferretdb' ? await startSingleWriterProxy(uri, logger) : undefined;

  return {
    uri: proxy?.uri ?? uri,
    owned: true,
    async stop() {
      await proxy?.close();
      process.removeListener('exit', killOnExit);
      await stopChild(child);
      rmSync(addressFilePath(dataDir), { force: true });
      logger.info({ dataDir }, 'embedded database stopped');
    },
  };
}
