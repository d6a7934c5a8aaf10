import type { TurnContext } from 'botbuilder';

/** One audience's side of the conversation (residents or staff): handles a whole turn. */
export interface Desk {
  handle(context: TurnContext): Promise<void>;
}
