/** Phone numbers: mainland mobile (13812345678, +86 138-1234-5678) and landline (0551-62880000, (0551)62880000, 400-800-1234). */
import { toHalfWidth, type Span } from './common.js';

interface PhoneMatch {
  value: string;
  offset: number;
  length: number;
}

const MOBILE = /(?<![\d-])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\d])/g;
const LANDLINE = /(?<![\d-])(?:\(|（)?(0\d{2,3})(?:\)|）|[\s-])?\s*([2-9]\d{6,7})(?:-(\d{1,5}))?(?!\d)/g;
const SERVICE = /(?<![\d-])([48]00)[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)/g;
/** A local 7–8 digit number only right after a phone word. */
const LOCAL = /(?:电话|座机|手机|联系方式|tel|phone|call)[:：\s是为]*([2-9]\d{6,7})(?!\d)/gi;

export function findPhones(text: string): PhoneMatch[] {
  const t = toHalfWidth(text);
  const found: PhoneMatch[] = [];
  const taken = (o: number, l: number) => found.some((f) => o < f.offset + f.length && f.offset < o + l);
  for (const m of t.matchAll(MOBILE)) {
    found.push({ value: m[1]! + m[2]! + m[3]!, offset: m.index!, length: m[0].length });
  }
  for (const m of t.matchAll(SERVICE)) {
    if (!taken(m.index!, m[0].length)) found.push({ value: `${m[1]}-${m[2]}-${m[3]}`, offset: m.index!, length: m[0].length });
  }
  for (const m of t.matchAll(LANDLINE)) {
    if (taken(m.index!, m[0].length)) continue;
    const ext = m[3] ? `-${m[3]}` : '';
    found.push({ value: `${m[1]}-${m[2]}${ext}`, offset: m.index!, length: m[0].length });
  }
  for (const m of t.matchAll(LOCAL)) {
    const off = m.index! + m[0].length - m[1]!.length;
    if (!taken(off, m[1]!.length)) found.push({ value: m[1]!, offset: off, length: m[1]!.length });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

export function extractPhones(text: string): string[] {
  return [...new Set(findPhones(text).map((p) => p.value))];
}

export function phoneSpans(text: string): Span[] {
  return findPhones(text).map((p) => ({ category: 'Phone', offset: p.offset, length: p.length, text: text.slice(p.offset, p.offset + p.length) }));
}
