import type { Connection, Model } from 'mongoose';
import { deadlinesFor } from '../domain/sla-clock.js';
import { applyActionTo, IllegalTransitionError, type ActorKind } from '../domain/transitions.js';
import { routeTicket } from '../domain/routing.js';
import { effectiveSeverity, natureOf, type Category, type Severity, type Source, type TicketAction } from '../domain/vocabulary.js';
import type { Property } from '../domain/property.js';
import { claim } from './claims.js';
import { QueuedWork } from './queued-work.js';
import { ResolvedTickets } from './resolved-tickets.js';
import { SlaTimers } from './sla-timers.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { claimModel } from './models/support.js';
import { ticketModel, type Actor, type TicketDocument, type TicketEventKind } from './models/ticket.js';
import {
  intakeMapModel,
  newTicketModel,
  residentTicketsModel,
  type IntakeMapDocument,
  type NewTicketDocument,
  type ResidentTicketsDocument,
} from './models/ticket-lookups.js';
import { insertOrUpdate } from './upsert.js';
import { formatTicketNumber, highestSequence, KeyedMutex, ticketNumberPrefix } from './ticket-numbers.js';
import { insertDocument, insertExact } from './insert.js';
import { idsAmong, inChunks } from './in-chunks.js';

export type Ticket = TicketDocument & { _id: unknown };

export interface TicketLocation {
  building?: string;
  unit?: string;
  room?: string;
  area?: string;
  raw?: string;
}

export interface TicketIntake {
  /** Identifies the inbound activity (or staff entry); the same key never opens a second ticket. */
  intakeKey: string;
  category: Category;
  severity?: Severity | null;
  topic?: string | null;
  source: Source;
  channel: string;
  language?: string;
  text: string;
  attachments?: Array<{ contentType: string; url?: string; name?: string }>;
  location?: TicketLocation;
  householdId?: string | null;
  resident?: { accountId?: string; name?: string; phone?: string; conversationKey?: string };
  receiver: Actor;
  urgent?: boolean;
  at: Date;
  /** Messages that came with the intake (the resident's later answers), kept as events after `created`. */
  followUps?: Array<{ by: Actor; text: string; data?: Record<string, unknown> }>;
}

export interface ActionOptions {
  by: Actor;
  at: Date;
  text?: string;
  data?: Record<string, unknown>;
  /** Extra fields set in the same write (e.g. assignee on accept, department on reassign). */
  set?: Record<string, unknown>;
  /** The ticket as the caller has just read it: saves reading it again (if it has changed since, the change is retried on a fresh read). */
  current?: Ticket;
  /**
   * `act` only: why the action must not apply to the ticket as stored (null: it may), judged on every
   * fresh read like the transition; a reason refuses the action with IllegalTransitionError. E.g. a
   * system close after a survey answer applies only to the resolution the answer was about.
   */
  refuseIf?: (ticket: Ticket) => string | null;
}

export class TicketNotFoundError extends Error {
  constructor(readonly ref: string) {
    super(`no ticket ${ref}`);
    this.name = 'TicketNotFoundError';
  }
}

export class ConcurrentChangeError extends Error {
  constructor(readonly number: string) {
    super(`ticket ${number} kept changing under us; try again`);
    this.name = 'ConcurrentChangeError';
  }
}

const EVENT_OF_ACTION: Readonly<Record<TicketAction, TicketEventKind>> = {
  dispatch: 'dispatched',
  accept: 'accepted',
  start: 'started',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
  reassign: 'reassigned',
  cancel: 'cancelled',
  reply: 'replied',
  escalate: 'escalated',
  note: 'note',
};

/** Actions that change what the SLA job watches: a stage, the assignee or the department to remind. */
const SLA_ACTIONS: ReadonlySet<TicketAction> = new Set(['accept', 'reply', 'resolve', 'close', 'reopen', 'reassign', 'cancel', 'escalate']);

