import { isActionAllowed } from '../../domain/transitions.js';
import { isTicketAction, STATUS_LABELS } from '../../domain/vocabulary.js';
import { translator } from '../i18n.js';
import type { Language } from '../language.js';
import { actionLabel } from '../ticket-history.js';
import type { CardActionOutcome } from './card-actions.js';

/** What staff read after a card action sent as Action.Submit: in words, never the action's or the state's internal names. */
export function cardActionReply(outcome: CardActionOutcome, verb: string, language: Language): string {
  const t = translator(language);
  if (outcome.outcome === 'refused') return t('actionRefused');
  const action = actionLabel(verb, language);
  if (outcome.outcome === 'done') return t('actionDone', { number: outcome.ticket.number, action });
  const { ticket } = outcome;
  if (ticket && isTicketAction(verb) && !isActionAllowed(ticket.status, verb)) {
    const status = language === 'en' ? STATUS_LABELS[ticket.status].en : STATUS_LABELS[ticket.status].zh;
    return t('actionNotAllowed', { number: ticket.number, action, status });
  }
  return t('actionIncomplete', { action });
}
