import type { TurnContext } from 'botbuilder';
import type { Clock } from '../../domain/clock.js';
import { NoticeRuleError } from '../../store/notices.js';
import type { StaffMember } from '../../store/staff-directory.js';
import { PermissionDeniedError } from '../../store/staff-permissions.js';
import type { Store } from '../../store/store.js';
import type { Translate } from '../i18n.js';

const COMMAND = /^(?:(公告审核|公告批准|公告发布|公告状态)|notice\s+(check|approve|publish|status))\s+(\S+)$/i;
const VERBS: Record<string, 'check' | 'approve' | 'publish' | 'status'> = { 公告审核: 'check', 公告批准: 'approve', 公告发布: 'publish', 公告状态: 'status' };

/**
 * Staff move a notice along from chat: "公告审核 <id>" / "notice check <id>", approve, publish, status.
 * The same store functions and role checks as `propdesk notice`. False when the text is not such a command.
 */
export async function handleNoticeCommand(context: TurnContext, staff: StaffMember, store: Store, clock: Clock, t: Translate): Promise<boolean> {
  const match = COMMAND.exec((context.activity.text ?? '').trim());
  if (!match) return false;
  const verb = match[1] ? VERBS[match[1]]! : (match[2]!.toLowerCase() as 'check' | 'approve' | 'publish' | 'status');
  const id = match[3]!;
  try {
    if (verb === 'status') {
      const report = await store.notices.status(id);
      await context.sendActivity(t('staffNoticeStatus', { id, done: report.acknowledged.length, total: report.notice.recipients.length, pending: report.pending.join(', ') || '—' }));
    } else if (verb === 'publish') {
      const result = await store.notices.publish(staff._id, id, clock());
      await context.sendActivity(t('staffNoticePublished', { id, households: result.households, cards: result.cards }));
    } else {
      if (verb === 'check') await store.notices.check(staff._id, id, clock());
      else await store.notices.approve(staff._id, id, clock());
      await context.sendActivity(t(verb === 'check' ? 'staffNoticeChecked' : 'staffNoticeApproved', { id }));
    }
  } catch (err) {
    if (!(err instanceof NoticeRuleError || err instanceof PermissionDeniedError)) throw err;
    await context.sendActivity(t('staffNoticeRefused', { reason: err.message }));
  }
  return true;
}