const MAX_NUMBER_ATTEMPTS = 100;
const MAX_CHANGE_ATTEMPTS = 8;
const JUST_OPENED_MS = 60_000;

/**
 * The system of record for tickets. Every change goes through `act` or `record`: the domain checks
 * the transition, and the new status, the fields and the history event are written in one
 * single-document update guarded by a version claim (a unique insert), so two concurrent changes
 * cannot both apply.
 */
export class TicketRepository {
  readonly tickets: Model<TicketDocument>;
  private readonly versionClaims;
  private readonly numbering = new KeyedMutex();
  /** The last sequence this process gave out per day, so the next number needs no look-up. */
  private readonly lastSequence = new Map<string, number>();
  private readonly intakes: Model<IntakeMapDocument>;
  /** Tickets still to dispatch, so the dispatcher reads a short list instead of scanning `tickets`. */
  readonly newTickets: Model<NewTicketDocument>;
  private readonly residentTickets: Model<ResidentTicketsDocument>;
  /** When the SLA job looks at which ticket (reminders and breaches). */
  readonly slaTimers: SlaTimers;
  /** Resolved tickets the survey job has still to look at. */
  readonly resolved: ResolvedTickets;
  /** Raised by every ticket opened here (the dispatcher has something to do). */
  readonly queued = new QueuedWork();
  /**
   * Tickets this process opened in the last minute, as inserted: the dispatcher takes its copy from
   * here instead of finding it in `tickets` (a read of the whole collection on FerretDB). A copy that
   * has changed since is harmless: the dispatch's version claim fails and it is retried on a fresh read.
   */
  private readonly justOpened = new Map<string, { ticket: Ticket; at: number }>();

  constructor(
    connection: Connection,
    private readonly property: Property,
  ) {
    this.tickets = ticketModel(connection);
    this.versionClaims = claimModel(connection, 'ticketVersionClaims');
    this.intakes = intakeMapModel(connection);
    this.newTickets = newTicketModel(connection);
    this.residentTickets = residentTicketsModel(connection);
    this.slaTimers = new SlaTimers(connection, property);
    this.resolved = new ResolvedTickets(connection);
  }

  /** A resident's most recent tickets, newest first, without scanning `tickets`. */
  async ofResident(accountId: string, limit: number): Promise<Ticket[]> {
    const list = await this.residentTickets.findById(accountId).lean();
    const numbers = (list?.numbers ?? []).slice(-limit).reverse();
    const tickets = await Promise.all(numbers.map((number) => this.findByNumber(number)));
    return tickets.filter((ticket): ticket is Ticket => ticket !== null);
  }

