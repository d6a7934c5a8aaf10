/** Shared helpers for entity extraction. */

/** Length-preserving normalisation: full-width ASCII → half-width, ideographic space → space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses Arabic digits or a Chinese numeral up to 九十九 (also 二零一 digit-by-digit). NaN when not a number. */
export function parseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return NaN;
  if (!/[十百]/.test(s)) {
    // digit by digit: 五零一 → 501
    return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let cur = 0;
  for (const c of s) {
    if (c === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (c === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else cur = CN_DIGITS[c] ?? 0;
  }
  return total + cur;
}

/** A number as a string (Arabic) or the text itself upper-cased when it is a letter code (A, B2). */
export function normalizeCode(s: string): string {
  const n = parseNumber(s);
  if (!Number.isNaN(n)) return String(n);
  return s.toUpperCase();
}

export interface Span {
  /** Entity category as used in the CLU export: Address, Phone, Time, Facility. */
  category: 'Address' | 'Phone' | 'Time' | 'Facility';
  offset: number;
  length: number;
  text: string;
}
