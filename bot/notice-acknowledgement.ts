import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { translator } from '../dialogs/i18n.js';
import { detectLanguage } from '../dialogs/language.js';
import type { Store } from '../store/store.js';
import { noticeCard } from './cards/notice-card.js';

/** A resident pressed 已阅 on a notice card (Action.Execute): the answer is the card without the button. */
export async function acknowledgeNoticeInvoke(store: Store, context: TurnContext, noticeId: string, at: Date): Promise<AdaptiveCardInvokeResponse> {
  const { channelId, from } = context.activity;
  const outcome = await store.notices.acknowledge(noticeId, channelId, from.id, at);
  if (!outcome.ok) {
    return { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message: outcome.reason } as never };
  }
  const notice = await store.notices.get(noticeId);
  const card = noticeCard(notice, { language: detectLanguage(undefined, context.activity.locale), timeZone: store.property.timeZone, acknowledgedBy: outcome.householdId });
  return { statusCode: 200, type: CardFactory.contentTypes.adaptiveCard, value: card.content as never };
}

/** The Action.Submit fallback: the same acknowledgement, answered with a line of text. */
export async function acknowledgeNoticeSubmit(store: Store, context: TurnContext, noticeId: string, at: Date): Promise<void> {
  const { channelId, from } = context.activity;
  const t = translator(detectLanguage(undefined, context.activity.locale));
  const outcome = await store.notices.acknowledge(noticeId, channelId, from.id, at);
  if (!outcome.ok) {
    await context.sendActivity(t(outcome.reason === 'not-linked' ? 'noticeAckNotLinked' : 'noticeAckNotRecipient'));
    return;
  }
  const notice = await store.notices.get(noticeId);
  await context.sendActivity(t(outcome.already ? 'noticeAckAlready' : 'noticeAckDone', { title: notice.title }));
}
