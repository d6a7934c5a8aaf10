/**
 * Types of the NLU layer. The category/severity literals mirror domain/ (same values) but are
 * defined here so that nlu/ does not depend on code written concurrently elsewhere.
 */

export const CATEGORIES = ['complaint', 'repair', 'inquiry', 'security', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['major', 'important', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** A Chinese (or English) address inside the property: 3栋2单元501, B区7-1-302, Building 3 Unit 2 Room 501. */
export interface AddressEntity {
  /** Building number or letter (numerals normalised to Arabic digits): "3", "A", "12". Absent when only a room/floor was given. */
  building?: string;
  unit?: string;
  room?: string;
  /** Floor when given without a room (A座15楼) or with it. */
  floor?: string;
  /** Zone / phase: "B" for B区, "2" for 二期. */
  zone?: string;
  /** The text span the address was read from. */
  raw: string;
}

export type PartOfDay = 'early-morning' | 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

/** A time expression, kept relative (resolve against "now" with resolveTime in entities/time.ts). */
export interface TimeEntity {
  raw: string;
  /** Days from today: 0 today, 1 tomorrow, 2 the day after, -1 yesterday. */
  dayOffset?: number;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday?: number;
  /** true for 下周六 / next Saturday. */
  nextWeek?: boolean;
  partOfDay?: PartOfDay;
  hour?: number;
  minute?: number;
  /** Calendar date given explicitly (3月5日, 5号). */
  month?: number;
  day?: number;
}

export interface Entities {
  address?: AddressEntity;
  /** Normalised: mobile "13812345678", landline "0551-62880000". */
  phones: string[];
  times: TimeEntity[];
  /** Canonical facility / room ids (see FACILITY_IDS in entities/facility.ts): kitchen, bathroom, elevator… */
  facilities: string[];
}

export interface Alternative {
  category: Category;
  confidence: number;
}

export interface RecognizerResult {
  category: Category;
  /** Complaint severity; null unless category is complaint. */
  severity: Severity | null;
  /** Probability-like score of `category`, 0..1. */
  confidence: number;
  /** true when confidence < LOW_CONFIDENCE_THRESHOLD: the dialog should ask the resident to choose. */
  lowConfidence: boolean;
  /** All categories, best first (including the chosen one). */
  alternatives: Alternative[];
  entities: Entities;
  language: Locale;
  /** Which recognizer produced the category. */
  source: 'local' | 'clu';
  /** Names of the high-precision rules that fired (e.g. "security:着火", "severity:major:受伤"). */
  rules: string[];
  /**
   * true when none of the message's words or characters occur in the training corpus ("x",
   * "asdfghjkl", "blah blah banana"): the category is a guess about nothing. Set by the local recognizer.
   */
  unfamiliar?: boolean;
}

/** One labelled corpus line. */
export interface CorpusItem {
  text: string;
  category: Category;
  severity: Severity | null;
  locale: Locale;
}

/** Minimal logger shape (pino-compatible). */
export interface NluLogger {
  warn(obj: object, msg: string): void;
}
