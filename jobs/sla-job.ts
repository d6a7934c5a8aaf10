import type { Clock } from '../domain/clock.js';
import { escalationTargetFor } from '../domain/routing.js';
import { workingCalendarFor } from '../domain/sla-clock.js';
import { slaPolicyFor } from '../domain/sla-policy.js';
import { CATEGORY_LABELS } from '../domain/vocabulary.js';
import { claim } from '../store/claims.js';
import { claimModel } from '../store/models/support.js';
import { recipientsFor, type Recipient } from '../store/recipients.js';
import { recipientsOfStaff, recipientsWithRoles } from '../store/role-recipients.js';
import type { Store } from '../store/store.js';
import type { Ticket } from '../store/ticket-repository.js';
import { localTime, recordResidentText, recordStaffTexts, staffText } from './job-messages.js';
import { pendingStages, type SlaStage } from './sla-stages.js';

const SYSTEM = { kind: 'system' as const, id: 'sla-job', name: 'PropDesk' };

export interface SlaJobResult {
  tickets: number;
  reminders: number;
  breaches: number;
}

/**
 * SLA nudges and escalation, every minute. Reads only the tickets whose timer has come (store/sla-timers:
 * minute buckets read by `_id`, kept at each ticket's next stage), so the cost follows the due tickets,
 * not the size of the collection. Per due window it acts on the latest due stage only (a ticket first seen late gets the
 * breach, not three messages). Messages are recorded under keys (ticket + stage + recipient) before the
 * stage is claimed (`slaStageClaims`), so a stage acts once. A reminder writes nothing to the ticket:
 * FerretDB 1.24 reads the whole collection for every update, and the outbox keeps the reminder.
 */
export async function runSlaJob(store: Store, clock: Clock): Promise<SlaJobResult> {
  const now = clock();
  const policy = slaPolicyFor(store.property);
  const calendar = workingCalendarFor(store.property);
  const stageClaims = claimModel(store.connection, 'slaStageClaims');
  const result: SlaJobResult = { tickets: 0, reminders: 0, breaches: 0 };

  const timers = store.tickets.slaTimers;
  for (const bucket of await timers.due(now)) {
    for (const number of new Set(bucket.numbers)) {
      const ticket = await store.tickets.findByNumber(number);
      if (!ticket) continue;
      result.tickets += 1;
      const dueStages = pendingStages(ticket, policy, calendar).filter((stage) => stage.at.getTime() <= now.getTime());
      for (const [stage, covers] of latestPerWindow(dueStages)) {
        await recordStageMessages(store, ticket, stage, now);
        if (!(await claim(stageClaims, `${number}:${stage.id}`, number, now))) continue;
        if (stage.kind === 'breach') {
          await markBreach(store, number, stage, covers, now);
          result.breaches += 1;
        } else {
          result.reminders += 1;
        }
      }
      const fresh = await store.tickets.findByNumber(number);
      const next = fresh && pendingStages(fresh, policy, calendar).find((stage) => stage.at.getTime() > now.getTime());
      if (next) await timers.wake(number, next.at);
    }
    await timers.handled(bucket);
  }
  await timers.advance(now);
  return result;
}

/** The latest due stage of each window, with the ids of the earlier ones it makes moot. */
function latestPerWindow(stages: SlaStage[]): Array<[SlaStage, string[]]> {
  const byWindow = new Map<string, SlaStage[]>();
  for (const stage of stages) byWindow.set(stage.window, [...(byWindow.get(stage.window) ?? []), stage]);
  return [...byWindow.values()].map((group) => [group[group.length - 1]!, group.slice(0, -1).map((s) => s.id)]);
}

async function reminderRecipients(store: Store, ticket: Ticket): Promise<Recipient[]> {
  const assigned = ticket.assignee?.kind === 'staff' ? await recipientsOfStaff(store.staff, ticket.assignee.id) : [];
  return assigned.length > 0 ? assigned : recipientsFor(store.staff, ticket.department);
}

async function recordStageMessages(store: Store, ticket: Ticket, stage: SlaStage, now: Date): Promise<void> {
  const zone = store.property.timeZone;
  const values = {
    number: ticket.number,
    category: CATEGORY_LABELS[ticket.category].zh,
    limit: staffText(stage.limit === 'resolve' ? 'jobLimitResolve' : 'jobLimitReply'),
    percent: stage.percent,
    due: localTime(stage.dueAt, zone),
    minutes: supervisorMinutes(store),
  };
  const keyPrefix = `sla:${ticket.number}:${stage.id}`;
  if (stage.kind === 'reminder') {
    await recordStaffTexts(store, await reminderRecipients(store, ticket), { keyPrefix, ticketNumber: ticket.number, key: 'jobSlaReminder', values }, now);
    return;
  }
  const target = escalationTargetFor(ticket.category, ticket.severity);
  const escalated = await recipientsWithRoles(store.staff, [target]);
  const recipients = escalated.length > 0 ? escalated : await recipientsFor(store.staff, ticket.department);
  const key = stage.limit === 'supervisor' ? 'jobSlaSupervisorBreached' : 'jobSlaBreached';
  await recordStaffTexts(store, recipients, { keyPrefix, ticketNumber: ticket.number, key, values }, now);
  await recordResidentText(store, ticket, `${keyPrefix}:resident`, 'jobResidentDelayed', {}, now);
}

async function markBreach(store: Store, number: string, stage: SlaStage, covers: string[], now: Date): Promise<void> {
  const data = { stage: stage.id, covers, limit: stage.limit, dueAt: stage.dueAt };
  const ticket = await store.tickets.getByNumber(number);
  const set = stage.limit === 'resolve' ? { resolveBreached: true } : { replyBreached: true };
  await store.tickets.record(number, 'breached', { by: SYSTEM, at: now, data: { ...data, escalatedTo: escalationTargetFor(ticket.category, ticket.severity) }, set });
}

function supervisorMinutes(store: Store): number {
  const limit = slaPolicyFor(store.property).supervisorReply;
  return 'minutes' in limit ? limit.minutes : 'hours' in limit ? limit.hours * 60 : limit.workingDays * 24 * 60;
}

