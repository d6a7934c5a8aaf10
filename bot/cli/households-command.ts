import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { archiveNumber } from '../../store/models/household.js';
import { importHouseholds, planHouseholdImport } from '../../store/household-import.js';
import { Store } from '../../store/store.js';
import { actingStaff, actingStaffOrOperator } from './acting-staff.js';
import type { CliContext } from './cli-context.js';
import { withDatabase, withStore } from './database-session.js';
import { EXIT_FAILURE, UsageError } from './exit-codes.js';

export function registerHouseholdsCommand(program: Command, cli: CliContext): void {
  const households = program.command('households').description('household archives (一户一档): import, departures, legal holds, destruction approvals');

  households
    .command('import')
    .description('import households and members from CSV (header building,unit,room,name,role,phone,moved_in) or JSON; a file with any bad row imports nothing')
    .argument('<file>', 'a .csv or .json file')
    .option('--dry-run', 'check the file and report, import nothing')
    .option('--as <staffId>', 'the staff member importing (desk, agent, service head or project manager); default: the shell account running the command')
    .action(async (file: string, options: { dryRun?: boolean; as?: string }) => {
      const text = await readFile(file, 'utf8').catch(() => {
        throw new UsageError(`cannot read ${file}`);
      });
      const config = cli.config();
      const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
      const plan = planHouseholdImport(text, format, (l) => archiveNumber(config.property.code, l.building, l.unit, l.room));
      if (plan.errors.length) {
        for (const error of plan.errors) process.stderr.write(`${file}:${error.line}: ${error.message}\n`);
        throw new UsageError(`${plan.errors.length} bad row(s) in ${file}; nothing imported`, EXIT_FAILURE);
      }
      if (options.dryRun) {
        process.stdout.write(`${file}: ${plan.rowCount} rows, ${plan.households.length} households, no errors (dry run: nothing imported)\n`);
        return;
      }
      await withDatabase(config, cli.logger(), async (connection) => {
        const store = await Store.open(connection, config.property);
        const staff = await actingStaffOrOperator(store, options.as, 'manageArchives');
        const result = await importHouseholds(store.households, plan, `import:${staff.id}`, new Date());
        process.stdout.write(`${file}: ${plan.rowCount} rows; ${result.imported} households created or updated, ${result.unchanged} unchanged\n`);
      });
    });

  households
    .command('show')
    .description("a household's file (members, history, records, tickets); the read, its reason and the reader go to the access log. A head or the project manager reads at once; anyone else within 24 hours of an approved request, and otherwise this records the request (exit 1)")
    .argument('<archiveNo>')
    .requiredOption('--reason <why>', 'why the file is read (借阅理由)')
    .requiredOption('--as <staffId>', 'the staff member reading')
    .action(async (archiveNo: string, options: { reason: string; as: string }) => {
      await withStore(cli, async (store) => {
        const staff = await actingStaff(store, options.as, 'manageArchives');
        const outcome = await store.internalAccess.read(staff.id, archiveNo, options.reason);
        if (outcome.kind === 'not-found') throw new UsageError(`no household ${archiveNo}`, EXIT_FAILURE);
        if (outcome.kind !== 'file') {
          const approvers = outcome.approvers.map((a) => `${a._id} ${a.name}`).join(', ') || 'the project manager';
          const what = outcome.kind === 'requested' ? 'recorded' : 'is still pending';
          throw new UsageError(`reading ${archiveNo} needs approval: request ${outcome.request._id} ${what}, for ${approvers} (propdesk archive approve ${outcome.request._id} --as STAFF_ID)`, EXIT_FAILURE);
        }
        process.stdout.write(`${JSON.stringify(outcome.archive, null, 2)}\n`);
      });
    });

  households
    .command('depart')
    .description('everyone has moved out: the file is kept for the retention period from today')
    .argument('<archiveNo>')
    .requiredOption('--as <staffId>', 'the staff member recording it')
    .action(async (archiveNo: string, options: { as: string }) => {
      await withStore(cli, async (store) => {
        const staff = await actingStaff(store, options.as, 'manageArchives');
        if (!(await store.households.markDeparted(archiveNo, staff.id))) throw new UsageError(`no household ${archiveNo}`, EXIT_FAILURE);
        process.stdout.write(`${archiveNo} departed\n`);
      });
    });

  households
    .command('legal-hold')
    .description('keep a file past its retention period while there is a legal dispute (--off lifts it)')
    .argument('<archiveNo>')
    .option('--off', 'lift the hold')
    .requiredOption('--as <staffId>', 'the staff member recording it')
    .action(async (archiveNo: string, options: { off?: boolean; as: string }) => {
      await withStore(cli, async (store) => {
        const staff = await actingStaff(store, options.as, 'manageArchives');
        if (!(await store.households.setLegalHold(archiveNo, !options.off, staff.id))) throw new UsageError(`no household ${archiveNo}`, EXIT_FAILURE);
        process.stdout.write(`${archiveNo} legal hold ${options.off ? 'lifted' : 'set'}\n`);
      });
    });

  households
    .command('approve-destruction')
    .description("the project manager approves destroying a file past its retention period; `propdesk job retention` destroys it")
    .argument('<archiveNo>')
    .requiredOption('--witness <name>', 'the witness of the destruction')
    .requiredOption('--as <staffId>', 'the project manager')
    .action(async (archiveNo: string, options: { witness: string; as: string }) => {
      await withStore(cli, async (store) => {
        await store.retention.approveDestruction(options.as, archiveNo, options.witness);
        process.stdout.write(`${archiveNo} approved for destruction\n`);
      });
    });

  households.commands.forEach((command) => command.exitOverride());
}
