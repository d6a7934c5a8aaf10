import { Option, type Command } from 'commander';
import { deadlinesFor, formatDeadlines } from '../../domain/sla-clock.js';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../../domain/vocabulary.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './exit-codes.js';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseInstant(value: string, flag = '--at'): Date {
  const at = new Date(value);
  if (!ISO_WITH_ZONE.test(value) || Number.isNaN(at.getTime())) {
    throw new UsageError(`${flag} must be an ISO-8601 time with an offset, e.g. 2026-09-30T15:00:00+08:00 (got "${value}")`);
  }
  return at;
}

export function registerSlaCommand(program: Command, cli: CliContext): void {
  program
    .command('sla')
    .description("print the reply and resolve deadlines for a request received at a given time, from the property's calendar")
    .addOption(new Option('--category <category>', 'ticket category').choices(CATEGORIES).makeOptionMandatory())
    .addOption(new Option('--severity <severity>', 'complaint severity').choices(SEVERITIES))
    .requiredOption('--at <iso>', 'when the request was received (ISO-8601 with offset)')
    .action((options: { category: Category; severity?: Severity; at: string }) => {
      const at = parseInstant(options.at);
      if (options.severity && options.category !== 'complaint') throw new UsageError('--severity applies to complaints only');
      const { property } = cli.config();
      const deadlines = deadlinesFor(property, options.category, options.severity ?? null, at);
      process.stdout.write(`${JSON.stringify(formatDeadlines(deadlines, property.timeZone))}\n`);
    });
}
