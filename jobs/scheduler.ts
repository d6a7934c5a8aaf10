import { DateTime } from 'luxon';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import { JobSlots } from '../store/job-slots.js';
import type { Store } from '../store/store.js';
import { JOBS, type JobDefinition } from './registry.js';

export interface SlotOutcome {
  job: string;
  slot: string;
  /** false: another process (or an earlier run) had claimed this slot. */
  ran: boolean;
  result?: unknown;
}

/** The slot a run belongs to, to the minute in the property's zone, e.g. `sla:2026-11-26T10:05`. */
export function slotKey(jobName: string, at: Date, zone: string): string {
  return `${jobName}:${DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm")}`;
}

export function slotTime(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/**
 * Runs a job once for the slot of `at`, if this caller claims the slot (a unique insert, so one
 * process in a cluster runs it). The job sees the slot's time as "now". A failed run gives the slot
 * back so that a rerun can take it.
 */
export async function runJobInSlot(store: Store, job: JobDefinition, at: Date): Promise<SlotOutcome> {
  const time = slotTime(at);
  const slot = slotKey(job.name, time, store.property.timeZone);
  const slots = new JobSlots(store.connection);
  if (!(await slots.claim(slot, job.name, time))) return { job: job.name, slot, ran: false };
  try {
    return { job: job.name, slot, ran: true, result: await job.run(store, () => time) };
  } catch (err) {
    await slots.release(slot);
    throw err;
  }
}

export interface JobScheduler {
  stop(): Promise<void>;
}

/** Schedules every job on node-cron in the property's zone; each tick runs its slot through `runJobInSlot`. */
export function startJobScheduler(store: Store, clock: Clock, logger: Logger, jobs: readonly JobDefinition[] = JOBS): JobScheduler {
  const running = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = [];
  for (const job of jobs) {
    for (const pattern of job.schedules(store.property.shifts)) {
      tasks.push(
        cron.schedule(
          pattern,
          () => {
            const run = runJobInSlot(store, job, clock())
              .then((outcome) => outcome.ran && logger.debug({ slot: outcome.slot, result: outcome.result }, 'job ran'))
              .catch((err: unknown) => logger.error({ err, job: job.name }, 'job failed'))
              .finally(() => running.delete(run));
            running.add(run);
            return run;
          },
          { timezone: store.property.timeZone, name: `propdesk:${job.name}:${pattern}`, noOverlap: true },
        ),
      );
    }
  }
  return {
    async stop() {
      for (const task of tasks) await task.destroy();
      await Promise.allSettled([...running]);
    },
  };
}
