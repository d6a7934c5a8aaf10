import type { Clock } from '../../domain/clock.js';
import type { Category, Property } from '../../domain/index.js';
import { isOpen, isTaken, staffWhoTookIt } from '../../domain/index.js';
import { queueCardUpdates } from '../../store/card-updates.js';
import { personalRecipients } from '../../store/recipients.js';
import type { MessageKey } from '../i18n.js';
import type { Store } from '../../store/store.js';
import type { Ticket, TicketIntake } from '../../store/ticket-repository.js';
import type { Actor } from '../../store/models/ticket.js';
import type { IntakeDraft } from './intake-draft.js';
import type { ResidentTurn } from './resident-turn.js';
import { looksLikeSameRequest, SAME_REQUEST_WINDOW_MS } from './same-request.js';

export const CHAT_INTAKE_RECEIVER: Actor = { kind: 'system', id: 'chat-intake', name: 'PropDesk' };

const RECENT_TICKETS = 8;

/** The ticket operations a resident may perform, always limited to their own tickets. */
export class ResidentTickets {
  constructor(
    private readonly store: Store,
    private readonly property: Property,
    private readonly clock: Clock,
  ) {}

  /** Opens the ticket for a finished intake (idempotent by intake key), with the resident's later answers in its history. */
  async open(draft: IntakeDraft, resident: ResidentTurn, channel: string, options: { urgent?: boolean; category?: Category } = {}): Promise<Ticket> {
    const at = this.clock();
    const by = this.actor(resident);
    const followUps: NonNullable<TicketIntake['followUps']> = draft.messages.map((text) => ({ by, text }));
    if (draft.preferredTime) followUps.push({ by, text: draft.preferredTime, data: { preferredTime: draft.preferredTime } });
    const { ticket } = await this.store.tickets.open({
      intakeKey: draft.intakeKey,
      category: options.category ?? draft.category ?? 'other',
      severity: draft.severity,
      source: 'chat',
      channel,
      language: draft.language,
      text: draft.text,
      attachments: draft.attachments,
      location: draft.location ?? undefined,
      householdId: draft.householdId,
      resident: { accountId: resident.accountId, name: resident.name, phone: draft.phone ?? undefined, conversationKey: resident.conversationKey },
      receiver: CHAT_INTAKE_RECEIVER,
      urgent: options.urgent,
      at,
      followUps,
    }, { onCreated: () => this.rememberPhone(resident, channel, draft) });
    return ticket;
  }

  /** The next intake starts with this phone prefilled. */
  private async rememberPhone(resident: ResidentTurn, channel: string, draft: IntakeDraft): Promise<void> {
    const { phone } = draft;
    const onFile = draft.phoneOnFile !== undefined ? draft.phoneOnFile : await resident.account();
    if (!phone || onFile?.phone === phone) return;
    const newcomer = onFile ? undefined : { name: resident.name, language: resident.language };
    await this.store.residents.rememberPhone(channel, resident.userId, phone, this.clock(), newcomer);
  }

  /** Adds to the ticket's history; the staff cards show it, and the staff member who has the ticket is told. */
  async addMessage(number: string, resident: ResidentTurn, text: string, data?: { attachments?: unknown[] }): Promise<Ticket> {
    const at = this.clock();
    const added = await this.store.tickets.record(number, 'resident_message', { by: this.actor(resident), at, text, data });
    await queueCardUpdates(this.store.outbox, added, at);
    if (isTaken(added)) {
      const photos = data?.attachments?.length ?? 0;
      const values = { number, text: text || `📷 ×${photos}` };
      await this.tellStaff([added.assignee!.id], `resident-added:${number}:v${added.version}`, 'staffResidentAdded', values, at);
    }
    return added;
  }

  /**
   * Cancels the ticket unless a staff member has it (IllegalTransitionError then, judged on the ticket
   * as stored). The staff cards show it cancelled, and whoever accepted it earlier is told.
   */
  async cancel(number: string, resident: ResidentTurn): Promise<Ticket> {
    const at = this.clock();
    const cancelled = await this.store.tickets.act(number, 'cancel', { by: this.actor(resident), at });
    await queueCardUpdates(this.store.outbox, cancelled, at);
    const text = cancelled.text.length > 40 ? `${cancelled.text.slice(0, 40)}…` : cancelled.text;
    await this.tellStaff(staffWhoTookIt(cancelled), `resident-cancelled:${number}`, 'staffTicketCancelled', { number, text }, at);
    return cancelled;
  }

  private async tellStaff(staffIds: string[], keyPrefix: string, key: MessageKey, values: Record<string, unknown>, at: Date): Promise<void> {
    for (const recipient of await personalRecipients(this.store.staff, staffIds)) {
      await this.store.outbox.record(
        { key: `${keyPrefix}:${recipient.conversationKey}`, kind: 'staff-text', conversationKey: recipient.conversationKey, ticketNumber: values.number as string, payload: { key, values, language: 'zh-CN' } },
        at,
      );
    }
  }

  /** The ticket when it is this resident's; otherwise null (other people's tickets are never shown). */
  async own(number: string, resident: ResidentTurn): Promise<Ticket | null> {
    const ticket = await this.store.tickets.findByNumber(number);
    return ticket && ticket.resident?.accountId === resident.accountId ? ticket : null;
  }

  /** Open tickets first, then the most recent others. */
  async mine(resident: ResidentTurn): Promise<Ticket[]> {
    const tickets = await this.store.tickets.ofResident(resident.accountId, RECENT_TICKETS * 3);
    const open = tickets.filter((ticket) => isOpen(ticket.status));
    const closed = tickets.filter((ticket) => !isOpen(ticket.status));
    return [...open, ...closed].slice(0, RECENT_TICKETS);
  }

  /** An open ticket of this resident from the last 30 minutes that reads like the same request. */
  async recentSameRequest(resident: ResidentTurn, text: string): Promise<{ number: string; text: string; minutes: number } | null> {
    const now = this.clock();
    const since = new Date(now.getTime() - SAME_REQUEST_WINDOW_MS);
    const recent = (await this.store.tickets.ofResident(resident.accountId, 10)).filter((ticket) => ticket.createdAt >= since);
    const same = recent.find((ticket) => isOpen(ticket.status) && looksLikeSameRequest(ticket.text, text));
    if (!same) return null;
    return { number: same.number, text: same.text, minutes: Math.max(1, Math.round((now.getTime() - same.createdAt.getTime()) / 60_000)) };
  }

  get zone(): string {
    return this.property.timeZone;
  }

  private actor(resident: ResidentTurn): Actor {
    return { kind: 'resident', id: resident.accountId, name: resident.name };
  }
}
