import type { PlaceKey, TopicKey } from './topics.js';
import { COMMON_AREA_PLACES, COMMON_AREA_TOPICS, placeOf, topicOf } from './topics.js';
import type { Category } from './vocabulary.js';

/**
 * Manual §2 review rule: the same matter complained about 3+ times, or the same repair done
 * 3+ times, calls for a corrective and preventive action (CAPA, 纠正与预防措施).
 *
 * Same matter (complaints): same household + same topic (topics.ts), whatever the severity.
 * Same repair: same topic + same place facet (kitchen, bathroom, …, or none) at the same
 * spot: the household for things inside a home; the building for shared facilities (elevator,
 * access, parking, greenery, or a common place such as a corridor or lobby), whoever reports it.
 * Items without a topic, or without a household/location to pin them to, are never repeats;
 * inquiries, security and other requests are not counted.
 *
 * Episodes: a matter's items form one episode while consecutive items are at most `windowDays`
 * apart; a quiet gap longer than the window starts a new one. An episode becomes a cluster once
 * `threshold` of its items fall in the review window (now − windowDays, now]. The cluster key is
 * the matter key plus the episode's first ticket, so it stays the same on every run while the
 * episode lasts (more complaints join it, no second CAPA) and changes when the matter recurs
 * after a quiet gap. Pass items from well before the window (e.g. 3 × windowDays) so that an
 * episode's first ticket is among them.
 */

export const REPEAT_THRESHOLD = 3;

export interface RepeatLocation {
  readonly building?: string | null;
  readonly unit?: string | null;
  readonly room?: string | null;
}

export interface RepeatCandidate {
  readonly ticketId: string;
  readonly category: Category;
  readonly createdAt: Date;
  /** Household archive number (物业代号+楼栋号+房号) when known. */
  readonly household?: string | null;
  readonly location?: RepeatLocation | null;
  readonly text?: string | null;
  /** A topic already decided (e.g. by staff); otherwise it is read from the text. */
  readonly topic?: TopicKey | null;
}

export interface RepeatCluster {
  /** Stable per episode: create the CAPA once per key. */
  readonly key: string;
  /** Stable per matter across episodes. */
  readonly matterKey: string;
  readonly category: 'complaint' | 'repair';
  readonly topic: TopicKey;
  readonly place: PlaceKey | null;
  /** Household archive number, or building for shared facilities. */
  readonly spot: string;
  /** Every ticket of the episode up to now, oldest first. */
  readonly ticketIds: readonly string[];
  readonly countInWindow: number;
  readonly firstAt: Date;
  readonly lastAt: Date;
}

interface Matter {
  readonly key: string;
  readonly category: 'complaint' | 'repair';
  readonly topic: TopicKey;
  readonly place: PlaceKey | null;
  readonly spot: string;
}

const DAY_MS = 86_400_000;

function tidy(part: string | null | undefined): string | null {
  const value = part?.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return value ? value : null;
}

function householdSpot(item: RepeatCandidate): string | null {
  const household = tidy(item.household);
  if (household) return `hh:${household}`;
  const building = tidy(item.location?.building);
  const room = tidy(item.location?.room);
  if (!building || !room) return null;
  return `hh:${[building, tidy(item.location?.unit), room].filter(Boolean).join('-')}`;
}

function buildingSpot(item: RepeatCandidate): string | null {
  const building = tidy(item.location?.building);
  return building ? `bldg:${building}` : null;
}

/** The matter an item belongs to, or null when it cannot be a repeat. */
export function matterOf(item: RepeatCandidate): Matter | null {
  if (item.category !== 'complaint' && item.category !== 'repair') return null;
  const topic = item.topic ?? (item.text ? topicOf(item.text) : null);
  if (!topic) return null;
  if (item.category === 'complaint') {
    const spot = householdSpot(item);
    return spot ? { key: `complaint|${spot}|${topic}`, category: 'complaint', topic, place: null, spot } : null;
  }
  const place = item.text ? placeOf(item.text) : null;
  const shared = COMMON_AREA_TOPICS.has(topic) || (place !== null && COMMON_AREA_PLACES.has(place));
  const spot = shared ? (buildingSpot(item) ?? householdSpot(item)) : householdSpot(item);
  return spot ? { key: `repair|${spot}|${topic}|${place ?? '-'}`, category: 'repair', topic, place, spot } : null;
}

export function clusterRepeats(
  items: readonly RepeatCandidate[],
  windowDays: number,
  now: Date,
  threshold: number = REPEAT_THRESHOLD,
): RepeatCluster[] {
  if (!(windowDays > 0)) throw new RangeError(`windowDays must be positive, got ${windowDays}`);
  const windowMs = windowDays * DAY_MS;
  const windowStart = now.getTime() - windowMs;

  const byMatter = new Map<string, { matter: Matter; items: RepeatCandidate[] }>();
  for (const item of items) {
    if (item.createdAt.getTime() > now.getTime()) continue;
    const matter = matterOf(item);
    if (!matter) continue;
    const group = byMatter.get(matter.key) ?? { matter, items: [] };
    group.items.push(item);
    byMatter.set(matter.key, group);
  }

  const clusters: RepeatCluster[] = [];
  for (const { matter, items: group } of byMatter.values()) {
    group.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0));
    let episodeStart = 0;
    for (let i = 1; i < group.length; i++) {
      if (group[i]!.createdAt.getTime() - group[i - 1]!.createdAt.getTime() > windowMs) episodeStart = i;
    }
    const episode = group.slice(episodeStart);
    const countInWindow = episode.filter((item) => item.createdAt.getTime() > windowStart).length;
    if (countInWindow < threshold) continue;
    const first = episode[0]!;
    clusters.push({
      key: `${matter.key}#${first.ticketId}`,
      matterKey: matter.key,
      category: matter.category,
      topic: matter.topic,
      place: matter.place,
      spot: matter.spot,
      ticketIds: episode.map((item) => item.ticketId),
      countInWindow,
      firstAt: first.createdAt,
      lastAt: episode[episode.length - 1]!.createdAt,
    });
  }
  return clusters.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
