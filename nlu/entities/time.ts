/**
 * Time expressions, kept relative: 明天上午 · 今晚8点 · 周六 · 下午3点半 · 下周一 · 3月5日 · 8:30
 * tomorrow morning · tonight at 8pm · Saturday · next Monday · this afternoon.
 * Tokens are found separately and merged when only separators stand between them.
 */
import { DateTime } from 'luxon';
import type { PartOfDay, TimeEntity } from '../types.js';
import { parseNumber, toHalfWidth, type Span } from './common.js';

interface Token {
  start: number;
  end: number;
  fields: Partial<TimeEntity>;
  /** A weak token (Chinese-numeral clock like 一点, which also means "a bit") needs a strong neighbour. */
  weak?: boolean;
}

const DAY_WORDS: Record<string, Partial<TimeEntity>> = {
  大后天: { dayOffset: 3 },
  后天: { dayOffset: 2 },
  明天: { dayOffset: 1 },
  明日: { dayOffset: 1 },
  明儿: { dayOffset: 1 },
  今天: { dayOffset: 0 },
  今日: { dayOffset: 0 },
  今儿: { dayOffset: 0 },
  昨天: { dayOffset: -1 },
  前天: { dayOffset: -2 },
  今晚: { dayOffset: 0, partOfDay: 'evening' },
  今夜: { dayOffset: 0, partOfDay: 'night' },
  明晚: { dayOffset: 1, partOfDay: 'evening' },
  昨晚: { dayOffset: -1, partOfDay: 'evening' },
  今早: { dayOffset: 0, partOfDay: 'morning' },
  明早: { dayOffset: 1, partOfDay: 'morning' },
  tomorrow: { dayOffset: 1 },
  today: { dayOffset: 0 },
  tonight: { dayOffset: 0, partOfDay: 'evening' },
  yesterday: { dayOffset: -1 },
  'day after tomorrow': { dayOffset: 2 },
  'the day after tomorrow': { dayOffset: 2 },
  'last night': { dayOffset: -1, partOfDay: 'night' },
};

const POD_WORDS: Record<string, PartOfDay> = {
  凌晨: 'early-morning',
  清晨: 'early-morning',
  早上: 'morning',
  早晨: 'morning',
  上午: 'morning',
  中午: 'noon',
  下午: 'afternoon',
  傍晚: 'evening',
  晚上: 'evening',
  夜里: 'night',
  夜间: 'night',
  半夜: 'night',
  深夜: 'night',
  morning: 'morning',
  noon: 'noon',
  midday: 'noon',
  afternoon: 'afternoon',
  evening: 'evening',
  night: 'night',
  midnight: 'night',
};

const WEEKDAY_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const WEEKDAY_EN: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};

function alt(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');
}

