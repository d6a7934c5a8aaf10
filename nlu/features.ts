/**
 * Text normalisation and feature extraction for the statistical classifiers.
 * Chinese: character unigrams + bigrams over CJK runs (no segmentation needed for short texts).
 * Latin script: lower-cased word unigrams + bigrams. Digit runs collapse to a single token.
 */
import type { Locale } from './types.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_G = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** NFKC (full-width → half-width, compatibility forms), lower case, whitespace collapsed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** zh-CN when the text has any Han character and Han characters are at least 20% of its letters. */
export function detectLanguage(text: string): Locale {
  const han = (text.match(CJK_G) ?? []).length;
  if (han === 0) return 'en';
  const latin = (text.match(/[a-zA-Z]/g) ?? []).length;
  // An English word is ~5 letters; compare roughly "words" to characters.
  return han >= latin / 5 ? 'zh-CN' : 'en';
}

const EN_STOP = new Set(['the', 'a', 'an', 'is', 'are', 'am', 'to', 'of', 'and', 'in', 'on', 'at', 'my', 'i', 'it', 'for', 'be', 'this', 'that', 'was', 'there']);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Features of one text as a list of string keys (duplicates kept: multinomial counts).
 * Token stream: CJK characters one by one, Latin words, "#" for a number, "?" for question marks.
 */
export function extractFeatures(text: string): string[] {
  const norm = normalize(text);
  const out: string[] = [];
  // Split into runs of CJK / latin / digits / punctuation, keeping order.
  const tokens = norm.match(/[\u3400-\u9fff\uf900-\ufaff]|[a-z]+(?:'[a-z]+)?|\d+|[?？!！]/g) ?? [];
  let prevCjk: string | null = null;
  let prevWord: string | null = null;
  for (const tok of tokens) {
    if (CJK.test(tok)) {
      out.push(tok);
      if (prevCjk !== null) out.push(prevCjk + tok);
      else out.push('^' + tok);
      prevCjk = tok;
      prevWord = null;
    } else if (/^[a-z]/.test(tok)) {
      const w = stem(tok);
      if (!EN_STOP.has(tok)) out.push('w:' + w);
      if (prevWord !== null) out.push('w:' + prevWord + '_' + w);
      prevWord = w;
      prevCjk = null;
    } else if (/^\d/.test(tok)) {
      out.push('#');
      prevCjk = null;
      prevWord = null;
    } else {
      out.push(tok === '?' ? '?' : '!');
      prevCjk = null;
      prevWord = null;
    }
  }
  if (out.length === 0) out.push('<empty>');
  return out;
}
