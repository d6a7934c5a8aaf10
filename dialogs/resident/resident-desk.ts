import { ActivityTypes, TurnContext, type Activity, type ConversationState, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/clock.js';
import type { Property } from '../../domain/index.js';
import { isWhatIfQuestion, type Recognizer, type RecognizerResult } from '../../nlu/index.js';
import type { ResidentAccount } from '../../store/resident-accounts.js';
import type { Store } from '../../store/store.js';
import type { TicketLocation } from '../../store/ticket-repository.js';
import type { Desk } from '../desk.js';
import { translator } from '../i18n.js';
import { detectLanguage, type Language } from '../language.js';
import { handleEmergency } from './emergency.js';
import { listCurrentNotices } from './current-notices.js';
import { matchFaq } from './faq.js';
import { INTAKE_DIALOG, IntakeDialog } from './intake-dialog.js';
import type { IntakeDraft } from './intake-draft.js';
import { LINK_HOUSEHOLD_DIALOG, LinkHouseholdDialog } from './link-household-dialog.js';
import { faqAnswer, notUnderstood, safetyAnswer, welcome } from './replies.js';
import { readCommand, type ResidentCommand } from './resident-commands.js';
import { ResidentTickets } from './resident-tickets.js';
import { residentTurn, setResidentTurn, type ResidentTurn } from './resident-turn.js';
import { hazardOf, mentionsDanger } from './safety-guidance.js';
import { ReferenceSaver } from './reference-saver.js';
import { takeSurveyAnswer, takeSurveyComment, type PendingSurveyComment, type SurveyAnswers } from './survey-replies.js';
import { TicketCommands } from './ticket-commands.js';
import { withoutTicketNumber } from './ticket-number.js';
import { residentAttachments } from './attachments.js';

export interface ResidentDeskDependencies {
  property: Property;
  store: Store;
  recognizer: Recognizer;
  conversationState: ConversationState;
  clock: Clock;
  logger: Logger;
  surveys: SurveyAnswers;
}

/** Per conversation: the language last used and the replies to recent activities (a retried activity gets them again). */
interface ResidentConversation {
  language: Language | null;
  recent: Array<{ activityId: string; replies: Array<Partial<Activity>> }>;
  /** After a survey rating: the comment the next message may carry. */
  surveyComment?: PendingSurveyComment | null;
}

const REMEMBERED_TURNS = 5;
const READ_ONLY_COMMANDS = new Set<ResidentCommand['kind']>(['menu', 'help', 'cancel', 'myTickets', 'showTicket', 'notices']);
/** Look-ups answered in the middle of a request, which then goes on where it was. */
const LOOKUP_COMMANDS = new Set<ResidentCommand['kind']>(['myTickets', 'showTicket', 'notices']);
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** The resident-facing desk: welcome, intake, emergencies, FAQ, my tickets, household link. */
export class ResidentDesk implements Desk {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly conversation: StatePropertyAccessor<ResidentConversation>;
  private readonly tickets: ResidentTickets;
  private readonly ticketCommands: TicketCommands;
  private readonly references: ReferenceSaver;

  constructor(private readonly deps: ResidentDeskDependencies) {
    this.dialogState = deps.conversationState.createProperty('residentDialogs');
    this.conversation = deps.conversationState.createProperty('residentConversation');
    this.tickets = new ResidentTickets(deps.store, deps.property, deps.clock);
    this.ticketCommands = new TicketCommands(this.tickets, deps.property, deps.surveys);
    this.references = new ReferenceSaver(deps.store.references);
    this.dialogs = new DialogSet(this.dialogState)
      .add(new IntakeDialog(this.tickets, deps.property))
      .add(new LinkHouseholdDialog(deps.store, deps.clock, deps.property.dutyPhone));
  }

  async handle(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message) {
      await context.sendActivity(welcome(translator(detectLanguage(undefined, activity.locale)), this.deps.property));
      return;
    }
    // read without defaults, so that a read-only first turn writes no conversation state
    const stored = await this.conversation.get(context);
    const earlier = stored?.recent.find((turn) => turn.activityId === activity.id);
    if (earlier) {
      await context.sendActivities(earlier.replies);
      return;
    }
    const replies: Array<Partial<Activity>> = [];
    // The conversation reference is written while the turn works out its answer; it is stored before
    // the first reply leaves (or the turn ends), as when it was written first.
    let referenceSaved: Promise<void> | undefined;
    const referenceStored = async (): Promise<void> => {
      const saving = referenceSaved;
      referenceSaved = undefined;
      await saving;
    };
    context.onSendActivities(async (_context, activities, next) => {
      await referenceStored();
      replies.push(...activities.map(({ type, text, suggestedActions }) => ({ type, text, suggestedActions })));
      return next();
    });
    const language = this.languageOf(activity.text, activity.locale, stored?.language ?? null);
    const t = translator(language);
    let readOnly = false;
    const survey = { pending: this.stillPending(stored?.surveyComment), changed: stored?.surveyComment != null };
    try {
      referenceSaved = this.setUpTurn(context, language);
      referenceSaved.catch(() => undefined); // awaited before the first reply or below
      const took = await this.respondToSurvey(context, survey);
      if (!took) readOnly = await this.respond(context);
      await referenceStored();
    } catch (err) {
      referenceSaved = undefined;
      this.deps.logger.error({ err, activityId: activity.id }, 'resident turn failed');
      await context.sendActivity(t('notRecorded', { dutyPhone: this.deps.property.dutyPhone }));
    }
    // a retried read-only turn may simply run again; only turns that change something are remembered
    if (readOnly && !survey.changed && stored?.language === language) return;
    const conversation = await this.conversation.get(context, { language, recent: [] });
    conversation.language = language;
    if (survey.changed) conversation.surveyComment = survey.pending;
    if (activity.id && !readOnly) conversation.recent = [{ activityId: activity.id, replies }, ...conversation.recent].slice(0, REMEMBERED_TURNS);
  }

  private stillPending(pending: PendingSurveyComment | null | undefined): PendingSurveyComment | null {
    return pending && new Date(pending.until).getTime() > this.deps.clock().getTime() ? pending : null;
  }

  /**
   * A survey answer, or the comment awaited after one; true when it took the message. A pending
   * comment gives way to commands, emergencies and new repairs (and is dropped).
   */
  private async respondToSurvey(context: TurnContext, survey: { pending: PendingSurveyComment | null; changed: boolean }): Promise<boolean> {
    const dialogs = await this.dialogState.get(context);
    if ((dialogs?.dialogStack.length ?? 0) > 0) return false;
    const text = context.activity.text ?? '';
    const command = readCommand(text);
    const pending = survey.pending;
    survey.pending = null;
    if (pending && !command) {
      const recognized = await this.deps.recognizer.recognize(text, residentTurn(context).language);
      // a new fault or an emergency is a new request, not the comment on the last one
      if (recognized.lowConfidence || (recognized.category !== 'security' && recognized.category !== 'repair')) {
        await takeSurveyComment(context, this.deps.surveys, pending);
        survey.changed = true;
        return true;
      }
    }
    const taken = command ? undefined : await takeSurveyAnswer(context, this.deps.surveys, this.deps.clock());
    if (taken === undefined) return false;
    survey.pending = taken;
    survey.changed = true;
    return true;
  }

  /** A message with words decides; a bare number, phone or ticket number keeps the conversation's language. */
  private languageOf(message: string | undefined, locale: string | undefined, previous: Language | null): Language {
    const text = message && withoutTicketNumber(message);
    if (text && (HAN.test(text) || LATIN_WORD.test(text))) return detectLanguage(text, locale);
    return previous ?? detectLanguage(undefined, locale);
  }

  /** Sets up the turn; answers the pending write of the conversation reference. */
  private setUpTurn(context: TurnContext, language: Language): Promise<void> {
    const { activity } = context;
    const { store, clock } = this.deps;
    const { key: conversationKey, saved } = this.references.save(activity, clock());
    let account: Promise<ResidentAccount | null> | undefined;
    const turn: ResidentTurn = {
      accountId: `${activity.channelId}:${activity.from.id}`,
      userId: activity.from.id,
      name: activity.from.name,
      conversationKey,
      language,
      t: translator(language),
      account: () => (account ??= store.residents.get(activity.channelId, activity.from.id)),
    };
    setResidentTurn(context, turn);
    return saved;
  }

  /** Answers the turn; true when it only read (welcome, help, lookups, FAQ). */
  private async respond(context: TurnContext): Promise<boolean> {
    const command = readCommand(context.activity.text);
    const { t } = residentTurn(context);
    const dialogs = await this.dialogState.get(context);
    if ((dialogs?.dialogStack.length ?? 0) > 0) {
      const dc = await this.dialogs.createContext(context);
      if (command?.kind === 'cancel') {
        await dc.cancelAllDialogs();
        await context.sendActivity(t('cancelled'));
        return false;
      }
      if (command?.kind === 'help' || command?.kind === 'menu') {
        await context.sendActivity(t('help', { dutyPhone: this.deps.property.dutyPhone }));
        await dc.repromptDialog();
        return false;
      }
      // an emergency never waits behind the questions of a request in progress
      const text = (context.activity.text ?? '').trim();
      const result = !command && text ? await this.deps.recognizer.recognize(text, residentTurn(context).language) : null;
      if (command?.kind === 'emergency' || (result && isEmergency(result, text))) {
        const setAside = intakeDraftIn(dialogs?.dialogStack ?? []);
        await dc.cancelAllDialogs();
        const draft = await this.draft(context, text);
        draft.location = setAside?.location ?? draft.location;
        draft.phone = setAside?.phone ?? draft.phone;
        if (result) fillFromEntities(draft, result);
        await handleEmergency(context, draft, this.tickets, this.deps.property);
        if (setAside) await context.sendActivity(t('requestSetAside'));
        return false;
      }
      if (command && LOOKUP_COMMANDS.has(command.kind)) {
        await this.runCommand(context, command);
        await dc.repromptDialog();
        return false;
      }
      await dc.continueDialog();
      return false;
    }
    if (command) {
      await this.runCommand(context, command);
      return READ_ONLY_COMMANDS.has(command.kind);
    }
    return this.takeRequest(context);
  }

  private async runCommand(context: TurnContext, command: ResidentCommand): Promise<void> {
    const { t } = residentTurn(context);
    switch (command.kind) {
      case 'menu':
      case 'help':
        await context.sendActivity(welcome(t, this.deps.property));
        return;
      case 'cancel':
        await context.sendActivity(t('nothingToCancel'));
        return;
      case 'myTickets':
        return this.ticketCommands.list(context);
      case 'showTicket':
        return this.ticketCommands.show(context, command.number);
      case 'addToTicket':
        return this.ticketCommands.add(context, command.number, command.note);
      case 'cancelTicket':
        return this.ticketCommands.cancel(context, command.number);
      case 'notFixed':
        return this.ticketCommands.notFixed(context, command.number, command.note);
      case 'notices':
        return listCurrentNotices(context, this.deps.store, this.deps.clock);
      case 'linkHousehold':
        await (await this.dialogs.createContext(context)).beginDialog(LINK_HOUSEHOLD_DIALOG);
        return;
      case 'emergency':
        return handleEmergency(context, await this.draft(context, context.activity.text ?? ''), this.tickets, this.deps.property);
      case 'startCategory': {
        const draft = await this.draft(context, '');
        draft.category = command.category;
        await (await this.dialogs.createContext(context)).beginDialog(INTAKE_DIALOG, draft);
        return;
      }
    }
  }

  /** Starts an intake (or answers from the FAQ, or handles an emergency); true when nothing was changed. */
  private async takeRequest(context: TurnContext): Promise<boolean> {
    const text = (context.activity.text ?? '').trim();
    const resident = residentTurn(context);
    if (!text) {
      await context.sendActivity(resident.t('help', { dutyPhone: this.deps.property.dutyPhone }));
      return true;
    }
    const result = await this.deps.recognizer.recognize(text, resident.language);
    const emergency = isEmergency(result, text);
    if (!emergency && result.unfamiliar && !result.entities.address && result.entities.phones.length === 0) {
      await context.sendActivity(notUnderstood(resident.t, this.deps.property));
      return true;
    }
    if (!emergency && (result.lowConfidence || result.category === 'inquiry') && isWhatIfQuestion(text)) {
      const hazard = hazardOf(text);
      if (hazard !== 'general') {
        await context.sendActivity(safetyAnswer(resident.t, hazard, this.deps.property));
        return true;
      }
    }
    if (!emergency && !result.lowConfidence && result.category === 'inquiry') {
      const faq = matchFaq(text);
      if (faq) {
        await context.sendActivity(faqAnswer(resident.t, faq, this.deps.property));
        return true;
      }
    }
    // the account (for the draft) and the resident's recent tickets (for a repeat) are read together
    const [draft, possibleDuplicate] = await Promise.all([this.draft(context, text), emergency ? null : this.tickets.recentSameRequest(resident, text)]);
    fillFromEntities(draft, result);
    if (emergency) {
      await handleEmergency(context, draft, this.tickets, this.deps.property);
      return false;
    }
    draft.category = result.lowConfidence ? null : result.category;
    draft.severity = result.severity;
    draft.possibleDuplicate = possibleDuplicate;
    await (await this.dialogs.createContext(context)).beginDialog(INTAKE_DIALOG, draft);
    return false;
  }

  /** A new intake, prefilled from the linked household and the phone on file. */
  private async draft(context: TurnContext, text: string): Promise<IntakeDraft> {
    const { activity } = context;
    const resident = residentTurn(context);
    const account = await resident.account();
    return {
      intakeKey: `${activity.channelId}:${activity.conversation.id}:${activity.id ?? this.deps.clock().getTime()}`,
      language: resident.language,
      text,
      category: null,
      severity: null,
      location: account?.householdId ? await this.householdLocation(account.householdId) : null,
      householdId: account?.householdId ?? null,
      phone: account?.phone ?? null,
      phoneOnFile: account ? { phone: account.phone ?? null } : null,
      preferredTime: null,
      attachments: residentAttachments(activity),
      messages: [],
      possibleDuplicate: null,
      asked: false,
    };
  }

  private async householdLocation(archiveNo: string): Promise<TicketLocation | null> {
    const household = await this.deps.store.households.households.findOne({ archiveNo }, { building: 1, unit: 1, room: 1 }).lean();
    if (!household) return null;
    return { building: household.building, unit: household.unit ?? undefined, room: household.room };
  }
}

/** Security, or a major complaint describing danger to people: handled at once, with no questions. */
function isEmergency(result: RecognizerResult, text: string): boolean {
  return !result.lowConfidence && (result.category === 'security' || (result.severity === 'major' && mentionsDanger(text)));
}

/** The address and phone the message itself gives win over what the draft had. */
function fillFromEntities(draft: IntakeDraft, result: RecognizerResult): void {
  const address = result.entities.address;
  if (address && (address.room || address.building)) {
    draft.location = { building: address.building, unit: address.unit, room: address.room, raw: address.raw };
  }
  draft.phone = result.entities.phones[0] ?? draft.phone;
}

/** The request an intake in progress holds (the options of its waterfall, inside the component), to keep what the resident already gave. */
function intakeDraftIn(stack: ReadonlyArray<{ id: string; state: unknown }>): IntakeDraft | undefined {
  for (const entry of stack) {
    const state = entry.state as { options?: Partial<IntakeDraft>; dialogs?: { dialogStack?: Array<{ id: string; state: unknown }> } } | undefined;
    if (state?.options?.intakeKey) return state.options as IntakeDraft;
    const inner = intakeDraftIn(state?.dialogs?.dialogStack ?? []);
    if (inner) return inner;
  }
  return undefined;
}
