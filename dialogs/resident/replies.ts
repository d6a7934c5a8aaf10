import { MessageFactory, type Activity, type CardAction } from 'botbuilder';
import { ActionTypes } from 'botbuilder';
import { CATEGORY_LABELS, DEPARTMENT_LABELS, STATUS_LABELS, type Category, type Property } from '../../domain/index.js';
import type { Ticket, TicketLocation } from '../../store/ticket-repository.js';
import type { Translate } from '../i18n.js';
import type { Language } from '../language.js';
import { formatDeadline } from './human-deadline.js';
import { guidanceFor, type Hazard } from './safety-guidance.js';

export function buttons(titles: string[]): CardAction[] {
  return titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
}

export function withButtons(text: string, titles: string[]): Partial<Activity> {
  return MessageFactory.suggestedActions(buttons(titles), text);
}

export function welcome(t: Translate, property: Property): Partial<Activity> {
  return withButtons(t('welcome', { property: property.name, dutyPhone: property.dutyPhone }), menuChoices(t));
}

/** A message that says nothing the bot knows: how to ask, with the same quick choices as the welcome. */
export function notUnderstood(t: Translate, property: Property): Partial<Activity> {
  return withButtons(t('notUnderstood', { dutyPhone: property.dutyPhone }), menuChoices(t));
}

function menuChoices(t: Translate): string[] {
  return [
    t('menuRepair'),
    t('menuComplaint'),
    t('menuInquiry'),
    t('menuTickets'),
    t('menuEmergency'),
  ];
}

export function labelOf(label: { zh: string; en: string }, language: Language): string {
  return language === 'en' ? label.en : label.zh;
}

export function categoryLabel(category: Category, language: Language): string {
  return labelOf(CATEGORY_LABELS[category], language);
}

export function describeLocation(location: TicketLocation | null | undefined): string | null {
  if (!location) return null;
  if (location.raw) return location.raw;
  const parts = [location.building, location.unit, location.room].filter(Boolean);
  return parts.length ? parts.join('-') : (location.area ?? null);
}

export function ticketCreated(t: Translate, ticket: Ticket, language: Language, zone: string): string {
  return t('created', {
    category: labelOf(CATEGORY_LABELS[ticket.category], language),
    number: ticket.number,
    department: labelOf(DEPARTMENT_LABELS[ticket.department], language),
    replyBy: formatDeadline(ticket.replyDueAt, zone, language),
  });
}

/** One line of "my tickets": number, category, status, text and the next deadline while open. */
export function ticketLine(t: Translate, ticket: Ticket, language: Language, zone: string, open: boolean): string {
  let due = '';
  if (open && !ticket.firstReplyAt) due = t('ticketDueReply', { at: formatDeadline(ticket.replyDueAt, zone, language) });
  else if (open && ticket.resolveDueAt) due = t('ticketDueResolve', { at: formatDeadline(ticket.resolveDueAt, zone, language) });
  const text = ticket.text.length > 24 ? `${ticket.text.slice(0, 24)}…` : ticket.text;
  return t('ticketLine', {
    number: ticket.number,
    category: labelOf(CATEGORY_LABELS[ticket.category], language),
    status: labelOf(STATUS_LABELS[ticket.status], language),
    text,
    due,
  });
}

const FAQ_KEYS = {
  officeHours: 'faqOfficeHours',
  fees: 'faqFees',
  parking: 'faqParking',
  renovation: 'faqRenovation',
  outage: 'faqOutage',
} as const;

export function faqAnswer(t: Translate, id: keyof typeof FAQ_KEYS, property: Property): string {
  return `${t(FAQ_KEYS[id], { property: property.name, dutyPhone: property.dutyPhone })}\n${t('faqFooter')}`;
}

/** The answer to "what should I do if …" about a hazard: its safety guidance and the numbers to call. */
export function safetyAnswer(t: Translate, hazard: Hazard, property: Property): string {
  return `${t('faqSafety', { guidance: t(guidanceFor(hazard)), dutyPhone: property.dutyPhone })}\n${t('faqFooter')}`;
}
