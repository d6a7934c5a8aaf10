import type { Command } from 'commander';
import type { ArchiveDecisionOutcome } from '../../store/internal-archive-access.js';
import type { Store } from '../../store/store.js';
import type { CliContext } from './cli-context.js';
import { withStore } from './database-session.js';
import { EXIT_FAILURE, UsageError } from './exit-codes.js';

/** One line for a decision that did not go through (exit 1); the attempt is in the access log. */
function refusal(outcome: Exclude<ArchiveDecisionOutcome, { ok: true }>, id: string, staffId: string): UsageError {
  switch (outcome.reason) {
    case 'no-such-request':
      return new UsageError(`no archive request ${id}`, EXIT_FAILURE);
    case 'not-an-approver':
      return new UsageError(`${staffId} may not decide ${id}: a request of ${outcome.request.requester.name} (${outcome.request.requester.department}) is decided by a head of that department or the project manager`, EXIT_FAILURE);
    case 'needs-reason':
      return new UsageError(`refusing ${id} needs a reason`, EXIT_FAILURE);
    case 'already-decided':
      return new UsageError(`${id} was already ${outcome.decision.outcome} by ${outcome.decision.by.name} (${outcome.decision.by.id})`, EXIT_FAILURE);
  }
}

function describeRequest(store: Store, request: { _id: string; archiveNo: string; reason: string; requester: { id: string; name: string }; requestedAt: Date }): string {
  return [request._id, store.internalAccess.localTime(request.requestedAt), `${request.requester.id} ${request.requester.name}`, request.archiveNo, request.reason].join('\t');
}

export function registerArchiveCommand(program: Command, cli: CliContext): void {
  const archive = program.command('archive').description("internal archive requests (查档申请): a head of the requester's department or the project manager approves or refuses");

  archive
    .command('approve')
    .description('approve a request: the requester may read the file for 24 hours (in chat `档案 <no> <reason>`, or `propdesk households show`)')
    .argument('<requestId>')
    .requiredOption('--as <staffId>', "a head of the requester's department, or the project manager")
    .action(async (requestId: string, options: { as: string }) => {
      await withStore(cli, async (store) => {
        const outcome = await store.internalAccess.approve(options.as, requestId);
        if (!outcome.ok) throw refusal(outcome, requestId, options.as);
        const { request, decision } = outcome;
        process.stdout.write(`${request._id} approved: ${request.requester.id} may read ${request.archiveNo} until ${store.internalAccess.localTime(decision.expiresAt!)}\n`);
      });
    });

  archive
    .command('refuse')
    .description('refuse a request, with the reason the requester is told')
    .argument('<requestId>')
    .requiredOption('--reason <why>', 'why it is refused')
    .requiredOption('--as <staffId>', "a head of the requester's department, or the project manager")
    .action(async (requestId: string, options: { reason: string; as: string }) => {
      await withStore(cli, async (store) => {
        const outcome = await store.internalAccess.refuse(options.as, requestId, options.reason);
        if (!outcome.ok) throw refusal(outcome, requestId, options.as);
        process.stdout.write(`${outcome.request._id} refused\n`);
      });
    });

  archive
    .command('pending')
    .description('the requests still waiting that this staff member may decide, oldest first: id, requested at, requester, archive, reason')
    .requiredOption('--as <staffId>', 'the head or project manager asking')
    .action(async (options: { as: string }) => {
      await withStore(cli, async (store) => {
        for (const request of await store.internalAccess.pendingFor(options.as)) process.stdout.write(`${describeRequest(store, request)}\n`);
      });
    });

  archive.commands.forEach((command) => command.exitOverride());
}
