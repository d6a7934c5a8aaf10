import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { connectDatabase } from '../../store/database.js';
import { startEmbeddedDatabase } from '../../store/embedded/embedded-database.js';
import { Store } from '../../store/store.js';
import type { Config } from '../config.js';
import type { CliContext } from './cli-context.js';

/**
 * Runs `work` against the configured database: MONGODB_URI, else the embedded server already running
 * for the data folder, else an embedded server started for the duration of the command.
 */
export async function withDatabase<T>(config: Config, logger: Logger, work: (connection: Connection) => Promise<T>): Promise<T> {
  const embedded = config.mongodbUri ? undefined : await startEmbeddedDatabase({ dataDir: config.dataDir, logger, sqliteSync: config.sqliteSync });
  const connection = await connectDatabase(config.mongodbUri ?? embedded!.uri);
  try {
    return await work(connection);
  } finally {
    await connection.close();
    await embedded?.stop();
  }
}

/** Runs `work` with the store of the configured property on the configured database. */
export async function withStore<T>(cli: CliContext, work: (store: Store) => Promise<T>): Promise<T> {
  const config = cli.config();
  return withDatabase(config, cli.logger(), async (connection) => work(await Store.open(connection, config.property)));
}
