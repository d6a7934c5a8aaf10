import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isMonth, monthlyReport } from '../../jobs/monthly-statistics.js';
import { renderReportHtml } from '../../jobs/report-html.js';
import { Store } from '../../store/store.js';
import type { CliContext } from './cli-context.js';
import { withDatabase } from './database-session.js';
import { UsageError } from './exit-codes.js';

export function registerReportCommand(program: Command, cli: CliContext): void {
  program
    .command('report')
    .description('the monthly statistics report (HTML with charts): counts by category, nature and status, SLA compliance, satisfaction, callbacks, month-on-month and year-on-year')
    .requiredOption('--month <YYYY-MM>', 'the month to report on')
    .option('--out <file>', 'write the HTML to this file instead of stdout')
    .action(async (options: { month: string; out?: string }) => {
      if (!isMonth(options.month)) throw new UsageError(`--month must be a month as YYYY-MM (got "${options.month}")`);
      const config = cli.config();
      await withDatabase(config, cli.logger(), async (connection) => {
        const store = await Store.open(connection, config.property);
        const html = renderReportHtml(await monthlyReport(store, options.month));
        if (options.out) writeFileSync(options.out, html);
        else process.stdout.write(html);
      });
    });
}
