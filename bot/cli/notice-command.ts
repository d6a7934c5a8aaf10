import type { Command } from 'commander';
import { NOTICE_KINDS, type NoticeKind } from '../../store/models/notice.js';
import { parseDay } from './acting-staff.js';
import type { CliContext } from './cli-context.js';
import { withStore } from './database-session.js';
import { UsageError } from './exit-codes.js';

interface DraftOptions {
  title: string;
  body: string;
  kind: string;
  approvingDocument?: string;
  from?: string;
  until?: string;
  building?: string;
  as: string;
}

export function registerNoticeCommand(program: Command, cli: CliContext): void {
  const notice = program.command('notice').description('public notices (公开文件): draft → check → approve → publish; acknowledgements');

  notice
    .command('draft')
    .description('draft a notice (price notices need --approving-document)')
    .requiredOption('--title <text>')
    .requiredOption('--body <text>')
    .option('--kind <kind>', NOTICE_KINDS.join(' | '), 'general')
    .option('--approving-document <ref>', 'the document that approved the prices')
    .option('--from <date>', 'first day shown (YYYY-MM-DD or ISO-8601)')
    .option('--until <date>', 'last day shown; without it a notice is shown for 7 days')
    .option('--building <building>', "only this building's households")
    .requiredOption('--as <staffId>', 'the staff member drafting')
    .action(async (options: DraftOptions) => {
      if (!(NOTICE_KINDS as readonly string[]).includes(options.kind)) throw new UsageError(`--kind must be one of ${NOTICE_KINDS.join(', ')}`);
      const zone = cli.config().property.timeZone;
      await withStore(cli, async (store) => {
        const drafted = await store.notices.draft(options.as, {
          title: options.title,
          body: options.body,
          kind: options.kind as NoticeKind,
          approvingDocument: options.approvingDocument ?? null,
          validFrom: options.from ? parseDay(options.from, '--from', zone, 'start') : null,
          validUntil: options.until ? parseDay(options.until, '--until', zone, 'end') : null,
          building: options.building ?? null,
        });
        process.stdout.write(`${drafted._id}\n`);
      });
    });

  for (const [name, description] of [
    ['check', 'customer service checks a draft'],
    ['approve', 'the project manager approves a checked notice'],
    ['publish', 'publish an approved notice: a card to every linked resident of its households'],
  ] as const) {
    notice
      .command(name)
      .description(description)
      .argument('<id>')
      .requiredOption('--as <staffId>', 'the staff member doing it')
      .action(async (id: string, options: { as: string }) => {
        await withStore(cli, async (store) => {
          if (name === 'publish') {
            const result = await store.notices.publish(options.as, id);
            process.stdout.write(`${id} published to ${result.households} households (${result.cards} chat cards)\n`);
          } else {
            const updated = name === 'check' ? await store.notices.check(options.as, id) : await store.notices.approve(options.as, id);
            process.stdout.write(`${id} ${updated.status}\n`);
          }
        });
      });
  }

  notice
    .command('status')
    .description('who has and has not acknowledged a notice')
    .argument('<id>')
    .option('--json', 'print one JSON object')
    .action(async (id: string, options: { json?: boolean }) => {
      await withStore(cli, async (store) => {
        const report = await store.notices.status(id);
        const summary = {
          id,
          title: report.notice.title,
          status: report.notice.status,
          expiresAt: report.notice.expiresAt?.toISOString() ?? null,
          households: report.notice.recipients.length,
          acknowledged: report.acknowledged.map((a) => ({ household: a.householdId, at: a.at.toISOString() })),
          pending: report.pending,
        };
        if (options.json) {
          process.stdout.write(`${JSON.stringify(summary)}\n`);
          return;
        }
        process.stdout.write(`${id} ${summary.title} (${summary.status}): ${summary.acknowledged.length}/${summary.households} acknowledged\n`);
        for (const a of summary.acknowledged) process.stdout.write(`acknowledged\t${a.household}\t${a.at}\n`);
        for (const h of summary.pending) process.stdout.write(`pending\t${h}\n`);
      });
    });

  notice.commands.forEach((command) => command.exitOverride());
}
