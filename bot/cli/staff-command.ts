import type { Command } from 'commander';
import { Store } from '../../store/store.js';
import type { CliContext } from './cli-context.js';
import { withDatabase } from './database-session.js';

export function registerStaffCommand(program: Command, cli: CliContext): void {
  const staff = program.command('staff').description('the staff roster and its chat bindings');
  staff
    .command('unbound')
    .description('list roster members who have not bound a chat account yet (so the desk can chase them)')
    .option('--json', 'print JSON Lines instead of a table')
    .action(async (options: { json?: boolean }) => {
      const config = cli.config();
      await withDatabase(config, cli.logger(), async (connection) => {
        const store = await Store.open(connection, config.property);
        for (const member of await store.staff.unbound()) {
          const row = { id: member._id, name: member.name, department: member.department, role: member.role, bindCode: member.bindCode };
          process.stdout.write(options.json ? `${JSON.stringify(row)}\n` : `${row.id}\t${row.name}\t${row.department}\t${row.role}\t${row.bindCode}\n`);
        }
      });
    });
  staff.commands.forEach((command) => command.exitOverride());
}
