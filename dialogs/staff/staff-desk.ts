import { TurnContext } from 'botbuilder';
import { DEPARTMENT_LABELS, ROLE_LABELS } from '../../domain/vocabulary.js';
import { conversationKey } from '../../store/conversation-references.js';
import type { Store } from '../../store/store.js';
import type { StaffMember } from '../../store/staff-directory.js';
import type { Clock } from '../../domain/clock.js';
import { translator, type Translate } from '../i18n.js';
import { detectLanguage, type Language } from '../language.js';
import { parseBindCommand } from './bind-command.js';

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
    await context.sendActivity(t('staffHelp', { name: staff.name }));
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