const ZH_DAY = new RegExp(alt(Object.keys(DAY_WORDS).filter((w) => /[^a-z ]/.test(w))), 'g');
const EN_DAY = new RegExp(`\\b(?:${alt(Object.keys(DAY_WORDS).filter((w) => /^[a-z ]+$/.test(w)))})\\b`, 'gi');
const ZH_POD = new RegExp(alt(Object.keys(POD_WORDS).filter((w) => /[^a-z]/.test(w))), 'g');
const EN_POD = /\b(?:in the |this |at )?(morning|noon|midday|afternoon|evening|night|midnight)\b/gi;
const ZH_WEEK = /(下个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g;
const ZH_WEEKEND = /(下个?|这个?|本)?周末/g;
const EN_WEEK = /\b(?:(next|this|on)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)\b\.?/gi;
const EN_WEEKEND = /\b(?:(next|this)\s+)?weekend\b/gi;
const ZH_DATE = /(?:(\d{1,2}|[一二三四五六七八九十]{1,3})月)?(\d{1,2}|[一二三四五六七八九十]{1,3})[日号](?![楼栋单元室])/g;
const ZH_CLOCK = /(\d{1,2}|[零一二两三四五六七八九十]{1,3})\s*[点点时](?:\s*(半|一刻|三刻|(\d{1,2}|[一二三四五六七八九十]{1,3})\s*分?))?(?:钟)?/g;
const COLON_CLOCK = /(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])\s*(am|pm|a\.m\.|p\.m\.)?/gi;
const EN_CLOCK = /\b(\d{1,2})(?::([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.|o'clock)(?![a-z])/gi;

/** "at 8" — weak: only kept next to a day or part of day (tonight at 8). */
const EN_AT = /\bat (\d{1,2})(?::([0-5]\d))?(?![\d:apo])/gi;

function tokens(t: string): Token[] {
  const out: Token[] = [];
  const add = (m: RegExpMatchArray, fields: Partial<TimeEntity>, weak = false) =>
    out.push({ start: m.index!, end: m.index! + m[0].length, fields, weak });
  for (const m of t.matchAll(ZH_DAY)) add(m, { ...DAY_WORDS[m[0]] });
  for (const m of t.matchAll(EN_DAY)) add(m, { ...DAY_WORDS[m[0].toLowerCase().replace(/\s+/g, ' ')] });
  for (const m of t.matchAll(ZH_POD)) add(m, { partOfDay: POD_WORDS[m[0]]! });
  for (const m of t.matchAll(EN_POD)) add(m, { partOfDay: POD_WORDS[m[1]!.toLowerCase()]! });
  for (const m of t.matchAll(ZH_WEEK)) add(m, { weekday: WEEKDAY_ZH[m[2]!]!, ...(m[1]?.startsWith('下') ? { nextWeek: true } : {}) });
  for (const m of t.matchAll(ZH_WEEKEND)) add(m, { weekday: 6, ...(m[1]?.startsWith('下') ? { nextWeek: true } : {}) });
  for (const m of t.matchAll(EN_WEEK)) {
    // "sat"/"sun"/"wed" etc. alone are ordinary words too often; require the full name or a modifier.
    const name = m[2]!.toLowerCase();
    if (name.length <= 4 && !m[1] && !/day$/.test(name)) continue;
    add(m, { weekday: WEEKDAY_EN[name]!, ...(m[1]?.toLowerCase() === 'next' ? { nextWeek: true } : {}) });
  }
  for (const m of t.matchAll(EN_WEEKEND)) add(m, { weekday: 6, ...(m[1]?.toLowerCase() === 'next' ? { nextWeek: true } : {}) });
  for (const m of t.matchAll(ZH_DATE)) {
    const day = parseNumber(m[2]!);
    const month = m[1] ? parseNumber(m[1]) : undefined;
    if (!(day >= 1 && day <= 31) || (month !== undefined && !(month >= 1 && month <= 12))) continue;
    // "5号" without month is weak: 5号楼 is excluded above, 3号 may still be a door number.
    add(m, month !== undefined ? { month, day } : { day }, month === undefined);
  }
  for (const m of t.matchAll(ZH_CLOCK)) {
    const hour = parseNumber(m[1]!);
    if (!(hour >= 0 && hour <= 24)) continue;
    let minute = 0;
    if (m[2] === '半') minute = 30;
    else if (m[2] === '一刻') minute = 15;
    else if (m[2] === '三刻') minute = 45;
    else if (m[3]) minute = parseNumber(m[3]);
    if (!(minute >= 0 && minute < 60)) continue;
    add(m, { hour, minute }, !/^\d/.test(m[1]!));
  }
  for (const m of t.matchAll(COLON_CLOCK)) {
    let hour = Number(m[1]);
    const ap = m[3]?.toLowerCase().replace(/\./g, '');
    if (ap === 'pm' && hour < 12) hour += 12;
    if (ap === 'am' && hour === 12) hour = 0;
    add(m, { hour, minute: Number(m[2]) });
  }
  for (const m of t.matchAll(EN_CLOCK)) {
    let hour = Number(m[1]);
    if (hour > 12 && m[3] !== "o'clock") continue;
    const ap = m[3]!.toLowerCase().replace(/\./g, '');
    if (ap === 'pm' && hour < 12) hour += 12;
    if (ap === 'am' && hour === 12) hour = 0;
    add(m, { hour, minute: m[2] ? Number(m[2]) : 0 });
  }
  for (const m of t.matchAll(EN_AT)) {
    const hour = Number(m[1]);
    if (hour >= 1 && hour <= 12) add(m, { hour, minute: m[2] ? Number(m[2]) : 0 }, true);
  }
  // Remove tokens overlapping an earlier, longer one.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Token[] = [];
  for (const tok of out) {
    const last = kept[kept.length - 1];
    if (last && tok.start < last.end) continue;
    kept.push(tok);
  }
  return kept;
}

const TIME_SEP = /^(?:\s|,|，|的|at|on|in|the|around|about|左右|大概|约)*$/i;

interface TimeGroup {
  start: number;
  end: number;
  fields: Partial<TimeEntity>;
  strong: boolean;
}

function groups(t: string): TimeGroup[] {
  const out: TimeGroup[] = [];
  let g: TimeGroup | null = null;
  for (const tok of tokens(t)) {
    const clash = g !== null && Object.keys(tok.fields).some((k) => k in g!.fields && k !== 'nextWeek');
    if (g && !clash && TIME_SEP.test(t.slice(g.end, tok.start))) {
      Object.assign(g.fields, tok.fields);
      g.end = tok.end;
      g.strong ||= !tok.weak;
    } else {
      g = { start: tok.start, end: tok.end, fields: { ...tok.fields }, strong: !tok.weak };
      out.push(g);
    }
  }
  return out.filter((x) => x.strong);
}

function finish(raw: string, f: Partial<TimeEntity>): TimeEntity {
  const e: TimeEntity = { raw, ...f };
  if (e.hour !== undefined && e.partOfDay !== undefined && e.hour < 12) {
    if (e.partOfDay === 'afternoon' || e.partOfDay === 'evening') e.hour += 12;
    else if (e.partOfDay === 'noon' && e.hour < 6) e.hour += 12;
    else if (e.partOfDay === 'night' && e.hour >= 6) e.hour += 12;
  }
  if (e.hour === 24) e.hour = 0;
  return e;
}

export function extractTimes(text: string): TimeEntity[] {
  const t = toHalfWidth(text);
  return groups(t).map((g) => finish(text.slice(g.start, g.end), g.fields));
}

export function timeSpans(text: string): Span[] {
  const t = toHalfWidth(text);
  return groups(t).map((g) => ({ category: 'Time', offset: g.start, length: g.end - g.start, text: text.slice(g.start, g.end) }));
}

const POD_DEFAULT_HOUR: Record<PartOfDay, number> = { 'early-morning': 6, morning: 9, noon: 12, afternoon: 15, evening: 19, night: 22 };

/**
 * Resolves a relative time to a concrete moment in the property's time zone (the start of the
 * named period when no hour is given). Weekdays resolve to the next such day (today counts).
 */
export function resolveTime(e: TimeEntity, now: DateTime): DateTime {
  let d = now.startOf('day');
  if (e.month !== undefined && e.day !== undefined) {
    d = d.set({ month: e.month, day: e.day });
    if (d < now.startOf('day')) d = d.plus({ years: 1 });
  } else if (e.day !== undefined) {
    d = d.set({ day: e.day });
    if (d < now.startOf('day')) d = d.plus({ months: 1 });
  } else if (e.weekday !== undefined) {
    let delta = (e.weekday - d.weekday + 7) % 7;
    if (e.nextWeek) delta = 7 - d.weekday + e.weekday;
    d = d.plus({ days: delta });
  } else if (e.dayOffset !== undefined) {
    d = d.plus({ days: e.dayOffset });
  }
  const hour = e.hour ?? (e.partOfDay ? POD_DEFAULT_HOUR[e.partOfDay] : 0);
  return d.set({ hour, minute: e.minute ?? 0 });
}
