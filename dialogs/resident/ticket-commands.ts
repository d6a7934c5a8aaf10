import type { TurnContext } from 'botbuilder';
import { DEPARTMENT_LABELS, IllegalTransitionError, isActionAllowedOn, isOpen, isTaken, STATUS_LABELS, type Property } from '../../domain/index.js';
import type { Ticket } from '../../store/ticket-repository.js';
import { labelOf, ticketLine } from './replies.js';
import type { ResidentTickets } from './resident-tickets.js';
import { residentTurn, type ResidentTurn } from './resident-turn.js';
import { residentAttachments } from './attachments.js';
import { formatDeadline } from './human-deadline.js';
import type { SurveyAnswers } from './survey-replies.js';

/** "My tickets", one ticket by number, adding to a ticket and cancelling one: always the resident's own. */
export class TicketCommands {
  constructor(
    private readonly tickets: ResidentTickets,
    private readonly property: Property,
    private readonly feedback: Pick<SurveyAnswers, 'notFixed'>,
  ) {}

  async list(context: TurnContext): Promise<void> {
    const resident = residentTurn(context);
    const { t, language } = resident;
    const mine = await this.tickets.mine(resident);
    if (mine.length === 0) {
      await context.sendActivity(t('ticketsNone'));
      return;
    }
    const lines = mine.map((ticket) => ticketLine(t, ticket, language, this.tickets.zone, isOpen(ticket.status)));
    await context.sendActivity([t('ticketsHeader'), ...lines, t('ticketsFooter')].join('\n'));
  }

  async show(context: TurnContext, number: string): Promise<void> {
    const resident = residentTurn(context);
    const ticket = await this.tickets.own(number, resident);
    if (!ticket) {
      await context.sendActivity(resident.t('residentTicketNotFound', { number }));
      return;
    }
    await context.sendActivity(ticketLine(resident.t, ticket, resident.language, this.tickets.zone, isOpen(ticket.status)));
  }

  async add(context: TurnContext, number: string, note: string): Promise<void> {
    const resident = residentTurn(context);
    const { t } = resident;
    const ticket = await this.tickets.own(number, resident);
    if (!ticket) return void (await context.sendActivity(t('residentTicketNotFound', { number })));
    if (!isOpen(ticket.status)) return void (await context.sendActivity(t('ticketClosed', { number, status: labelOf(STATUS_LABELS[ticket.status], resident.language) })));
    const attachments = residentAttachments(context.activity);
    if (!note && attachments.length === 0) return void (await context.sendActivity(t('addNeedsText', { number })));
    await this.tickets.addMessage(number, resident, note, attachments.length ? { attachments } : undefined);
    await context.sendActivity(t('addedToTicket', { number }));
  }

  async cancel(context: TurnContext, number: string): Promise<void> {
    const resident = residentTurn(context);
    const { t } = resident;
    const ticket = await this.tickets.own(number, resident);
    if (!ticket) return void (await context.sendActivity(t('residentTicketNotFound', { number })));
    if (!isOpen(ticket.status)) return void (await context.sendActivity(t('ticketClosed', { number, status: labelOf(STATUS_LABELS[ticket.status], resident.language) })));
    if (!isActionAllowedOn(ticket, 'cancel', 'resident')) return void (await context.sendActivity(this.cannotCancel(ticket, resident)));
    try {
      await this.tickets.cancel(number, resident);
    } catch (err) {
      if (!(err instanceof IllegalTransitionError)) throw err;
      // taken (or changed) between our read and the cancel
      const now = await this.tickets.own(number, resident);
      return void (await context.sendActivity(now ? this.cannotCancel(now, resident) : t('residentTicketNotFound', { number })));
    }
    await context.sendActivity(t('ticketCancelled', { number }));
  }

  /** Why the resident cannot cancel, and whom to tell instead: the staff member who has the ticket, or the duty phone. */
  private cannotCancel(ticket: Ticket, resident: ResidentTurn): string {
    const { t, language } = resident;
    const number = ticket.number;
    if (!isOpen(ticket.status)) return t('ticketClosed', { number, status: labelOf(STATUS_LABELS[ticket.status], language) });
    const holder = isTaken(ticket) ? ticket.assignee : null;
    if (!holder?.name) return t('ticketCannotCancel', { number, dutyPhone: this.property.dutyPhone });
    return t('ticketCannotCancelTaken', { number, name: holder.name, department: labelOf(DEPARTMENT_LABELS[ticket.department], language), dutyPhone: this.property.dutyPhone });
  }

  /** "没修好 <number>": a resolved or closed ticket of the resident's goes back for rework within 24 hours. */
  async notFixed(context: TurnContext, number: string, note: string): Promise<void> {
    const resident = residentTurn(context);
    const { t } = resident;
    const ticket = await this.tickets.own(number, resident);
    if (!ticket) return void (await context.sendActivity(t('residentTicketNotFound', { number })));
    if (isOpen(ticket.status)) return void (await context.sendActivity(t('ticketStillInProgress', { number })));
    if (ticket.status === 'cancelled') return void (await context.sendActivity(t('ticketClosed', { number, status: labelOf(STATUS_LABELS[ticket.status], resident.language) })));
    const reopened = await this.feedback.notFixed(ticket.number, resident.accountId, note || null);
    if (!reopened) return void (await context.sendActivity(t('ticketStillInProgress', { number })));
    await context.sendActivity(t('ticketReopenedForRework', { number, due: formatDeadline(reopened.reworkDueAt, this.tickets.zone, resident.language) }));
  }
}
