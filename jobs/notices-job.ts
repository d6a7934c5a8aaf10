import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/store.js';

/** `propdesk job notices`: archives every published notice whose validity (or default week) is over. */
export async function runNoticesJob(store: Store, clock: Clock): Promise<{ archived: string[] }> {
  return { archived: await store.notices.expire(clock()) };
}
