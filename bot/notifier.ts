import { MessageFactory, type Activity, type BotAdapter, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { translator, type MessageKey } from '../dialogs/i18n.js';
import type { Language } from '../dialogs/language.js';
import type { Clock } from '../domain/clock.js';
import type { OutboxEntry } from '../store/outbox.js';
import type { Store } from '../store/store.js';
import type { CardRecipientPayload } from '../store/recipients.js';
import { NOTICE_CARD_KIND } from '../store/notices.js';
import { assigneePhone, dispatchCard } from './cards/dispatch-card.js';
import { maskPhonesIn } from '../store/confidential-access.js';
import { noticeCard } from './cards/notice-card.js';
import type { PhotoUrl } from './media-links.js';

interface TextPayload {
  key: MessageKey;
  values?: Record<string, unknown>;
  language?: Language;
}

/**
 * Delivers what the outbox holds: renders cards and texts, sends them proactively through the
 * adapter with the stored conversation reference, records the sent activity id (cards are updated
 * in place later), and leaves failures for a retry with backoff. Nothing is sent twice: each
 * attempt is claimed, and an entry marked sent is done.
 */
export class Notifier {
  private running: Promise<number> | undefined;
  private closing = false;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Adapters of channels outside the Bot Framework connector, by channelId (e.g. 'wechat'). */
    private readonly channelAdapters: Partial<Record<string, BotAdapter>> = {},
    /** Where cards load photos from (signed media links); default: http(s) addresses only. */
    private readonly photoUrl?: PhotoUrl,
  ) {}

  /** Delivers every due entry; overlapping calls share one run. Returns how many were sent. */
  deliverDue(): Promise<number> {
    this.running ??= this.deliver().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Shutting down: the send under way finishes, no new one starts (the entries wait for the next process). */
  close(): void {
    this.closing = true;
  }

  private async deliver(): Promise<number> {
    let sent = 0;
    for (const entry of await this.store.outbox.due(this.clock())) {
      if (this.closing) break;
      if (!(await this.store.outbox.claimAttempt(entry, this.clock()))) continue;
      try {
        const activityId = await this.send(entry);
        await this.store.outbox.markSent(entry, activityId, this.clock());
        sent += 1;
      } catch (err) {
        if ((err as { permanent?: unknown }).permanent === true) {
          this.logger.warn({ err, entry: entry._id }, 'proactive send is undeliverable; left for staff');
          await this.store.outbox.markUndeliverable(entry, (err as Error).message, this.clock());
          continue;
        }
        this.logger.warn({ err, entry: entry._id, attempt: entry.attempts + 1 }, 'proactive send failed; will retry');
        await this.store.outbox.markFailed(entry, (err as Error).message ?? String(err), this.clock());
      }
    }
    return sent;
  }

  private async send(entry: OutboxEntry): Promise<string | undefined> {
    const reference = await this.store.references.get(entry.conversationKey);
    if (!reference) throw new Error(`no conversation reference ${entry.conversationKey}`);
    const activity = await this.render(entry);
    const payload = this.store.outbox.payloadOf<{ activityId?: string }>(entry);
    let activityId: string | undefined;
    let failure: unknown;
    const channelAdapter = reference.channelId ? this.channelAdapters[reference.channelId] : undefined;
    const continueConversation = (logic: (context: TurnContext) => Promise<void>): Promise<void> =>
      channelAdapter ? channelAdapter.continueConversation(reference, logic) : this.adapter.continueConversationAsync(this.appId, reference as ConversationReference, logic);
    // The adapter hands errors inside the callback to onTurnError instead of throwing them; keep them here.
    await continueConversation(async (context: TurnContext) => {
      try {
        if (entry.kind === 'card-update' && payload.activityId) {
          await context.updateActivity({ ...activity, id: payload.activityId });
          activityId = payload.activityId;
        } else {
          activityId = (await context.sendActivity(activity))?.id;
        }
      } catch (err) {
        failure = err;
      }
    });
    if (failure) throw failure;
    return activityId;
  }

  private async render(entry: OutboxEntry): Promise<Partial<Activity>> {
    if (entry.kind === 'dispatch-card' || entry.kind === 'card-update') {
      const ticket = await this.store.tickets.getByNumber(entry.ticketNumber!);
      const recipient = this.store.outbox.payloadOf<Partial<CardRecipientPayload>>(entry);
      const forAssignee = recipient.kind === 'personal' && recipient.staffId !== undefined && ticket.assignee?.id === recipient.staffId;
      const fullPhone = forAssignee ? await assigneePhone(this.store, ticket) : null;
      const card = dispatchCard(ticket, { language: 'zh-CN', property: this.store.property, fullPhone, photoUrl: this.photoUrl });
      return MessageFactory.attachment(card, `${ticket.number} ${fullPhone ? ticket.text : maskPhonesIn(ticket.text)}`);
    }
    if (entry.kind === NOTICE_CARD_KIND) {
      const { noticeId, language } = this.store.outbox.payloadOf<{ noticeId: string; language?: Language }>(entry);
      const notice = await this.store.notices.get(noticeId);
      return MessageFactory.attachment(noticeCard(notice, { language: language ?? 'zh-CN', timeZone: this.store.property.timeZone }), notice.title);
    }
    const text = this.store.outbox.payloadOf<TextPayload>(entry);
    return MessageFactory.text(translator(text.language ?? 'zh-CN')(text.key, text.values));
  }
}
