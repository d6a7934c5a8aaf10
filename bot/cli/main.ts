#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { createCliContext } from './cli-context.js';
import { registerArchiveCommand } from './archive-command.js';
import { registerAuditCommand } from './audit-command.js';
import { registerCallbacksCommand } from './callbacks-command.js';
import { registerClassifyCommand } from './classify-command.js';
import { registerDbCommand } from './db-command.js';
import { registerHouseholdsCommand } from './households-command.js';
import { registerJobCommand } from './job-command.js';
import { registerNoticeCommand } from './notice-command.js';
import { registerReportCommand } from './report-command.js';
import { registerSlaCommand } from './sla-command.js';
import { registerStaffCommand } from './staff-command.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';

function buildProgram(): Command {
  const cli = createCliContext();
  const program = new Command('propdesk')
    .description('PropDesk: the property customer-service desk (bot, database, jobs and reports)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });
  registerDbCommand(program, cli);
  registerSlaCommand(program, cli);
  registerClassifyCommand(program, cli);
  registerStaffCommand(program, cli);
  registerJobCommand(program, cli);
  registerReportCommand(program, cli);
  registerHouseholdsCommand(program, cli);
  registerArchiveCommand(program, cli);
  registerAuditCommand(program, cli);
  registerNoticeCommand(program, cli);
  registerCallbacksCommand(program, cli);
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`propdesk: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`propdesk: ${(err as Error).message}\n`);
    return EXIT_FAILURE;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
