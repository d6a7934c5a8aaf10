import { ActivityHandler, ActivityTypes, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
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
  logger: Logger;
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
  }

  private async route(context: TurnContext): Promise<void> {
    const { activity } = context;
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
