import type { Clock } from '../domain/clock.js';
import { clusterRepeats, type RepeatCandidate, type RepeatCluster } from '../domain/repeat-rule.js';
import type { TopicKey } from '../domain/topics.js';
import { isDuplicateKeyError } from '../store/duplicate-key.js';
import { capaModel } from '../store/models/capa.js';
import { recipientsWithRoles } from '../store/role-recipients.js';
import type { Store } from '../store/store.js';
import { recordStaffTexts } from './job-messages.js';

/** The review window of the repeat rule: the monthly review. */
export const REPEAT_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export interface RepeatsJobResult {
  clusters: number;
  created: string[];
}

export function matterLabel(cluster: RepeatCluster): string {
  return `${cluster.category}: ${cluster.topic}${cluster.place ? `/${cluster.place}` : ''} @ ${cluster.spot.replace(/^(hh|bldg):/, '')}`;
}

/**
 * Repeat complaints and repairs (daily): the same household + matter, or the same repair, 3+ times
 * in the review window → one CAPA record per cluster (unique clusterKey) and a message to the service
 * head and the project manager. Messages are keyed by the cluster, so a cluster is reported once.
 */
export async function runRepeatsJob(store: Store, clock: Clock): Promise<RepeatsJobResult> {
  const now = clock();
  const since = new Date(now.getTime() - 3 * REPEAT_WINDOW_DAYS * DAY_MS);
  const rows = await store.tickets.tickets
    .find(
      { createdAt: { $gt: since, $lte: now }, category: { $in: ['complaint', 'repair'] } },
      { number: 1, category: 1, createdAt: 1, householdId: 1, location: 1, text: 1, topic: 1, status: 1 },
    )
    .lean();
  const items: RepeatCandidate[] = rows
    .filter((t) => t.status !== 'cancelled')
    .map((t) => ({
      ticketId: t.number,
      category: t.category,
      createdAt: t.createdAt,
      household: t.householdId,
      location: t.location,
      text: t.text,
      topic: (t.topic as TopicKey | null) ?? null,
    }));
  const capas = capaModel(store.connection);
  const managers = await recipientsWithRoles(store.staff, ['service-head', 'project-manager']);
  const clusters = clusterRepeats(items, REPEAT_WINDOW_DAYS, now);
  const result: RepeatsJobResult = { clusters: clusters.length, created: [] };
  for (const cluster of clusters) {
    if ((await capas.countDocuments({ clusterKey: cluster.key })) > 0) continue;
    const matter = matterLabel(cluster);
    const values = { matter, count: cluster.countInWindow, days: REPEAT_WINDOW_DAYS, tickets: cluster.ticketIds.join(', ') };
    await recordStaffTexts(store, managers, { keyPrefix: `capa:${cluster.key}`, key: 'jobCapaCreated', values }, now);
    try {
      await capas.create({
        clusterKey: cluster.key,
        propertyCode: store.property.code,
        householdId: cluster.spot.startsWith('hh:') ? cluster.spot.slice(3) : null,
        category: cluster.category,
        matter,
        ticketNumbers: [...cluster.ticketIds],
        status: 'open',
        createdAt: now,
      });
      result.created.push(cluster.key);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  return result;
}
