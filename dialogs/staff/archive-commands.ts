import type { TurnContext } from 'botbuilder';
import type { Clock } from '../../domain/clock.js';
import { AccessRefusedError } from '../../store/confidential-access.js';
import type { StaffMember } from '../../store/staff-directory.js';
import type { Store } from '../../store/store.js';
import type { Translate } from '../i18n.js';
import { approverNames } from './archive-approval-commands.js';

const COMMAND = /^(?:档案|archive)\s+(\S+)(?:\s+(.+))?$/i;

/**
 * "档案 <archive no> <reason>" / "archive <no> <reason>": a household's file in staff chat, through
 * InternalArchiveAccess (reason required, logged). A head or the project manager sees it at once;
 * anyone else sees it within 24 hours of an approved request, and otherwise the text records one.
 */
export async function handleArchiveCommand(context: TurnContext, staff: StaffMember, store: Store, clock: Clock, t: Translate): Promise<boolean> {
  const match = COMMAND.exec((context.activity.text ?? '').trim());
  if (!match) return false;
  const archiveNo = match[1]!.toUpperCase();
  if (context.activity.conversation?.isGroup) {
    // a household file (members, full phone numbers) is shown in a private chat only, never to a group
    await context.sendActivity(t('staffArchivePrivateOnly', { archiveNo }));
    return true;
  }
  try {
    const outcome = await store.internalAccess.read(staff._id, archiveNo, match[2], clock());
    if (outcome.kind === 'not-found') {
      await context.sendActivity(t('staffArchiveNotFound', { archiveNo }));
    } else if (outcome.kind === 'requested' || outcome.kind === 'pending') {
      const values = { archiveNo, id: outcome.request._id, approvers: approverNames(outcome.approvers, t) };
      await context.sendActivity(t(outcome.kind === 'requested' ? 'staffArchiveRequested' : 'staffArchiveRequestPending', values));
    } else {
      const { household, tickets } = outcome.archive;
      const members = household.members.map((m) => `${m.name} · ${m.role} · ${m.phone ?? '—'}${m.movedOut ? ' · moved out' : ''}`).join('\n');
      const file = t('staffArchive', { archiveNo, members, records: household.records.length, tickets: tickets.length, changes: household.history.length });
      const grant = outcome.requestId && outcome.expiresAt ? `\n${t('staffArchiveGrant', { id: outcome.requestId, until: store.internalAccess.localTime(outcome.expiresAt) })}` : '';
      await context.sendActivity(file + grant);
    }
  } catch (err) {
    if (!(err instanceof AccessRefusedError)) throw err;
    await context.sendActivity(t('staffArchiveNeedsReason'));
  }
  return true;
}
