import type { Clock } from '../domain/clock.js';
import { escalationTargetFor } from '../domain/routing.js';
import { slaPolicyFor } from '../domain/sla-policy.js';
import type { SlaStage } from '../domain/sla-stages.js';
import { CATEGORY_LABELS } from '../domain/vocabulary.js';
import { claim } from '../store/claims.js';
import { claimModel } from '../store/models/support.js';
import { recipientsFor, type Recipient } from '../store/recipients.js';
import { recipientsOfStaff, recipientsWithRoles } from '../store/role-recipients.js';
import { watchOf, type SlaWatch } from '../store/sla-timers.js';
import type { Store } from '../store/store.js';
import type { Ticket } from '../store/ticket-repository.js';
import { localTime, recordResidentText, recordStaffTexts, staffText } from './job-messages.js';

const MAX_PASSES = 3;
const SYSTEM = { kind: 'system' as const, id: 'sla-job' as const, name: 'PropDesk' };

export interface SlaJobResult {
  tickets: number;
  reminders: number;
  breaches: number;
}

/**
 * SLA nudges and escalation, every minute. Works from the SLA timers (store/sla-timers): minute
 * buckets read by `_id`, each holding the watches of the tickets with a stage due then. A reminder
 * needs nothing but the watch, so the cost follows the due tickets, not the size of `tickets`; only a
 * breach reads and writes its ticket. Per window it acts on the latest due stage (a ticket first seen
 * late gets the breach, not three messages). Messages are recorded under keys (ticket + stage +
 * recipient) before the stage is claimed (`slaStageClaims`), so a stage acts once across runners.
 */
export async function runSlaJob(store: Store, clock: Clock): Promise<SlaJobResult> {
  const now = clock();
  const run = new SlaRun(store, now);
  const timers = store.tickets.slaTimers;
  // a watch booked into a due minute while this run works is seen by a further pass, before the cursor moves past it
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const buckets = await timers.due(now);
    if (buckets.length === 0) break;
    for (const bucket of buckets) {
      const next: SlaWatch[] = [];
      for (const watch of latestWatches(bucket.watches)) {
        const rest = await run.handle(watch);
        if (rest) next.push(rest);
      }
      await timers.handled(bucket, next, now);
    }
  }
  await timers.advance(now);
  return run.result;
}

/** One watch per ticket (the newest version), in case a ticket was booked twice. */
function latestWatches(watches: readonly SlaWatch[]): SlaWatch[] {
  const byNumber = new Map<string, SlaWatch>();
  for (const watch of watches) {
    const seen = byNumber.get(watch.number);
    if (!seen || seen.version < watch.version) byNumber.set(watch.number, watch);
  }
  return [...byNumber.values()];
}

/** The latest due stage of each window, with the ids of the earlier ones it makes moot. */
function latestPerWindow(stages: readonly SlaStage[]): Array<[SlaStage, string[]]> {
  const byWindow = new Map<string, SlaStage[]>();
  for (const stage of stages) byWindow.set(stage.window, [...(byWindow.get(stage.window) ?? []), stage]);
  return [...byWindow.values()].map((group) => [group[group.length - 1]!, group.slice(0, -1).map((s) => s.id)]);
}

class SlaRun {
  readonly result: SlaJobResult = { tickets: 0, reminders: 0, breaches: 0 };
  private readonly stageClaims;
  /** Recipients per assignee or department, looked up once per run. */
  private readonly recipients = new Map<string, Promise<Recipient[]>>();

  constructor(
    private readonly store: Store,
    private readonly now: Date,
  ) {
    this.stageClaims = claimModel(store.connection, 'slaStageClaims');
  }

  /** Acts on the watch's due stages; returns the watch for its next stage when it has one and is not rebooked already. */
  async handle(watch: SlaWatch): Promise<SlaWatch | null> {
    const due = watch.stages.filter((stage) => stage.at.getTime() <= this.now.getTime());
    const later = watch.stages.filter((stage) => stage.at.getTime() > this.now.getTime());
    this.result.tickets += 1;
    if (due.length === 0) return { ...watch, stages: later };
    if (due.some((stage) => stage.kind === 'breach')) {
      await this.handleWithTicket(watch);
      return null;
    }
    for (const [stage, covers] of latestPerWindow(due)) {
      if (await this.remind(watch, stage)) this.result.reminders += 1;
      watch.done.push(stage.id, ...covers);
    }
    return { ...watch, stages: later };
  }

