/** Rooms and shared facilities, mapped to canonical ids (labels in FACILITY_LABELS). */
import { normalize } from '../features.js';
import { toHalfWidth, type Span } from './common.js';

interface FacilityDef {
  id: string;
  zh: string;
  en: string;
  pattern: RegExp;
}

const DEFS: FacilityDef[] = [
  { id: 'kitchen', zh: '厨房', en: 'kitchen', pattern: /厨房|\bkitchen\b/gi },
  { id: 'bathroom', zh: '卫生间', en: 'bathroom', pattern: /卫生间|厕所|洗手间|浴室|淋浴间|\bbathroom\b|\btoilet\b|\brestroom\b|\bwashroom\b|\bshower room\b/gi },
  { id: 'balcony', zh: '阳台', en: 'balcony', pattern: /阳台|\bbalcony\b/gi },
  { id: 'living-room', zh: '客厅', en: 'living room', pattern: /客厅|\bliving room\b|\blounge\b/gi },
  { id: 'bedroom', zh: '卧室', en: 'bedroom', pattern: /卧室|主卧|次卧|\bbedroom\b/gi },
  { id: 'elevator', zh: '电梯', en: 'elevator', pattern: /电梯|\belevators?\b|\blifts?\b(?! up)/gi },
  { id: 'garage', zh: '车库', en: 'garage', pattern: /车库|地库|停车场|车位|\bgarage\b|\bcar ?park\b|\bparking (?:lot|garage|space|spot)\b/gi },
  { id: 'corridor', zh: '楼道', en: 'corridor', pattern: /楼道|走廊|过道|\bcorridor\b|\bhallway\b/gi },
  { id: 'stairwell', zh: '楼梯间', en: 'stairwell', pattern: /楼梯间|楼梯|\bstairwell\b|\bstair(?:s|case)\b/gi },
  { id: 'lobby', zh: '大堂', en: 'lobby', pattern: /大堂|门厅|\blobby\b/gi },
  { id: 'roof', zh: '楼顶', en: 'roof', pattern: /楼顶|屋顶|天台|\broof(?:top)?\b/gi },
  { id: 'basement', zh: '地下室', en: 'basement', pattern: /地下室|\bbasement\b/gi },
  { id: 'gate', zh: '小区大门', en: 'gate', pattern: /大门|门岗|\bgate\b|\bmain entrance\b/gi },
  { id: 'access-control', zh: '门禁', en: 'access control', pattern: /门禁|\baccess (?:card|control)\b|\bintercom\b|\bkey ?fob\b/gi },
  { id: 'garden', zh: '绿化', en: 'garden', pattern: /花园|绿化带|草坪|草地|\bgarden\b|\blawn\b/gi },
  { id: 'playground', zh: '儿童游乐区', en: 'playground', pattern: /游乐场|儿童乐园|游乐区|滑梯|\bplayground\b/gi },
  { id: 'gym', zh: '会所', en: 'clubhouse', pattern: /会所|健身房|游泳池|泳池|\bgym\b|\bclubhouse\b|\bswimming pool\b|\bpool\b/gi },
  { id: 'refuse', zh: '垃圾站', en: 'refuse point', pattern: /垃圾站|垃圾房|垃圾桶|垃圾箱|\btrash (?:room|bin|can)s?\b|\bgarbage (?:room|bin|can)s?\b|\brubbish bins?\b/gi },
];

export const FACILITY_IDS: readonly string[] = DEFS.map((d) => d.id);
export const FACILITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = Object.fromEntries(
  DEFS.map((d) => [d.id, { zh: d.zh, en: d.en }]),
);

interface FacilityMatch {
  id: string;
  offset: number;
  length: number;
}

function findFacilities(text: string): FacilityMatch[] {
  const t = toHalfWidth(text);
  const out: FacilityMatch[] = [];
  for (const d of DEFS) {
    for (const m of t.matchAll(d.pattern)) {
      // "楼梯" inside "楼梯间" is the same mention.
      if (out.some((o) => m.index! < o.offset + o.length && o.offset < m.index! + m[0].length)) continue;
      out.push({ id: d.id, offset: m.index!, length: m[0].length });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Canonical ids of the facilities mentioned, in order of first mention. */
export function extractFacilities(text: string): string[] {
  return [...new Set(findFacilities(text).map((f) => f.id))];
}

/** Maps a facility mention (e.g. from CLU) to its canonical id; the normalised text when unknown. */
export function canonicalFacility(mention: string): string {
  const f = findFacilities(mention)[0];
  return f ? f.id : normalize(mention);
}

export function facilitySpans(text: string): Span[] {
  return findFacilities(text).map((f) => ({ category: 'Facility', offset: f.offset, length: f.length, text: text.slice(f.offset, f.offset + f.length) }));
}
