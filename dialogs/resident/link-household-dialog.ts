import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Clock } from '../../domain/clock.js';
import { extractPhones, parseAddress } from '../../nlu/index.js';
import type { Store } from '../../store/store.js';
import { GAVE_UP, MAX_ATTEMPTS } from './intake-dialog.js';
import { residentTurn } from './resident-turn.js';

export const LINK_HOUSEHOLD_DIALOG = 'residentLinkHousehold';
const ROOM_PROMPT = 'residentLinkRoom';
const PHONE_PROMPT = 'residentLinkPhone';

function validator(check: (text: string) => boolean) {
  return async (prompt: PromptValidatorContext<string>): Promise<boolean> => {
    if (check(prompt.context.activity.text ?? '')) return true;
    if (prompt.attemptCount >= MAX_ATTEMPTS) {
      prompt.recognized.value = GAVE_UP;
      return true;
    }
    return false;
  };
}

/** Links the chat account to a household: room, then the phone number on file. */
export class LinkHouseholdDialog extends ComponentDialog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly dutyPhone: string,
  ) {
    super(LINK_HOUSEHOLD_DIALOG);
    this.addDialog(new TextPrompt(ROOM_PROMPT, validator((text) => Boolean(parseAddress(text)?.building && parseAddress(text)?.room))));
    this.addDialog(new TextPrompt(PHONE_PROMPT, validator((text) => extractPhones(text).length > 0)));
    this.addDialog(new WaterfallDialog(`${LINK_HOUSEHOLD_DIALOG}Steps`, [(s) => this.askRoom(s), (s) => this.askPhone(s), (s) => this.link(s)]));
    this.initialDialogId = `${LINK_HOUSEHOLD_DIALOG}Steps`;
  }

  private async askRoom(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = residentTurn(step.context).t;
    return step.prompt(ROOM_PROMPT, { prompt: t('askLinkRoom'), retryPrompt: t('askLinkRoom') });
  }

  private async askPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return this.giveUp(step);
    (step.values as Record<string, unknown>).room = step.result as string;
    const t = residentTurn(step.context).t;
    return step.prompt(PHONE_PROMPT, { prompt: t('askLinkPhone'), retryPrompt: t('askLinkPhone') });
  }

  private async link(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return this.giveUp(step);
    const resident = residentTurn(step.context);
    const address = parseAddress((step.values as Record<string, unknown>).room as string)!;
    const phone = extractPhones(step.result as string)[0]!;
    const { channelId, from } = step.context.activity;
    const outcome = await this.store.residents.link(channelId, from.id, { building: address.building!, unit: address.unit ?? null, room: address.room! }, phone, this.clock());
    await step.context.sendActivity(resident.t(outcome.ok ? 'linkDone' : 'linkFailed'));
    return step.endDialog();
  }

  private async giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(residentTurn(step.context).t('gaveUp', { dutyPhone: this.dutyPhone }));
    return step.endDialog();
  }
}
