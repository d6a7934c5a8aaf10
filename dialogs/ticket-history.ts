import { ACTION_LABELS, ACTOR_KIND_LABELS, EVENT_KIND_LABELS, isTicketAction, type ActorKind, type Label, type TicketEventKind } from '../domain/vocabulary.js';
import type { Language } from './language.js';

export interface HistoryEvent {
  kind: TicketEventKind;
  by?: { kind: ActorKind; id: string; name?: string | null } | null;
  text?: string | null;
  from?: string | null;
  to?: string | null;
  data?: unknown;
}

/** Who a rework was asked by (the reopen itself is the system's). */
const REWORK_ASKED_BY: Readonly<Record<string, Label>> = {
  resident: { zh: '住户反馈没修好', en: 'the resident says it is not fixed' },
  survey: { zh: '满意度调查不满意', en: 'dissatisfied in the survey' },
  callback: { zh: '回访不满意', en: 'dissatisfied at the callback' },
};

function pick(label: Label, language: Language): string {
  return language === 'en' ? label.en : label.zh;
}

/** A staff member by name; a resident or the system by what they are (never a resident's account id). */
export function actorLabel(by: HistoryEvent['by'], language: Language): string {
  if (!by) return pick(ACTOR_KIND_LABELS.system, language);
  if (by.kind === 'staff' && by.name) return by.name;
  return pick(ACTOR_KIND_LABELS[by.kind] ?? ACTOR_KIND_LABELS.system, language);
}

/** One history entry for people: "接单 · 王师傅", "住户补充 · 住户 · 下午两点后在家". */
export function describeEvent(event: HistoryEvent, language: Language): string {
  const kind = EVENT_KIND_LABELS[event.kind] ? pick(EVENT_KIND_LABELS[event.kind], language) : pick(EVENT_KIND_LABELS.note, language);
  const reason = event.kind === 'reopened' ? REWORK_ASKED_BY[String((event.data as { reason?: unknown } | null | undefined)?.reason)] : undefined;
  const who = reason ? pick(reason, language) : actorLabel(event.by, language);
  return [kind, who, event.text].filter(Boolean).join(' · ');
}

/**
 * The latest event worth a line on a card: what a person did, or a change of status; the system's
 * own bookkeeping (reminders, superseded surveys) is left to the history.
 */
export function latestNotableEvent<E extends HistoryEvent>(events: readonly E[]): E | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i]!;
    if (event.kind === 'created') return undefined;
    if (event.by?.kind !== 'system' || (event.to && event.from !== event.to)) return event;
  }
  return undefined;
}

/** A card verb (accept, note, …) as the card's button names it. */
export function actionLabel(verb: string, language: Language): string {
  return isTicketAction(verb) ? pick(ACTION_LABELS[verb], language) : verb;
}
