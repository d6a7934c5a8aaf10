import type { TurnContext } from 'botbuilder';
import type { Property } from '../../domain/index.js';
import type { IntakeDraft } from './intake-draft.js';
import type { ResidentTickets } from './resident-tickets.js';
import { residentTurn } from './resident-turn.js';
import { guidanceFor, hazardOf } from './safety-guidance.js';

/** No questions first: safety guidance, the duty phone and an urgent security ticket at once. */
export async function handleEmergency(context: TurnContext, draft: IntakeDraft, tickets: ResidentTickets, property: Property): Promise<void> {
  const resident = residentTurn(context);
  const ticket = await tickets.open(draft, resident, context.activity.channelId, { urgent: true, category: 'security' });
  const t = resident.t;
  await context.sendActivity(t('emergencyCreated', { guidance: t(guidanceFor(hazardOf(draft.text))), dutyPhone: property.dutyPhone, number: ticket.number }));
}
