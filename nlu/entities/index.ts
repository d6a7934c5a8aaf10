/** All entity extractors behind one call. */
import type { Entities } from '../types.js';
import { addressSpans, extractAddress } from './address.js';
import type { Span } from './common.js';
import { extractFacilities, facilitySpans } from './facility.js';
import { extractPhones, findPhones, phoneSpans } from './phone.js';
import { extractTimes, timeSpans } from './time.js';

export { extractAddress, parseAddress } from './address.js';
export { extractPhones } from './phone.js';
export { extractTimes, resolveTime } from './time.js';
export { extractFacilities, canonicalFacility, FACILITY_IDS, FACILITY_LABELS } from './facility.js';
export type { Span } from './common.js';

/** Phone numbers are blanked before addresses and times are read (so 138-1234-5678 is not 138-1234). */
function maskPhones(text: string): string {
  let out = text;
  for (const p of findPhones(text)) out = out.slice(0, p.offset) + ' '.repeat(p.length) + out.slice(p.offset + p.length);
  return out;
}

export function extractEntities(text: string): Entities {
  const masked = maskPhones(text);
  const e: Entities = {
    phones: extractPhones(text),
    times: extractTimes(masked),
    facilities: extractFacilities(text),
  };
  const address = extractAddress(masked);
  if (address) e.address = address;
  return e;
}

/** Labelled spans for the CLU project export (non-overlapping, in text order). */
export function entitySpans(text: string): Span[] {
  const masked = maskPhones(text);
  const all = [...phoneSpans(text), ...addressSpans(masked), ...timeSpans(masked), ...facilitySpans(masked)].sort(
    (a, b) => a.offset - b.offset || b.length - a.length,
  );
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.offset < last.offset + last.length) continue;
    out.push({ ...s, text: text.slice(s.offset, s.offset + s.length) });
  }
  return out;
}
