import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Property } from '../../domain/index.js';
import { extractPhones, extractTimes, parseAddress } from '../../nlu/index.js';
import { categoryFromAnswer } from './category-choice.js';
import { isNo, isYes } from './confirmation-words.js';
import { handleEmergency } from './emergency.js';
import type { IntakeDraft } from './intake-draft.js';
import { matchFaq } from './faq.js';
import { categoryLabel, describeLocation, faqAnswer, ticketCreated, withButtons } from './replies.js';
import type { ResidentTickets } from './resident-tickets.js';
import { residentTurn } from './resident-turn.js';
import { residentAttachments } from './attachments.js';

export const INTAKE_DIALOG = 'residentIntake';
const PROMPT = 'residentIntakePrompt';
const WATERFALL = 'residentIntakeSteps';
const DRAFT = 'draft';
const PENDING = 'pending';
export const MAX_ATTEMPTS = 3;
/** What a validator answers after the third failed try: the step then gives up politely. */
export const GAVE_UP = '\u0000gave-up';

type Pending = 'same' | 'category' | 'describe' | 'location' | 'phone' | 'extras' | 'confirm';
/** Answers that only steer the intake (same request or not, skip, the confirmation) or are kept as a field (the visit time). */
const NOT_HISTORY: ReadonlySet<Pending> = new Set(['same', 'extras', 'confirm']);
type Check = (text: string, context: TurnContext) => boolean;
const PLACE_WORDS = /栋|幢|楼|单元|室|号|区|门|电梯|车库|大堂|广场|花园|楼道|走廊|building|block|unit|room|lift|elevator|gate|garage|lobby|floor|corridor|park/i;

const CHECKS: Readonly<Record<Pending, Check>> = {
  same: (text) => isYes(text) || /^(新工单|新的|new|new ticket|不是|no)$/i.test(text.trim()),
  category: (text) => categoryFromAnswer(text) !== null,
  describe: (text) => text.trim().length > 0,
  location: (text) => parseAddress(text) !== undefined || PLACE_WORDS.test(text),
  phone: (text) => extractPhones(text).length > 0,
  extras: () => true,
  confirm: (text) => isYes(text) || isNo(text),
};

/**
 * Intake of one request: same-as-recent check → category when unsure → description → location →
 * phone → (repairs) time and photos → one confirmation → ticket. Known values skip their step.
 */
function values(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}

