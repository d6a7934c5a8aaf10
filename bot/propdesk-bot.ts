import { ActivityHandler, type TurnContext } from 'botbuilder';
import { translator } from '../dialogs/i18n.js';
import { detectLanguage } from '../dialogs/language.js';
import type { Property } from '../domain/property.js';

/** The bot's entry point for every turn. */
export class PropDeskBot extends ActivityHandler {
  constructor(private readonly property: Property) {
    super();
    this.onMessage(async (context, next) => {
      await this.greet(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (newcomers.length > 0) await this.greet(context);
      await next();
    });
  }

  private async greet(context: TurnContext): Promise<void> {
    const t = translator(detectLanguage(context.activity.text, context.activity.locale));
    await context.sendActivity(t('greeting', { property: this.property.name, dutyPhone: this.property.dutyPhone }));
  }
}
