import type { TurnContext } from 'botbuilder';
import type { Property } from '../../domain/property.js';
import type { Desk } from '../desk.js';
import { translator } from '../i18n.js';
import { detectLanguage } from '../language.js';

/** The resident-facing desk. For now it greets; intake, status, linking and surveys follow (issue 6). */
export class ResidentDesk implements Desk {
  constructor(private readonly property: Property) {}

  async handle(context: TurnContext): Promise<void> {
    const t = translator(detectLanguage(context.activity.text, context.activity.locale));
    await context.sendActivity(t('greeting', { property: this.property.name, dutyPhone: this.property.dutyPhone }));
  }
}
