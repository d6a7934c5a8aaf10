/**
 * Addresses inside the property, Chinese and English:
 *   3栋2单元501 · 3号楼1单元1201室 · 12幢302 · A座15楼 · B区7-1-302 · 三栋二单元501 · 5#楼
 *   Building 3 Unit 2 Room 501 · Bldg 3, Rm 501 · Block A, 15th floor
 * Components are found separately and grouped when only separators stand between them.
 */
import type { AddressEntity } from '../types.js';
import { normalizeCode, parseNumber, toHalfWidth, type Span } from './common.js';

type Part = 'zone' | 'building' | 'unit' | 'floor' | 'room';

interface Component {
  part: Part;
  value: string;
  start: number;
  end: number;
  /** Dash forms fill several parts at once. */
  extra?: Partial<Record<Part, string>>;
}

const N = '(\\d{1,4}|[零〇一二两三四五六七八九十百]{1,4})';
const CODE = '([A-Za-z]\\d{0,2}|\\d{1,3}|[一二两三四五六七八九十]{1,3})';

const PATTERNS: { part: Part; re: RegExp }[] = [
  { part: 'zone', re: new RegExp(`(?<![A-Za-z\\d])${CODE}\\s*(?:区|期)`, 'g') },
  { part: 'building', re: new RegExp(`(?<![A-Za-z\\d])${CODE}\\s*(?:号楼|号栋|栋|幢|座|号院|#楼?|号?楼栋)`, 'g') },
  { part: 'unit', re: new RegExp(`(?<![\\d])${N}\\s*单元`, 'g') },
  { part: 'floor', re: new RegExp(`(?<![\\d号])${N}\\s*(?:楼|层)(?![道梯下上顶房栋])`, 'g') },
  { part: 'room', re: /(?<![\d])(\d{2,5})\s*(?:室|号房|房间|户)/g },
  // English
  { part: 'building', re: /\b(?:building|bldg\.?|block|blk\.?|tower)\s*(?:no\.?\s*|#\s*)?([a-z]?\d{1,3}[a-z]?|[a-z])\b/gi },
  { part: 'unit', re: /\b(?:unit|entrance)\s*(?:no\.?\s*|#\s*)?(\d{1,2}[a-z]?|[a-z])\b/gi },
  { part: 'room', re: /\b(?:room|rm\.?|apt\.?|apartment|flat|suite)\s*(?:no\.?\s*|#\s*)?(\d{2,5}[a-z]?)\b/gi },
  { part: 'floor', re: /\b(\d{1,2})(?:st|nd|rd|th)\s+floor\b/gi },
  { part: 'floor', re: /\bfloor\s*(\d{1,2})\b/gi },
  { part: 'zone', re: /\b(?:zone|area|phase|section)\s*([a-z]|\d{1,2})\b/gi },
];

/** 7-1-302 (building-unit-room) and 7-302 (building-room, only next to other parts). */
const DASH3 = /(?<![\d-])(\d{1,3}|[A-Za-z])-(\d{1,2})-(\d{3,4})(?![\d-])/g;
const DASH2 = /(?<![\d-])(\d{1,3}|[A-Za-z])-(\d{3,4})(?![\d-])/g;
const SEP = /^[\s,，、的/#-]*$/;
const BARE_ROOM = /^[\s,，、-]*(\d{3,4}|\d{2}(?=\s*(?:室|号|房))|[零〇一二三四五六七八九]{3,4}(?![十百]))\s*(?:室|号房|号|房)?/;

function components(t: string): Component[] {
  const out: Component[] = [];
  for (const { part, re } of PATTERNS) {
    for (const m of t.matchAll(re)) out.push({ part, value: normalizeCode(m[1]!), start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of t.matchAll(DASH3)) {
    out.push({
      part: 'building',
      value: normalizeCode(m[1]!),
      start: m.index!,
      end: m.index! + m[0].length,
      extra: { unit: String(Number(m[2])), room: m[3]! },
    });
  }
  for (const m of t.matchAll(DASH2)) {
    if (out.some((c) => m.index! >= c.start && m.index! < c.end)) continue;
    out.push({ part: 'building', value: normalizeCode(m[1]!), start: m.index!, end: m.index! + m[0].length, extra: { room: m[2]! } });
  }
  // Drop components contained in another (e.g. a floor inside a building suffix).
  const kept = out.filter((c) => !out.some((o) => o !== c && o.start <= c.start && c.end <= o.end && o.end - o.start > c.end - c.start));
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface Group {
  parts: Partial<Record<Part, string>>;
  start: number;
  end: number;
  dash2: boolean;
}

function build(t: string): Group[] {
  const groups: Group[] = [];
  let g: Group | null = null;
  for (const c of components(t)) {
    const fields: Partial<Record<Part, string>> = { [c.part]: c.value, ...c.extra };
    const conflict = g !== null && Object.keys(fields).some((k) => g!.parts[k as Part] !== undefined);
    if (g !== null && !conflict && c.start >= g.end && SEP.test(t.slice(g.end, c.start))) {
      Object.assign(g.parts, fields);
      g.end = c.end;
      if (c.extra && !c.extra.unit) g.dash2 = true;
    } else if (g === null || c.start >= g.end) {
      g = { parts: fields, start: c.start, end: c.end, dash2: Boolean(c.extra && !c.extra.unit) };
      groups.push(g);
    }
  }
  for (const grp of groups) {
    if (grp.parts.room === undefined && (grp.parts.building !== undefined || grp.parts.unit !== undefined)) {
      const m = BARE_ROOM.exec(t.slice(grp.end));
      if (m) {
        grp.parts.room = /^\d/.test(m[1]!) ? m[1]! : String(parseNumber(m[1]!));
        grp.end += m[0].length;
      }
    }
  }
  return groups.filter((grp) => {
    const p = grp.parts;
    const n = Object.keys(p).length;
    if (grp.dash2 && n < 2 + (p.zone ? 0 : 1)) return false; // bare 7-302 alone is too ambiguous
    if (p.building !== undefined || p.room !== undefined) return true;
    return p.zone !== undefined && n >= 2;
  });
}

function score(g: Group): number {
  return Object.keys(g.parts).length;
}

function pick(text: string): { group: Group; t: string } | null {
  const t = toHalfWidth(text);
  const groups = build(t);
  if (groups.length === 0) return null;
  let best = groups[0]!;
  for (const g of groups) if (score(g) > score(best)) best = g;
  return { group: best, t };
}

/** The most complete address in the text, or undefined. */
export function extractAddress(text: string): AddressEntity | undefined {
  const found = pick(text);
  if (!found) return undefined;
  const { group } = found;
  const p = group.parts;
  const a: AddressEntity = { raw: text.slice(group.start, group.end).trim() };
  if (p.building !== undefined) a.building = p.building;
  if (p.unit !== undefined) a.unit = p.unit;
  if (p.room !== undefined) a.room = p.room;
  if (p.floor !== undefined) a.floor = p.floor;
  if (p.zone !== undefined) a.zone = p.zone;
  return a;
}

/** Parses a text that is an address (e.g. a CLU entity) into parts; undefined if nothing is recognised. */
export function parseAddress(text: string): AddressEntity | undefined {
  return extractAddress(text);
}

export function addressSpans(text: string): Span[] {
  const t = toHalfWidth(text);
  return build(t).map((g) => ({ category: 'Address', offset: g.start, length: g.end - g.start, text: text.slice(g.start, g.end) }));
}