  /** A breach changes the ticket: read it, act on what is still due by its own history, book what comes next. */
  private async handleWithTicket(watch: SlaWatch): Promise<void> {
    const ticket = await this.store.tickets.findByNumber(watch.number);
    if (!ticket) return;
    const current = watchOf(ticket, this.store.property, watch.done);
    const due = current.stages.filter((stage) => stage.at.getTime() <= this.now.getTime());
    let residentTold = false;
    for (const [stage, covers] of latestPerWindow(due)) {
      const claimed = stage.kind === 'breach' ? await this.breach(ticket, current, stage, covers, residentTold) : await this.remind(current, stage);
      if (stage.kind === 'breach') residentTold = true;
      if (claimed && stage.kind === 'breach') this.result.breaches += 1;
      if (claimed && stage.kind === 'reminder') this.result.reminders += 1;
      current.done.push(stage.id, ...covers);
    }
    const fresh = (await this.store.tickets.findByNumber(watch.number)) ?? ticket;
    await this.store.tickets.slaTimers.book(fresh, current.done);
  }

  private async remind(watch: SlaWatch, stage: SlaStage): Promise<boolean> {
    await recordStaffTexts(this.store, await this.reminderRecipients(watch), this.staffMessage(watch, stage, 'jobSlaReminder'), this.now);
    return this.claimStage(watch.number, stage);
  }

  /** Escalates by level and tells the resident (once per run, even when both deadlines broke together). */
  private async breach(ticket: Ticket, watch: SlaWatch, stage: SlaStage, covers: string[], residentTold: boolean): Promise<boolean> {
    const target = escalationTargetFor(ticket.category, ticket.severity);
    const escalated = await recipientsWithRoles(this.store.staff, [target]);
    const recipients = escalated.length > 0 ? escalated : await recipientsFor(this.store.staff, ticket.department);
    const message = this.staffMessage(watch, stage, stage.limit === 'supervisor' ? 'jobSlaSupervisorBreached' : 'jobSlaBreached');
    await recordStaffTexts(this.store, recipients, message, this.now);
    if (!residentTold) await recordResidentText(this.store, ticket, `${message.keyPrefix}:resident`, 'jobResidentDelayed', {}, this.now);
    if (!(await this.claimStage(ticket.number, stage))) return false;
    const set = stage.limit === 'resolve' ? { resolveBreached: true } : { replyBreached: true };
    const data = { stage: stage.id, covers, limit: stage.limit, dueAt: stage.dueAt, escalatedTo: target };
    await this.store.tickets.record(ticket.number, 'breached', { by: SYSTEM, at: this.now, data, set });
    return true;
  }

  private claimStage(number: string, stage: SlaStage): Promise<boolean> {
    return claim(this.stageClaims, `${number}:${stage.id}`, number, this.now);
  }

  private reminderRecipients(watch: SlaWatch): Promise<Recipient[]> {
    const key = watch.assigneeId ? `staff:${watch.assigneeId}` : `department:${watch.department}`;
    let found = this.recipients.get(key);
    if (!found) {
      found = (async () => {
        const assigned = watch.assigneeId ? await recipientsOfStaff(this.store.staff, watch.assigneeId) : [];
        return assigned.length > 0 ? assigned : recipientsFor(this.store.staff, watch.department as Ticket['department']);
      })();
      this.recipients.set(key, found);
    }
    return found;
  }

  private staffMessage(watch: SlaWatch, stage: SlaStage, key: 'jobSlaReminder' | 'jobSlaBreached' | 'jobSlaSupervisorBreached') {
    const values = {
      number: watch.number,
      category: CATEGORY_LABELS[watch.category].zh,
      limit: staffText(stage.limit === 'resolve' ? 'jobLimitResolve' : 'jobLimitReply'),
      percent: stage.percent,
      due: localTime(stage.dueAt, this.store.property.timeZone),
      minutes: supervisorMinutes(this.store),
    };
    return { keyPrefix: `sla:${watch.number}:${stage.id}`, ticketNumber: watch.number, key, values };
  }
}

function supervisorMinutes(store: Store): number {
  const limit = slaPolicyFor(store.property).supervisorReply;
  return 'minutes' in limit ? limit.minutes : 'hours' in limit ? limit.hours * 60 : limit.workingDays * 24 * 60;
}
