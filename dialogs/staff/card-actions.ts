import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import { DEPARTMENT_IDS } from '../../domain/property.js';
import { routeTicket } from '../../domain/routing.js';
import { DEPARTMENT_LABELS } from '../../domain/vocabulary.js';
import { IllegalTransitionError } from '../../domain/transitions.js';
import { queueCardUpdates } from '../../store/card-updates.js';
import { dispatchCardPayload, personalRecipients, recipientsFor } from '../../store/recipients.js';
import type { StaffMember } from '../../store/staff-directory.js';
import type { Store } from '../../store/store.js';
import type { Ticket } from '../../store/ticket-repository.js';
import { TicketNotFoundError } from '../../store/ticket-repository.js';

export const cardActionSchema = z.object({
  verb: z.enum(['accept', 'reply', 'resolve', 'reassign', 'escalate', 'note']),
  ticket: z.string().min(3),
  text: z.string().max(2000).optional(),
  department: z.enum(DEPARTMENT_IDS).optional(),
  /** Reassign to a person (a roster id) instead of a whole department. */
  assignee: z.string().min(1).optional(),
});
export type CardAction = z.infer<typeof cardActionSchema>;

export type CardActionOutcome =
  | { outcome: 'done'; ticket: Ticket }
  | { outcome: 'refused'; ticket?: Ticket }
  | { outcome: 'failed'; reason: string; ticket?: Ticket };

const MANAGERS = new Set(['service-head', 'project-manager']);

/** Staff may act on tickets of their department, tickets assigned to them, and (managers) any ticket. */
export function mayActOn(staff: StaffMember, ticket: Ticket): boolean {
  return staff.department === ticket.department || ticket.assignee?.id === staff._id || MANAGERS.has(staff.role);
}

/**
 * A staff action from a dispatch card: checked, applied to the ticket with the actor in its history,
 * and followed by what others must hear (the resident, managers, the refreshed cards), all through
 * the outbox.
 */
export class CardActions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async perform(raw: unknown, staff: StaffMember | null, account: { channelId: string; userId: string }): Promise<CardActionOutcome> {
    const parsed = cardActionSchema.safeParse(raw);
    const ticketRef = typeof (raw as { ticket?: unknown } | null)?.ticket === 'string' ? (raw as { ticket: string }).ticket : 'unknown';
    const ticket = parsed.success ? await this.store.tickets.findByNumber(parsed.data.ticket) : null;
    if (!staff || !ticket || !mayActOn(staff, ticket)) {
      await this.store.audit.record({
        actor: staff ? { kind: 'staff', id: staff._id, name: staff.name } : { kind: 'unknown', id: `${account.channelId}:${account.userId}` },
        action: `card-${parsed.success ? parsed.data.verb : 'invalid'}`,
        target: { kind: 'ticket', id: ticketRef },
        householdId: ticket?.householdId ?? null,
        outcome: 'refused',
        detail: !staff ? 'not a bound staff account' : !ticket ? 'no such ticket or malformed action' : 'not responsible for this ticket',
        at: this.clock(),
      });
      return { outcome: 'refused', ticket: ticket ?? undefined };
    }
    const action = parsed.data!;
    try {
      const updated = await this.apply(action, staff, ticket);
      await queueCardUpdates(this.store.outbox, updated, this.clock());
      return { outcome: 'done', ticket: updated };
    } catch (err) {
      if (err instanceof IllegalTransitionError || err instanceof TicketNotFoundError) {
        return { outcome: 'failed', reason: err.message, ticket: (await this.store.tickets.findByNumber(ticket.number)) ?? undefined };
      }
      throw err;
    }
  }

  private async apply(action: CardAction, staff: StaffMember, ticket: Ticket): Promise<Ticket> {
    const by = { kind: 'staff' as const, id: staff._id, name: staff.name };
    const at = this.clock();
    const text = action.text?.trim() || undefined;
    const departmentName = (id: string) => DEPARTMENT_LABELS[id as keyof typeof DEPARTMENT_LABELS]?.zh ?? id;
    switch (action.verb) {
      case 'accept': {
        const updated = await this.store.tickets.act(ticket.number, 'accept', { by, at, set: { assignee: by } });
        await this.tellResident(updated, 'residentAccepted', { name: staff.name, department: departmentName(staff.department) });
        return updated;
      }
      case 'reply': {
        if (!text) throw new IllegalTransitionError(ticket.status, 'reply', null, 'a reply needs text');
        const updated = await this.store.tickets.act(ticket.number, 'reply', { by, at, text });
        await this.tellResident(updated, 'residentReplied', { name: staff.name, text });
        return updated;
      }
      case 'resolve': {
        const updated = await this.store.tickets.act(ticket.number, 'resolve', { by, at, text, set: ticket.assignee ? {} : { assignee: by } });
        await this.tellResident(updated, 'residentResolved', { text: text ?? '' });
        return updated;
      }
      case 'reassign': {
        const person = action.assignee ? await this.store.staff.byId(action.assignee) : null;
        if (action.assignee && !person?.active) throw new IllegalTransitionError(ticket.status, 'reassign', null, `no staff member ${action.assignee}`);
        const department = person?.department ?? action.department;
        if (!department) throw new IllegalTransitionError(ticket.status, 'reassign', null, 'choose a department or a person');
        const assignee = person ? { kind: 'staff' as const, id: person._id, name: person.name } : null;
        const updated = await this.store.tickets.act(ticket.number, 'reassign', {
          by,
          at,
          text,
          data: { from: ticket.department, to: department, assignee: assignee?.id },
          set: { department, assignee },
        });
        const recipients = person ? await personalRecipients(this.store.staff, [person._id]) : await recipientsFor(this.store.staff, department);
        for (const recipient of recipients) {
          await this.store.outbox.record({ key: `dispatch:${ticket.number}:v${updated.version}:${recipient.conversationKey}`, kind: 'dispatch-card', conversationKey: recipient.conversationKey, ticketNumber: ticket.number, payload: { ...dispatchCardPayload(recipient) } }, at);
        }
        await this.tellResident(updated, 'residentReassigned', { department: departmentName(department) });
        return updated;
      }
      case 'escalate': {
        const updated = await this.store.tickets.act(ticket.number, 'escalate', { by, at, text });
        const managers = await recipientsFor(this.store.staff, 'management', routeTicket('complaint', 'major').alsoNotify);
        for (const recipient of managers.filter((r) => r.staffId !== staff._id)) {
          await this.store.outbox.record({ key: `escalated:${ticket.number}:v${updated.version}:${recipient.conversationKey}`, kind: 'staff-text', conversationKey: recipient.conversationKey, ticketNumber: ticket.number, payload: { key: 'escalatedToYou', values: { number: ticket.number, name: staff.name } } }, at);
        }
        return updated;
      }
      case 'note':
        if (!text) throw new IllegalTransitionError(ticket.status, 'note', null, 'a note needs text');
        return this.store.tickets.act(ticket.number, 'note', { by, at, text });
    }
  }

  private async tellResident(ticket: Ticket, key: string, values: Record<string, unknown>): Promise<void> {
    const conversationKey = ticket.resident?.conversationKey;
    if (!conversationKey) return;
    await this.store.outbox.record(
      { key: `resident:${ticket.number}:v${ticket.version}`, kind: 'resident-text', conversationKey, ticketNumber: ticket.number, payload: { key, values: { number: ticket.number, ...values }, language: ticket.language } },
      this.clock(),
    );
  }
}