  private async remember<T>(model: Model<T>, document: T): Promise<void> {
    try {
      await insertExact(model, document);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async findByNumber(number: string): Promise<Ticket | null> {
    return (await this.tickets.findById(number.trim().toUpperCase()).lean()) as Ticket | null;
  }

  /** Through the intake map (an `_id` look-up); the scan of `tickets` only covers a crash between the two inserts. */
  async findByIntakeKey(intakeKey: string): Promise<Ticket | null> {
    const mapped = await this.intakes.findById(intakeKey).lean();
    if (mapped) return this.findByNumber(mapped.number);
    return (await this.tickets.findOne({ intakeKey }).lean()) as Ticket | null;
  }

  /** Of `numbers`, the tickets closed or cancelled and unchanged since `before`: nothing will happen to them any more. */
  finishedBefore(numbers: readonly string[], before: Date): Promise<Set<string>> {
    return idsAmong(this.tickets, numbers, { status: { $in: ['closed', 'cancelled'] }, updatedAt: { $lt: before } });
  }

  /** Drops the intake keys of finished tickets (a retried activity is minutes old, not weeks); returns how many. */
  async forgetFinishedIntakes(before: Date): Promise<number> {
    const rows = await this.intakes.find({}, { _id: 1, number: 1 }).lean();
    const finished = await this.finishedBefore(rows.map((row) => row.number), before);
    const ids = rows.filter((row) => finished.has(row.number)).map((row) => row._id);
    for (const chunk of inChunks(ids)) await this.intakes.deleteMany({ _id: { $in: chunk } });
    return ids.length;
  }

  async getByNumber(number: string): Promise<Ticket> {
    const ticket = await this.findByNumber(number);
    if (!ticket) throw new TicketNotFoundError(number);
    return ticket;
  }

  /**
   * Opens a ticket, or returns the one already opened for the same intake key: the unique index on
   * `intakeKey` refuses a second insert, so the intake key is only looked up when an insert fails.
   */
  async open(intake: TicketIntake, options: { onCreated?: (ticket: Ticket) => Promise<void> } = {}): Promise<{ ticket: Ticket; created: boolean }> {
    const severity = intake.category === 'complaint' ? effectiveSeverity(intake.category, intake.severity) : null;
    const route = routeTicket(intake.category, severity);
    const deadlines = deadlinesFor(this.property, intake.category, severity, intake.at);
    const base = {
      intakeKey: intake.intakeKey,
      propertyCode: this.property.code,
      category: intake.category,
      severity,
      nature: natureOf(intake.category, severity),
      topic: intake.topic ?? null,
      source: intake.source,
      channel: intake.channel,
      language: intake.language ?? 'zh-CN',
      text: intake.text,
      attachments: intake.attachments ?? [],
      location: intake.location ?? {},
      householdId: intake.householdId ?? null,
      resident: intake.resident ?? {},
      receiver: intake.receiver,
      department: route.department,
      urgent: intake.urgent ?? route.immediate,
      status: 'new' as const,
      replyDueAt: deadlines.replyDueAt,
      resolveDueAt: deadlines.resolveDueAt,
      version: 0,
      createdAt: intake.at,
      updatedAt: intake.at,
      events: [
        { kind: 'created' as const, at: intake.at, by: intake.receiver, text: intake.text },
        ...(intake.followUps ?? []).map((message) => stripUndefined({ kind: 'resident_message' as const, at: intake.at, ...message })),
      ],
    };

    const prefix = ticketNumberPrefix(this.property.code, intake.at, this.property.timeZone);
    const { ticket, created } = await this.numbering.run(prefix, async () => {
      let sequence = (this.lastSequence.get(prefix) ?? (await highestSequence(this.tickets, prefix))) + 1;
      for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt += 1, sequence += 1) {
        const number = formatTicketNumber(prefix, sequence);
        try {
          const document = await insertDocument(this.tickets, { ...base, _id: number, number });
          this.lastSequence.set(prefix, sequence);
          return { ticket: document as Ticket, created: true };
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          const sameIntake = await this.findByIntakeKey(intake.intakeKey);
          if (sameIntake) return { ticket: sameIntake, created: false };
          // another process took this number: try the next one
        }
      }
      this.lastSequence.delete(prefix);
      throw new Error(`could not allocate a ticket number for ${prefix} after ${MAX_NUMBER_ATTEMPTS} attempts`);
    });
    if (created) {
      this.rememberOpened(ticket);
      // The writes that follow the ticket are independent of each other: they go out together, so a
      // turn waits for the slowest of them instead of their sum. `onCreated` (the caller's own write)
      // joins them. The ticket is stored by now, so a failure among them must not make the caller tell
      // the resident it was not recorded (they would send it again as a new request): the dispatcher's
      // sweep finds an undispatched ticket, sla-check books a missing watch, the unique intakeKey index
      // stands in for the intake map; the resident's list is tried once more.
      const accountId = intake.resident?.accountId;
      const addToResidentList = () => (accountId ? insertOrUpdate(this.residentTickets, accountId, { numbers: [ticket.number] }, { $addToSet: { numbers: ticket.number } }) : undefined);
      const [, , , residentList] = await Promise.allSettled([
        this.slaTimers.bookNew(ticket),
        this.remember(this.intakes, { _id: intake.intakeKey, number: ticket.number }),
        this.remember(this.newTickets, { _id: ticket.number, at: intake.at }).then(() => this.queued.raise()),
        addToResidentList(),
        options.onCreated?.(ticket),
      ]);
      if (residentList.status === 'rejected') await addToResidentList()?.catch(() => undefined);
    }
    return { ticket, created };
  }

  private rememberOpened(ticket: Ticket): void {
    const now = Date.now();
    for (const [number, entry] of this.justOpened) if (now - entry.at > JUST_OPENED_MS) this.justOpened.delete(number);
    this.justOpened.set(ticket.number, { ticket, at: now });
  }

  /** The ticket as this process opened it within the last minute, once; null otherwise (read it from `tickets`). */
  takeJustOpened(number: string): Ticket | null {
    const entry = this.justOpened.get(number);
    this.justOpened.delete(number);
    return entry && Date.now() - entry.at <= JUST_OPENED_MS ? entry.ticket : null;
  }

  /** Applies a domain action (accept, resolve, …): checked transition + event, one write. */
  async act(number: string, action: TicketAction, options: ActionOptions): Promise<Ticket> {
    const changed = await this.change(number, (ticket) => {
      const status = applyActionTo(ticket, action, options.by.kind as ActorKind);
      const refused = options.refuseIf?.(ticket);
      if (refused) throw new IllegalTransitionError(ticket.status, action, status, refused);
      const set: Record<string, unknown> = { ...options.set };
      if (status !== ticket.status) set.status = status;
      if ((action === 'accept' || action === 'reply') && !ticket.firstReplyAt) set.firstReplyAt = options.at;
      if (action === 'resolve') set.resolvedAt = options.at;
      if (action === 'close') set.closedAt = options.at;
      if (action === 'reopen') {
        set.resolvedAt = null;
        set.closedAt = null;
      }
      return {
        set,
        event: { kind: EVENT_OF_ACTION[action], at: options.at, by: options.by, text: options.text, from: ticket.status, to: status, data: options.data },
      };
    }, options.current);
    if (SLA_ACTIONS.has(action)) await this.slaTimers.book(changed);
    if (action === 'resolve') await this.resolved.add(number, options.at);
    return changed;
  }

  /** Appends an event that changes no status (resident message, reminder, breach, survey answer…). */
  async record(number: string, kind: TicketEventKind, options: ActionOptions): Promise<Ticket> {
    return this.change(
      number,
      () => ({ set: { ...options.set }, event: { kind, at: options.at, by: options.by, text: options.text, data: options.data } }),
      options.current,
    );
  }

  private async change(
    number: string,
    decide: (ticket: Ticket) => { set: Record<string, unknown>; event: Record<string, unknown> },
    current?: Ticket,
  ): Promise<Ticket> {
    // a ticket changed here (a resident cancelling or adding right after opening it) is no longer as opened
    this.justOpened.delete(number);
    for (let attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt += 1) {
      const given = attempt === 0 ? current : undefined;
      const ticket = given ?? (await this.getByNumber(number));
      let decided: ReturnType<typeof decide>;
      try {
        decided = decide(ticket);
      } catch (err) {
        if (given) continue; // judged on what the caller read: judge again on what is stored
        throw err;
      }
      const { set, event } = decided;
      const version = ticket.version + 1;
      if (!(await claim(this.versionClaims, `${ticket.number}:${version}`, ticket.number))) continue;
      // the claim makes this writer the only one to write `version`; filtering on the old version as well
      // would make FerretDB 1.24 read the whole collection (it serves only a bare `_id` filter by key)
      const pushed = stripUndefined(event);
      const changes = { ...set, version, updatedAt: event.at };
      const result = await this.tickets.updateOne({ _id: ticket._id }, { $set: changes, $push: { events: pushed } });
      // the claim also means nobody changed the ticket since `ticket` was read: no need to read it back
      if (result.matchedCount === 1) return { ...ticket, ...changes, events: [...ticket.events, pushed] } as Ticket;
    }
    throw new ConcurrentChangeError(number);
  }
}

function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
