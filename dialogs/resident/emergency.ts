import type { TurnContext } from 'botbuilder';
import type { Property } from '../../domain/index.js';
import type { MessageKey } from '../i18n.js';
import type { IntakeDraft } from './intake-draft.js';
import type { ResidentTickets } from './resident-tickets.js';
import { residentTurn } from './resident-turn.js';
import { hazardOf, type Hazard } from './safety-guidance.js';

const GUIDANCE: Readonly<Record<Hazard, MessageKey>> = {
  gas: 'emergencyGas',
  fire: 'emergencyFire',
  intruder: 'emergencyIntruder',
  general: 'emergencyGeneral',
};

/** No questions first: safety guidance, the duty phone and an urgent security ticket at once. */
export async function handleEmergency(context: TurnContext, draft: IntakeDraft, tickets: ResidentTickets, property: Property): Promise<void> {
  const resident = residentTurn(context);
  const ticket = await tickets.open(draft, resident, context.activity.channelId, { urgent: true, category: 'security' });
  const t = resident.t;
  await context.sendActivity(t('emergencyCreated', { guidance: t(GUIDANCE[hazardOf(draft.text)]), dutyPhone: property.dutyPhone, number: ticket.number }));
}
