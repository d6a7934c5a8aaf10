import type { TurnContext } from 'botbuilder';
import type { ResidentAccount } from '../../store/resident-accounts.js';
import type { Language } from '../language.js';
import type { Translate } from '../i18n.js';

/** Who is talking in this turn, worked out once by the desk and read by its dialogs. */
export interface ResidentTurn {
  accountId: string;
  userId: string;
  name?: string;
  conversationKey: string;
  language: Language;
  t: Translate;
  /** The stored account (linked household, phone on file), read once per turn when first needed. */
  account(): Promise<ResidentAccount | null>;
}

const KEY = Symbol('propdesk.residentTurn');

export function setResidentTurn(context: TurnContext, turn: ResidentTurn): void {
  context.turnState.set(KEY, turn);
}

export function residentTurn(context: TurnContext): ResidentTurn {
  const turn = context.turnState.get(KEY) as ResidentTurn | undefined;
  if (!turn) throw new Error('the resident desk did not set up this turn');
  return turn;
}