export class IntakeDialog extends ComponentDialog {
  constructor(
    private readonly tickets: ResidentTickets,
    private readonly property: Property,
  ) {
    super(INTAKE_DIALOG);
    this.addDialog(new TextPrompt(PROMPT, (prompt) => this.validate(prompt)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        (step) => this.start(step),
        (step) => this.afterSame(step),
        (step) => this.afterCategory(step),
        (step) => this.afterDescription(step),
        (step) => this.afterLocation(step),
        (step) => this.afterPhone(step),
        (step) => this.afterExtras(step),
        (step) => this.afterConfirmation(step),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async validate(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const pending = (prompt.options.validations as { pending: Pending } | undefined)?.pending ?? 'describe';
    const activity = prompt.context.activity;
    const text = activity.text ?? '';
    if (pending === 'extras' && (activity.attachments?.length ?? 0) > 0) return true;
    if (CHECKS[pending](text, prompt.context)) return true;
    if (prompt.attemptCount >= MAX_ATTEMPTS) {
      prompt.recognized.value = GAVE_UP;
      return true;
    }
    return false;
  }

  private draft(step: WaterfallStepContext): IntakeDraft {
    return values(step)[DRAFT] as IntakeDraft;
  }

  private async ask(step: WaterfallStepContext, pending: Pending, text: string, retry: string, choices: string[] = []): Promise<DialogTurnResult> {
    values(step)[PENDING] = pending;
    if (pending !== 'same' && pending !== 'confirm') this.draft(step).asked = true;
    return step.prompt(PROMPT, {
      prompt: choices.length ? withButtons(text, choices) : text,
      retryPrompt: choices.length ? withButtons(retry, choices) : retry,
      validations: { pending },
    });
  }

  /** The answer to the prompt just asked, or null when the step was skipped; most go into the ticket history. */
  private answer(step: WaterfallStepContext, pending: Pending): string | null {
    if (values(step)[PENDING] !== pending) return null;
    values(step)[PENDING] = null;
    const text = (step.result as string | undefined) ?? step.context.activity.text ?? '';
    if (text && text !== GAVE_UP && !NOT_HISTORY.has(pending)) this.draft(step).messages.push(text);
    return text;
  }

  private async giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(residentTurn(step.context).t('gaveUp', { dutyPhone: this.property.dutyPhone }));
    return step.endDialog();
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = step.options as IntakeDraft;
    values(step)[DRAFT] = draft;
    const t = residentTurn(step.context).t;
    if (!draft.possibleDuplicate) return step.next();
    const { number, text, minutes } = draft.possibleDuplicate;
    return this.ask(step, 'same', t('sameAsAsk', { number, text, minutes }), t('sameAsRetry', { number }), [t('confirmYes'), t('sameAsNew')]);
  }

  private async afterSame(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const resident = residentTurn(step.context);
    const t = resident.t;
    const answer = this.answer(step, 'same');
    if (answer === GAVE_UP) return this.giveUp(step);
    if (answer !== null && isYes(answer) && draft.possibleDuplicate) {
      const number = draft.possibleDuplicate.number;
      await this.tickets.addMessage(number, resident, draft.text, { attachments: draft.attachments });
      await step.context.sendActivity(t('addedToTicket', { number }));
      return step.endDialog();
    }
    if (draft.category) return step.next();
    return this.ask(step, 'category', t('askCategory'), t('categoryRetry'), [
      t('menuRepair'),
      t('menuComplaint'),
      t('menuInquiry'),
      t('categorySecurity'),
      t('categoryOther'),
    ]);
  }

  private async afterCategory(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const t = residentTurn(step.context).t;
    const answer = this.answer(step, 'category');
    if (answer === GAVE_UP) return this.giveUp(step);
    if (answer !== null) draft.category = categoryFromAnswer(answer);
    if (draft.category === 'security' && draft.text) {
      await handleEmergency(step.context, draft, this.tickets, this.property);
      return step.endDialog();
    }
    if (draft.text) return step.next();
    const label = categoryLabel(draft.category ?? 'other', draft.language);
    return this.ask(step, 'describe', t('askDescribe', { category: label }), t('askDescribe', { category: label }));
  }

  private async afterDescription(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const t = residentTurn(step.context).t;
    const answer = this.answer(step, 'describe');
    if (answer === GAVE_UP) return this.giveUp(step);
    if (answer !== null) {
      draft.messages.pop();
      draft.text = answer;
      const faq = draft.category === 'inquiry' ? matchFaq(answer) : null;
      if (faq) {
        await step.context.sendActivity(faqAnswer(t, faq, this.property));
        return step.endDialog();
      }
      const address = parseAddress(answer);
      if (address && !draft.location) draft.location = { building: address.building, unit: address.unit, room: address.room, raw: address.raw };
      const phone = extractPhones(answer)[0];
      if (phone && !draft.phone) draft.phone = phone;
      this.keepAttachments(step.context, draft);
    }
    const needsLocation = draft.category !== 'inquiry' && draft.category !== 'other';
    if (!needsLocation || draft.location) return step.next();
    return this.ask(step, 'location', t('askLocation'), t('locationRetry'));
  }

  private async afterLocation(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const t = residentTurn(step.context).t;
    const answer = this.answer(step, 'location');
    if (answer === GAVE_UP) return this.giveUp(step);
    if (answer !== null) {
      const address = parseAddress(answer);
      draft.location = address ? { building: address.building, unit: address.unit, room: address.room, raw: address.raw } : { area: answer.trim(), raw: answer.trim() };
    }
    if (draft.phone) return step.next();
    return this.ask(step, 'phone', t('askPhone'), t('phoneRetry'));
  }

  private async afterPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const t = residentTurn(step.context).t;
    const answer = this.answer(step, 'phone');
    if (answer === GAVE_UP) return this.giveUp(step);
    if (answer !== null) draft.phone = extractPhones(answer)[0] ?? null;
    if (draft.category !== 'repair' || !draft.asked || draft.preferredTime || draft.attachments.length > 0) return step.next();
    return this.ask(step, 'extras', t('askRepairExtras'), t('askRepairExtras'), [t('skip')]);
  }

  private async afterExtras(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const t = residentTurn(step.context).t;
    const answer = this.answer(step, 'extras');
    if (answer !== null) {
      this.keepAttachments(step.context, draft);
      const skipped = /^(跳过|skip|没有|没|无|否|不用|都行|随时|no|none|n\/a|any ?time)$/i.test(answer.trim().replace(/[。.!！~～]+$/, '')) || !answer.trim();
      if (!skipped && (extractTimes(answer).length > 0 || answer.trim().length > 0)) draft.preferredTime = answer.trim();
    }
    const location = describeLocation(draft.location) ?? t('noLocation');
    const extras = draft.preferredTime || draft.attachments.length ? t('confirmExtras', { time: draft.preferredTime ?? '-', photos: draft.attachments.length }) : '';
    const summary = t('confirmSummary', {
      category: categoryLabel(draft.category ?? 'other', draft.language),
      location,
      phone: draft.phone ?? t('noLocation'),
      text: draft.text,
      extras,
    });
    return this.ask(step, 'confirm', summary, t('confirmRetry'), [t('confirmYes'), t('confirmNo')]);
  }

  private async afterConfirmation(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const resident = residentTurn(step.context);
    const t = resident.t;
    const answer = this.answer(step, 'confirm');
    if (answer === GAVE_UP) return this.giveUp(step);
    if (answer === null || !(isYes(answer) || answer === t('confirmYes'))) {
      await step.context.sendActivity(t('notConfirmed'));
      return step.endDialog();
    }
    try {
      const ticket = await this.tickets.open(draft, resident, step.context.activity.channelId);
      await step.context.sendActivity(ticketCreated(t, ticket, draft.language, this.tickets.zone));
    } catch {
      await step.context.sendActivity(t('notRecorded', { dutyPhone: this.property.dutyPhone }));
    }
    return step.endDialog();
  }

  private keepAttachments(context: TurnContext, draft: IntakeDraft): void {
    draft.attachments.push(...residentAttachments(context.activity));
  }
}
