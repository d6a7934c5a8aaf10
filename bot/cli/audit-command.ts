import type { Command } from 'commander';
import { Store } from '../../store/store.js';
import { actingStaffOrOperator } from './acting-staff.js';
import type { CliContext } from './cli-context.js';
import { withDatabase } from './database-session.js';
import { UsageError } from './exit-codes.js';

export function registerAuditCommand(program: Command, cli: CliContext): void {
  program
    .command('audit')
    .description("the access log (借阅登记) of a household's archive or of a staff member: who, when, what, why, allowed or refused")
    .option('--household <archiveNo>', 'entries about this household')
    .option('--staff <id>', 'entries by this staff member')
    .option('--as <staffId>', 'who is asking (service head or project manager); default: the shell account running the command')
    .option('--json', 'print JSON Lines')
    .action(async (options: { household?: string; staff?: string; as?: string; json?: boolean }) => {
      if (Boolean(options.household) === Boolean(options.staff)) throw new UsageError('give exactly one of --household ARCHIVE_NO or --staff ID');
      const config = cli.config();
      await withDatabase(config, cli.logger(), async (connection) => {
        const store = await Store.open(connection, config.property);
        await actingStaffOrOperator(store, options.as, 'readAuditLog');
        const entries = options.household ? await store.audit.forHousehold(options.household) : await store.audit.forStaff(options.staff!);
        for (const e of entries) {
          const row = { at: e.at.toISOString(), actor: e.actor?.id ?? null, actorName: e.actor?.name ?? null, action: e.action, target: `${e.target?.kind}:${e.target?.id}`, household: e.householdId, outcome: e.outcome, reason: e.reason, detail: e.detail };
          process.stdout.write(options.json ? `${JSON.stringify(row)}\n` : `${[row.at, row.actor, row.action, row.target, row.outcome, row.reason ?? '', row.detail ?? ''].join('\t')}\n`);
        }
      });
    });
}
