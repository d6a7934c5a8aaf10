import {
  ActivityHandler,
  ActivityTypes,
  CardFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { detectLanguage } from '../dialogs/language.js';
import { cardActionReply } from '../dialogs/staff/card-action-reply.js';
import type { CardActionOutcome, CardActions } from '../dialogs/staff/card-actions.js';
import { assigneePhone, dispatchCard } from './cards/dispatch-card.js';
import { ACKNOWLEDGE_NOTICE_VERB } from './cards/notice-card.js';
import type { PhotoUrl } from './media-links.js';
import { acknowledgeNoticeInvoke, acknowledgeNoticeSubmit } from './notice-acknowledgement.js';
import type { Logger } from 'pino';
import type { Desk } from '../dialogs/desk.js';
import { looksLikeBindCommand } from '../dialogs/staff/bind-command.js';
import type { StaffDesk } from '../dialogs/staff/staff-desk.js';
import type { Store } from '../store/store.js';

export interface PropDeskBotDependencies {
  store: Store;
  residents: Desk;
  staff: StaffDesk;
  conversationState: ConversationState;
  userState: UserState;
  cardActions: CardActions;
  logger: Logger;
  /** Called after every turn, e.g. to dispatch new tickets and deliver the outbox without waiting for the timer. */
  afterTurn?: () => void;
  /** Where refreshed dispatch cards load photos from (signed media links); default: http(s) addresses only. */
  photoUrl?: PhotoUrl;
}

/**
 * Routes every turn: `bind <code>` to staff binding, bound staff accounts to the staff desk, everyone
 * else to the resident desk; state is saved at the end of each turn.
 */
export class PropDeskBot extends ActivityHandler {
  constructor(private readonly deps: PropDeskBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.route(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (newcomers.length > 0) await this.deps.residents.handle(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
    this.deps.afterTurn?.();
  }

  /** Action.Execute from a dispatch card: the answer is the refreshed card. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const data = { ...(invokeValue.action?.data ?? {}), verb: invokeValue.action?.verb };
    if (data.verb === 'refresh') {
      // a refreshed card shows the ticket (and signed photo links): only to staff
      if (!(await this.deps.store.staff.byAccount(context.activity.channelId, context.activity.from.id))) {
        return { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message: 'cards are for staff' } as never };
      }
      const ticket = await this.deps.store.tickets.findByNumber(String((data as { ticket?: unknown }).ticket ?? ''));
      if (ticket) return this.cardResponse(context, ticket);
    }
    if (data.verb === ACKNOWLEDGE_NOTICE_VERB) return acknowledgeNoticeInvoke(this.deps.store, context, String((data as { notice?: unknown }).notice ?? ''), new Date());
    const outcome = await this.performCardAction(context, data);
    if (outcome.outcome === 'refused') {
      return { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message: 'not allowed to act on this ticket' } as never };
    }
    if (outcome.ticket) return this.cardResponse(context, outcome.ticket);
    return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: outcome.outcome === 'failed' ? outcome.reason : 'bad action' } as never };
  }

  private async cardResponse(context: TurnContext, ticket: Parameters<typeof dispatchCard>[0]): Promise<AdaptiveCardInvokeResponse> {
    const inPrivate = !context.activity.conversation?.isGroup;
    const isAssignee = ticket.assignee?.id !== undefined && ticket.assignee.id === (await this.deps.store.staff.byAccount(context.activity.channelId, context.activity.from.id))?._id;
    const fullPhone = inPrivate && isAssignee ? await assigneePhone(this.deps.store, ticket) : null;
    const card = dispatchCard(ticket, { language: 'zh-CN', property: this.deps.store.property, fullPhone, photoUrl: this.deps.photoUrl });
    return { statusCode: 200, type: CardFactory.contentTypes.adaptiveCard, value: card.content as never };
  }

  private async performCardAction(context: TurnContext, data: Record<string, unknown>): Promise<CardActionOutcome> {
    const { channelId, from } = context.activity;
    const staff = await this.deps.store.staff.byAccount(channelId, from.id);
    return this.deps.cardActions.perform(data, staff, { channelId, userId: from.id });
  }

  /** Action.Submit fallback: the same action arrives as a message whose value carries the verb. */
  private async submittedCardAction(context: TurnContext): Promise<boolean> {
    const value = context.activity.value as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object' || typeof value.verb !== 'string' || context.activity.text) return false;
    if (value.verb === ACKNOWLEDGE_NOTICE_VERB) {
      await acknowledgeNoticeSubmit(this.deps.store, context, String(value.notice ?? ''), new Date());
      return true;
    }
    const outcome = await this.performCardAction(context, value);
    await context.sendActivity(cardActionReply(outcome, value.verb, detectLanguage(undefined, context.activity.locale)));
    return true;
  }

  private async route(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (await this.submittedCardAction(context)) return;
    if (activity.type === ActivityTypes.Message && looksLikeBindCommand(activity.text)) {
      await this.deps.staff.bind(context);
      return;
    }
    const staff = await this.deps.store.staff.byAccount(activity.channelId, activity.from.id);
    if (staff) {
      await this.deps.staff.handle(context, staff);
      return;
    }
    await this.deps.residents.handle(context);
  }
}
