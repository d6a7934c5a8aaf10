import type { Command } from 'commander';
import { classifyJsonLines, createRecognizer } from '../../nlu/index.js';
import type { CliContext } from './cli-context.js';

export function registerClassifyCommand(program: Command, cli: CliContext): void {
  program
    .command('classify')
    .description('read JSON Lines {"text","locale"?} on stdin, write {"text","category","severity","confidence","entities"} per line')
    .action(async () => {
      const config = cli.config();
      const recognizer = createRecognizer({ clu: config.clu, logger: cli.logger() });
      process.stdin.setEncoding('utf8');
      for await (const line of classifyJsonLines(process.stdin, recognizer)) process.stdout.write(`${line}\n`);
    });
}
