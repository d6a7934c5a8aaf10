import type { Command } from 'commander';
import { startEmbeddedDatabase } from '../../store/embedded/embedded-database.js';
import type { CliContext } from './cli-context.js';

export function registerDbCommand(program: Command, cli: CliContext): void {
  program
    .command('db')
    .description('run the embedded database alone, in the foreground, until interrupted; prints MONGODB_URI=<uri> first')
    .action(async () => {
      const config = cli.config();
      const logger = cli.logger();
      const database = await startEmbeddedDatabase({ dataDir: config.dataDir, logger, sqliteSync: config.sqliteSync });
      process.stdout.write(`MONGODB_URI=${database.uri}\n`);
      if (!database.owned) {
        process.stderr.write(`propdesk: an embedded database already runs for ${config.dataDir}; not starting another\n`);
        return;
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await database.stop();
    });
}
