import type { Clock } from '../domain/clock.js';
import type { DueArchive } from '../store/retention.js';
import type { Store } from '../store/store.js';

export interface RetentionJobResult {
  destroyed: string[];
  awaitingApproval: DueArchive[];
}

/** `propdesk job retention`: destroys the due files that carry an approval (writing the register) and lists the rest. */
export async function runRetentionJob(store: Store, clock: Clock): Promise<RetentionJobResult> {
  const now = clock();
  const destroyed = await store.retention.destroyApproved(now);
  const awaitingApproval = (await store.retention.due(now)).filter((d) => !d.approval);
  return { destroyed: destroyed.map((entry) => entry.archiveNo), awaitingApproval };
}
