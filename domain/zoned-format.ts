import { DateTime } from 'luxon';

/** ISO-8601 with the zone's offset, e.g. 2026-10-08T15:00:00+08:00 (milliseconds only when not zero). */
export function formatInZone(at: Date, zone: string): string {
  const iso = DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true });
  if (iso === null) throw new RangeError(`cannot format ${String(at)} in zone "${zone}"`);
  return iso;
}
