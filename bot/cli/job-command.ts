import { Argument, type Command } from 'commander';
import { JOBS, PLANNED_JOBS, jobNamed } from '../../jobs/registry.js';
import { runJobInSlot } from '../../jobs/scheduler.js';
import { Store } from '../../store/store.js';
import type { CliContext } from './cli-context.js';
import { withDatabase } from './database-session.js';
import { EXIT_FAILURE, UsageError } from './exit-codes.js';
import { parseInstant } from './sla-command.js';

export function registerJobCommand(program: Command, cli: CliContext): void {
  program
    .command('job')
    .description('run one scheduled job once against the configured database, as if the clock read --now; a slot already run is not run again')
    .addArgument(new Argument('<name>', 'the job').choices([...JOBS.map((job) => job.name), ...PLANNED_JOBS]))
    .option('--now <iso>', 'the time to run at (ISO-8601 with offset); default: now')
    .addHelpText('after', `\nJobs:\n${JOBS.map((job) => `  ${job.name.padEnd(15)} ${job.description}`).join('\n')}${PLANNED_JOBS.length ? `\n  ${PLANNED_JOBS.join(', ')}: not available yet` : ''}`)
    .action(async (name: string, options: { now?: string }) => {
      const now = options.now ? parseInstant(options.now, '--now') : new Date();
      const job = jobNamed(name);
      if (!job) throw new UsageError(`job "${name}" is not available yet`, EXIT_FAILURE);
      const config = cli.config();
      await withDatabase(config, cli.logger(), async (connection) => {
        const store = await Store.open(connection, config.property);
        const outcome = await runJobInSlot(store, job, now);
        process.stdout.write(`${JSON.stringify(outcome)}\n`);
      });
    });
}
