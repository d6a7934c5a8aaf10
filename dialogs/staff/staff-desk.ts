import { TurnContext } from 'botbuilder';
import { CATEGORY_LABELS, DEPARTMENT_LABELS, ROLE_LABELS, STATUS_LABELS } from '../../domain/vocabulary.js';
import { formatInZone } from '../../domain/zoned-format.js';
import { mayActOn } from './card-actions.js';
import { maskPhonesIn } from '../../store/confidential-access.js';
import { conversationKey } from '../../store/conversation-references.js';
import type { Store } from '../../store/store.js';
import type { StaffMember } from '../../store/staff-directory.js';
import type { Clock } from '../../domain/clock.js';
import { translator, type Translate } from '../i18n.js';
import { detectLanguage, type Language } from '../language.js';
import { describeEvent } from '../ticket-history.js';
import { parseBindCommand } from './bind-command.js';
import { handleArchiveApprovalCommand } from './archive-approval-commands.js';
import { handleArchiveCommand } from './archive-commands.js';
import { handleNoticeCommand } from './notice-commands.js';

/** Staff in their chat client: binding to the roster, and (issue 7) queue, ticket look-ups and card actions. */
export class StaffDesk {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async bind(context: TurnContext): Promise<void> {
    const language = detectLanguage(context.activity.text, context.activity.locale);
    const t = translator(language);
    const request = parseBindCommand(context.activity.text);
    if (!request) {
      await context.sendActivity(t('bindUsage'));
      return;
    }
    const reference = TurnContext.getConversationReference(context.activity);
    const key = await this.store.references.save(reference, this.clock());
    const outcome = await this.store.staff.bind(
      request.code,
      { channelId: context.activity.channelId, userId: context.activity.from.id, conversationKey: key, kind: request.kind },
      this.clock(),
    );
    if (!outcome.ok) {
      const message = { 'unknown-code': 'bindUnknownCode', inactive: 'bindInactive', 'bound-elsewhere': 'bindElsewhere' } as const;
      await context.sendActivity(t(message[outcome.reason]));
      return;
    }
    await context.sendActivity(t(request.kind === 'department' ? 'bindTeamDone' : 'bindDone', describe(outcome.staff, language)));
  }

  async handle(context: TurnContext, staff: StaffMember): Promise<void> {
    const language = detectLanguage(context.activity.text, context.activity.locale);
    const t: Translate = translator(language);
    const text = (context.activity.text ?? '').trim();
    if (/^(我的工单|我的待办|待办|my queue|my tickets|queue)$/i.test(text)) {
      await context.sendActivity(await this.queue(staff, language, t));
      return;
    }
    const lookup = /^(?:工单|ticket)\s*([A-Za-z0-9]+-\d{8}-\d{3,})$/i.exec(text);
    if (lookup) {
      await context.sendActivity(await this.detail(staff, lookup[1]!.toUpperCase(), language, t));
      return;
    }
    if (await handleNoticeCommand(context, staff, this.store, this.clock, t)) return;
    if (await handleArchiveApprovalCommand(context, staff, this.store, this.clock, t)) return;
    if (await handleArchiveCommand(context, staff, this.store, this.clock, t)) return;
    await context.sendActivity(t('staffHelp', { name: staff.name }));
  }

  private async queue(staff: StaffMember, language: Language, t: Translate): Promise<string> {
    const managers = staff.role === 'service-head' || staff.role === 'project-manager';
    const filter = managers ? {} : { $or: [{ 'assignee.id': staff._id }, { department: staff.department, assignee: null }] };
    const open = await this.store.tickets.tickets
      .find({ ...filter, status: { $in: ['new', 'dispatched', 'accepted', 'in_progress'] } })
      .sort({ replyDueAt: 1 })
      .limit(20)
      .lean();
    if (open.length === 0) return t('queueEmpty');
    const pick = (label: { zh: string; en: string }) => (language === 'en' ? label.en : label.zh);
    const lines = open.map((ticket) =>
      t('queueLine', {
        number: ticket.number,
        category: pick(CATEGORY_LABELS[ticket.category]),
        status: pick(STATUS_LABELS[ticket.status]),
        due: formatInZone(ticket.firstReplyAt ? ticket.resolveDueAt ?? ticket.replyDueAt : ticket.replyDueAt, this.store.property.timeZone).replace('T', ' ').slice(0, 16),
      }),
    );
    return [t('queueHeader'), ...lines].join('\n');
  }

  private async detail(staff: StaffMember, number: string, language: Language, t: Translate): Promise<string> {
    const ticket = await this.store.tickets.findByNumber(number);
    if (!ticket || !mayActOn(staff, ticket)) return t('ticketNotFound', { number });
    const pick = (label: { zh: string; en: string }) => (language === 'en' ? label.en : label.zh);
    const zone = this.store.property.timeZone;
    const history = ticket.events
      .map((e) => `${formatInZone(e.at, zone).slice(5, 16).replace('T', ' ')} ${maskPhonesIn(describeEvent(e, language))}`)
      .join('\n');
    return t('ticketDetail', { number, category: pick(CATEGORY_LABELS[ticket.category]), status: pick(STATUS_LABELS[ticket.status]), text: maskPhonesIn(ticket.text), history });
  }

  conversationKeyOf(context: TurnContext): string {
    return conversationKey(TurnContext.getConversationReference(context.activity));
  }
}

function describe(staff: StaffMember, language: Language): Record<string, string> {
  const pick = (label: { zh: string; en: string }) => (language === 'en' ? label.en : label.zh);
  return {
    name: staff.name,
    department: pick(DEPARTMENT_LABELS[staff.department]),
    role: pick(ROLE_LABELS[staff.role]),
  };
}
