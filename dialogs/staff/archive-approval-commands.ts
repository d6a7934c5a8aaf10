import type { TurnContext } from 'botbuilder';
import type { Clock } from '../../domain/clock.js';
import type { StaffMember } from '../../store/staff-directory.js';
import type { Store } from '../../store/store.js';
import type { Translate } from '../i18n.js';

/** Checked before "档案 <no>": "archive approve X" must not read as the file "APPROVE". */
const COMMAND = /^(?:(批准查档|驳回查档)|archive\s+(approve|refuse))(?:\s+(\S+))?(?:\s+(.+))?$/i;

export function approverNames(approvers: readonly StaffMember[], t: Translate): string {
  return approvers.map((a) => a.name).join('、') || t('staffArchiveApproversFallback');
}

/**
 * "批准查档 <request id>" / "archive approve <id>" and "驳回查档 <id> <reason>" / "archive refuse <id> <reason>":
 * a head of the requester's department or the project manager decides an internal archive request
 * (InternalArchiveAccess: the same rules and log as `propdesk archive approve|refuse`).
 */
export async function handleArchiveApprovalCommand(context: TurnContext, staff: StaffMember, store: Store, clock: Clock, t: Translate): Promise<boolean> {
  const match = COMMAND.exec((context.activity.text ?? '').trim());
  if (!match) return false;
  const approve = match[1] ? match[1] === '批准查档' : match[2]!.toLowerCase() === 'approve';
  const id = match[3]?.toUpperCase();
  if (!id) {
    await context.sendActivity(t('staffArchiveDecisionUsage'));
    return true;
  }
  const outcome = approve ? await store.internalAccess.approve(staff._id, id, clock()) : await store.internalAccess.refuse(staff._id, id, match[4], clock());
  if (outcome.ok) {
    const { request, decision } = outcome;
    const values = { id, name: request.requester.name, archiveNo: request.archiveNo, until: decision.expiresAt ? store.internalAccess.localTime(decision.expiresAt) : '' };
    await context.sendActivity(t(approve ? 'staffArchiveRequestApproved' : 'staffArchiveRequestRefused', values));
  } else if (outcome.reason === 'no-such-request') {
    await context.sendActivity(t('staffArchiveRequestNotFound', { id }));
  } else if (outcome.reason === 'not-an-approver') {
    await context.sendActivity(t('staffArchiveRequestNotApprover', { id, name: outcome.request.requester.name }));
  } else if (outcome.reason === 'needs-reason') {
    await context.sendActivity(t('staffArchiveRefusalNeedsReason', { id }));
  } else {
    const key = outcome.decision.outcome === 'approved' ? 'staffArchiveRequestAlreadyApproved' : 'staffArchiveRequestAlreadyRefused';
    await context.sendActivity(t(key, { id, by: outcome.decision.by.name }));
  }
  return true;
}
