import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/store.js';
import { runClosingJob } from './closing-job.js';
import { runHandoverJob } from './handover-job.js';
import { runHousekeepingJob } from './housekeeping-job.js';
import { runMonthlyReportJob } from './monthly-report-job.js';
import { runNoticesJob } from './notices-job.js';
import { runRepeatsJob } from './repeats-job.js';
import { runRetentionJob } from './retention-job.js';
import { runSlaCheckJob } from './sla-check-job.js';
import { runSlaJob } from './sla-job.js';
import { runSurveyJob } from './survey-job.js';

export type JobRun = (store: Store, clock: Clock) => Promise<unknown>;

export interface JobDefinition {
  readonly name: string;
  readonly description: string;
  /** node-cron patterns in the property's zone; a function of the property's shift times for the handover. */
  readonly schedules: (shifts: readonly string[]) => string[];
  readonly run: JobRun;
}

export const JOBS: readonly JobDefinition[] = [
  { name: 'sla', description: 'SLA reminders at 50% and 80%, breach marking and escalation', schedules: () => ['* * * * *'], run: runSlaJob },
  { name: 'sla-check', description: 'rebooks the SLA watch of any open ticket whose watch is missing or stale (after a crash)', schedules: () => ['40 * * * *'], run: runSlaCheckJob },
  { name: 'surveys', description: 'callback surveys after resolution and callback tasks for unanswered ones', schedules: () => ['*/5 * * * *'], run: runSurveyJob },
  {
    name: 'handover',
    description: 'the shift handover record to the desk, at each shift time',
    schedules: (shifts) => shifts.map((time) => `${Number(time.slice(3, 5))} ${Number(time.slice(0, 2))} * * *`),
    run: runHandoverJob,
  },
  { name: 'repeats', description: 'repeat complaints and repairs → CAPA records', schedules: () => ['30 6 * * *'], run: runRepeatsJob },
  { name: 'monthly-report', description: "last month's statistics report and a summary to the managers", schedules: () => ['0 8 1 * *'], run: runMonthlyReportJob },
  { name: 'notices', description: 'archives published notices whose validity (or default week) is over', schedules: () => ['5 * * * *'], run: runNoticesJob },
  {
    name: 'closing',
    description: 'closes resolved tickets no survey or callback waits on, 10 working days after resolution (the callback window)',
    schedules: () => ['50 2 * * *'],
    run: runClosingJob,
  },
  { name: 'housekeeping', description: 'drops the message log and intake keys of tickets finished over 30 days ago and conversation states idle for 30 days', schedules: () => ['20 3 * * *'], run: runHousekeepingJob },
  { name: 'retention', description: 'destroys approved departed-household files past retention (destruction register) and lists those awaiting approval', schedules: () => ['0 3 * * *'], run: runRetentionJob },
];

/** Jobs of another issue, named by the interface already: the CLI says they are not available yet. */
export const PLANNED_JOBS: readonly string[] = [];

export function jobNamed(name: string): JobDefinition | undefined {
  return JOBS.find((job) => job.name === name);
}
