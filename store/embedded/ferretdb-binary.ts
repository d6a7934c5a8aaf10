import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

export type ServerBinary = { kind: 'mongod'; path: string } | { kind: 'ferretdb'; path: string };

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** The per-user cache shared by every clone, so a fresh clone does not rebuild FerretDB. */
export function ferretdbCacheDir(): string {
  const base = process.env.PROPDESK_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'propdesk');
  return join(base, `ferretdb-${FERRETDB_VERSION}`);
}

export function ferretdbBinaryPath(): string {
  return process.env.PROPDESK_FERRETDB_BIN || join(ferretdbCacheDir(), 'ferretdb');
}

function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const stderr = String(result.stderr ?? '').slice(-4000);
    throw new DatabaseUnavailableError(`${command} ${args.join(' ')} failed (exit ${result.status}): ${stderr}`);
  }
  return String(result.stdout);
}

function makeWritable(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    chmodSync(path, stat.mode | 0o200);
    if (stat.isDirectory()) makeWritable(path);
  }
}

/**
 * Builds FerretDB from the Go module proxy. A plain `go install` gives a binary that panics at start
 * (FerretDB issue #2982: build/version/version.txt is not part of the module), so the module is copied
 * to a writable folder, the version file written, and the command built there.
 */
export function buildFerretdb(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): string {
  const target = join(ferretdbCacheDir(), 'ferretdb');
  if (!which('go')) {
    throw new DatabaseUnavailableError(
      `no database server available: MONGODB_URI is unset, there is no \`mongod\` on PATH, FerretDB ${FERRETDB_VERSION} ` +
        `is not built (${target} is missing) and Go is not installed to build it. ` +
        'Install Go 1.24 or newer, or set MONGODB_URI to a MongoDB server.',
    );
  }
  log(`propdesk: building FerretDB ${FERRETDB_VERSION} into ${ferretdbCacheDir()} (one-off, a few minutes)`);
  const work = mkdtempSync(join(tmpdir(), 'propdesk-ferretdb-'));
  try {
    const env = { ...process.env, GOFLAGS: '-mod=mod' };
    const info = JSON.parse(run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], { cwd: work, env })) as { Dir?: string };
    if (!info.Dir) throw new DatabaseUnavailableError('go mod download did not report the module folder');
    const src = join(work, 'src');
    cpSync(info.Dir, src, { recursive: true });
    makeWritable(src);
    writeFileSync(join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    mkdirSync(ferretdbCacheDir(), { recursive: true });
    const partial = `${target}.partial-${process.pid}`;
    run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], { cwd: src, env });
    const version = run(partial, ['--version']);
    if (!version.includes(FERRETDB_VERSION)) throw new DatabaseUnavailableError(`the built FerretDB reports another version: ${version}`);
    renameSync(partial, target);
    log(`propdesk: FerretDB ready at ${target}`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `mongod` when it is on PATH, otherwise FerretDB (built on first use). */
export function ensureServerBinary(): ServerBinary {
  const mongod = process.env.PROPDESK_FERRETDB_BIN ? undefined : which('mongod');
  if (mongod) return { kind: 'mongod', path: mongod };
  const ferretdb = ferretdbBinaryPath();
  if (existsSync(ferretdb)) return { kind: 'ferretdb', path: ferretdb };
  return { kind: 'ferretdb', path: buildFerretdb() };
}
