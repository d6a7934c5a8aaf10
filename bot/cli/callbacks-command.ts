import type { Command } from 'commander';
import { SURVEY_ANSWERS, type SurveyAnswer } from '../../domain/survey-answer.js';
import { recordCallbackResult } from '../../jobs/record-callback-result.js';
import { CALLBACK_METHODS, type CallbackMethod } from '../../store/models/callback-task.js';
import { Surveys } from '../../store/surveys.js';
import { actingStaff } from './acting-staff.js';
import type { CliContext } from './cli-context.js';
import { withStore } from './database-session.js';
import { UsageError } from './exit-codes.js';
import { parseInstant } from './sla-command.js';

interface DoneOptions {
  method: string;
  result: string;
  satisfaction?: string;
  as?: string;
  madeAt?: string;
}

export function registerCallbacksCommand(program: Command, cli: CliContext): void {
  const callbacks = program.command('callbacks').description('callback tasks (回访): the open list, the visit list, recording a result');

  callbacks
    .command('list')
    .description('open callback tasks, earliest due first')
    .option('--visits', 'only the visit list (callbacks to make in person)')
    .option('--json', 'one JSON object per line')
    .action(async (options: { visits?: boolean; json?: boolean }) => {
      await withStore(cli, async (store) => {
        const surveys = new Surveys(store.connection);
        const tasks = options.visits ? await surveys.visitList() : await surveys.openTasks();
        for (const task of tasks) {
          const row = { id: task._id, ticketNumber: task.ticketNumber, category: task.category, method: task.method, reason: task.reason, dueAt: task.dueAt.toISOString() };
          process.stdout.write(options.json ? `${JSON.stringify(row)}\n` : `${row.id}\t${row.ticketNumber}\t${row.method}\t${row.reason}\tdue ${row.dueAt}\n`);
        }
      });
    });

  callbacks
    .command('done')
    .description('record a callback made: method, what the resident said, and satisfaction')
    .argument('<taskId>')
    .requiredOption('--method <method>', CALLBACK_METHODS.join(' | '))
    .requiredOption('--result <text>', "what the resident said")
    .option('--satisfaction <answer>', SURVEY_ANSWERS.join(' | '))
    .option('--as <staffId>', 'the staff member who made the callback')
    .option('--made-at <iso>', 'when the callback was made (ISO-8601 with offset); default: now')
    .action(async (taskId: string, options: DoneOptions) => {
      if (!(CALLBACK_METHODS as readonly string[]).includes(options.method)) throw new UsageError(`--method must be one of ${CALLBACK_METHODS.join(', ')}`);
      if (options.satisfaction && !(SURVEY_ANSWERS as readonly string[]).includes(options.satisfaction)) {
        throw new UsageError(`--satisfaction must be one of ${SURVEY_ANSWERS.join(', ')}`);
      }
      if (!options.result.trim()) throw new UsageError('--result must say what the resident said');
      const madeAt = options.madeAt === undefined ? undefined : parseInstant(options.madeAt, '--made-at');
      if (madeAt && madeAt.getTime() > Date.now()) throw new UsageError(`--made-at must not be in the future (got "${options.madeAt}")`);
      await withStore(cli, async (store) => {
        const staff = await actingStaff(store, options.as, 'recordCallback');
        const callback = { method: options.method as CallbackMethod, result: options.result.trim(), satisfaction: (options.satisfaction as SurveyAnswer | undefined) ?? null, by: staff, madeAt };
        const outcome = await recordCallbackResult(store, taskId, callback, new Date());
        if (!outcome.done) throw new UsageError(outcome.reason === 'no-such-task' ? `no callback task ${taskId}` : `callback task ${taskId} is already done`, 1);
        const rework = outcome.reopened ? `; ${outcome.ticketNumber} reopened, rework due ${outcome.reworkDueAt!.toISOString()}` : '';
        const closed = outcome.closed ? `; ${outcome.ticketNumber} closed` : '';
        const resumed = outcome.resumed ? `; already on ${outcome.ticketNumber}'s history from an earlier run that stopped: finished now` : '';
        process.stdout.write(`${taskId} done${resumed}${roundNote(outcome)}${rework}${closed}\n`);
      });
    });

  callbacks.commands.forEach((command) => command.exitOverride());
}

function roundNote(outcome: { ticketNumber: string; earlierRound: boolean; recordOnly: boolean; reworkedSince: boolean }): string {
  if (outcome.recordOnly) return `; ${outcome.ticketNumber} was reworked since this task's round and not yet resolved again when this callback was made: recorded, the ticket left as it is`;
  if (outcome.reworkedSince) return `; ${outcome.ticketNumber} has been reopened for rework since the resolution this callback counted for: the ticket left as it is`;
  if (outcome.earlierRound) return `; ${outcome.ticketNumber} was reworked since this task's round: counted for its current resolution`;
  return '';
}
