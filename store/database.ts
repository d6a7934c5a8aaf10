import mongoose, { type Connection } from 'mongoose';

export const DEFAULT_DATABASE_NAME = 'propdesk';

/** The database named in a connection string, if any (mongodb://h1,h2/name?x=y → name). */
export function databaseNameIn(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/**
 * Opens a connection of its own (not mongoose's global one) so that several apps, test files and
 * CLI commands can live in one process. Commands are not buffered: while the server is unreachable,
 * operations fail at once instead of waiting, so nothing is promised that was not stored.
 */
export async function connectDatabase(uri: string, dbName = databaseNameIn(uri) ?? DEFAULT_DATABASE_NAME): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    serverSelectionTimeoutMS: 5_000,
  });
  await connection.asPromise();
  return connection;
}

/** True when the server answers a ping within `timeoutMs`. */
export async function databaseAnswers(connection: Connection, timeoutMs = 2_000): Promise<boolean> {
  const db = connection.db;
  if (!db || connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db
    .admin()
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const UNAVAILABLE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/** True when an error means the database could not be reached (as opposed to a bad query or a bug). */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { name?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth += 1) {
    if (e.name && UNAVAILABLE_ERRORS.has(e.name)) return true;
  }
  return false;
}
