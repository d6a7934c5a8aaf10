import { CardFactory, type Attachment } from 'botbuilder';
import { translator } from '../../dialogs/i18n.js';
import type { Language } from '../../dialogs/language.js';
import { formatInZone } from '../../domain/zoned-format.js';
import type { Notice } from '../../store/notices.js';

export const ACKNOWLEDGE_NOTICE_VERB = 'acknowledge-notice';

function day(date: Date | null | undefined, zone: string): string {
  return date ? formatInZone(date, zone).slice(0, 10) : '—';
}

/** A published notice as an Adaptive Card with an 已阅/acknowledge button; once acknowledged, the button goes. */
export function noticeCard(notice: Notice, options: { language: Language; timeZone: string; acknowledgedBy?: string }): Attachment {
  const t = translator(options.language);
  const body: Array<Record<string, unknown>> = [
    { type: 'TextBlock', text: t('noticeCardHeading', { title: notice.title }), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: notice.body, wrap: true },
    { type: 'TextBlock', text: t('noticeCardValidity', { from: day(notice.validFrom ?? notice.publishedAt, options.timeZone), until: day(notice.expiresAt, options.timeZone) }), isSubtle: true, wrap: true },
  ];
  if (notice.approvingDocument) body.push({ type: 'TextBlock', text: t('noticeCardPriceDocument', { document: notice.approvingDocument }), isSubtle: true, wrap: true });
  if (options.acknowledgedBy) body.push({ type: 'TextBlock', text: t('noticeCardAcknowledged', { household: options.acknowledgedBy }), color: 'Good', wrap: true });
  const data = { verb: ACKNOWLEDGE_NOTICE_VERB, notice: notice._id };
  const actions = options.acknowledgedBy
    ? []
    : [{ type: 'Action.Execute', title: t('noticeCardAcknowledge'), verb: ACKNOWLEDGE_NOTICE_VERB, data, fallback: { type: 'Action.Submit', title: t('noticeCardAcknowledge'), data } }];
  return CardFactory.adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions });
}
