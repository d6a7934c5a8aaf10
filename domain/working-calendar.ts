import officialDays from 'chinese-days/dist/chinese-days.json';
import { DateTime, IANAZone } from 'luxon';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A calendar day as YYYY-MM-DD, in the property's zone. */
export type LocalDate = string;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** More consecutive non-working days than this means the calendar is broken, not that work stopped. */
const MAX_NON_WORKING_RUN = 366;
const REMEMBERED_DAY_SUMS = 1_000;

/*
 * chinese-days' published data (State Council notices): public holidays and make-up workdays
 * by date. Its isWorkday() is not used because it mixes the machine's zone into reading a
 * 'YYYY-MM-DD' string (on a machine in America/Los_Angeles it treats Monday 2026-09-28 as
 * Sunday, in Asia/Shanghai it moves dates back a day); the lists themselves are keyed by date.
 */
const OFFICIAL_HOLIDAYS: Readonly<Record<string, string>> = officialDays.holidays;
const OFFICIAL_WORKDAYS: Readonly<Record<string, string>> = officialDays.workdays;

const OFFICIAL_YEARS: ReadonlySet<number> = new Set(Object.keys(OFFICIAL_HOLIDAYS).map((day) => Number(day.slice(0, 4))));

/** China's official calendar for a local date: make-up workdays on, public holidays off, else Monday–Friday. */
export function isOfficialWorkday(day: LocalDate): boolean {
  if (Object.hasOwn(OFFICIAL_WORKDAYS, day)) return true;
  if (Object.hasOwn(OFFICIAL_HOLIDAYS, day)) return false;
  const weekday = DateTime.fromISO(day, { zone: 'UTC' }).weekday;
  return weekday <= 5;
}

/** Whether chinese-days holds the State Council's published calendar for that year (else only weekends count). */
export function hasOfficialCalendar(year: number): boolean {
  return OFFICIAL_YEARS.has(year);
}

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function isValidLocalDate(day: string): boolean {
  return LOCAL_DATE.test(day) && DateTime.fromISO(day, { zone: 'UTC' }).isValid;
}

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

export interface CalendarOverrides {
  readonly extraHolidays?: readonly LocalDate[];
  readonly extraWorkdays?: readonly LocalDate[];
}

/**
 * Working days of one property: China's official calendar (weekends, public holidays and
 * make-up workdays 调休, from chinese-days) with the property's own extra holidays and extra
 * workdays on top, read in the property's time zone.
 *
 * "N working days" from an instant t:
 * - t on a working day: the rest of that day counts, so the deadline is the same wall-clock
 *   time on the N-th following working day (Fri 15:00 + 1 = next working day 15:00).
 * - t on a non-working day: the clock starts when the next working day begins, so the
 *   deadline is the end of the N-th working day counted from it, represented as that day's
 *   last millisecond, 23:59:59.999 local time (Sat 10:00 + 1 = Mon 23:59:59.999), so that the
 *   deadline's local date is the working day it belongs to.
 */
export class WorkingCalendar {
  private readonly extraHolidays: ReadonlySet<LocalDate>;
  private readonly extraWorkdays: ReadonlySet<LocalDate>;
  private readonly daysAfter = new Map<string, { day: LocalDate; startsOnWorkday: boolean }>();

  constructor(
    readonly zone: string = DEFAULT_TIME_ZONE,
    overrides: CalendarOverrides = {},
  ) {
    if (!isValidTimeZone(zone)) throw new CalendarError(`unknown time zone "${zone}"`);
    const holidays = overrides.extraHolidays ?? [];
    const workdays = overrides.extraWorkdays ?? [];
    for (const day of [...holidays, ...workdays]) {
      if (!isValidLocalDate(day)) throw new CalendarError(`"${day}" is not a date as YYYY-MM-DD`);
    }
    const both = holidays.filter((day) => workdays.includes(day));
    if (both.length > 0) throw new CalendarError(`${both.join(', ')} listed both as extra holiday and extra workday`);
    this.extraHolidays = new Set(holidays);
    this.extraWorkdays = new Set(workdays);
  }

  /** The local date (in this calendar's zone) of an instant. */
  localDate(at: Date): LocalDate {
    return this.toZoned(at).toISODate() as LocalDate;
  }

  /** Whether a day (a local date, or the local date of an instant) is a working day. */
  isWorkday(day: LocalDate | Date): boolean {
    const date = typeof day === 'string' ? day : this.localDate(day);
    if (typeof day === 'string' && !isValidLocalDate(day)) throw new CalendarError(`"${day}" is not a date as YYYY-MM-DD`);
    if (this.extraWorkdays.has(date)) return true;
    if (this.extraHolidays.has(date)) return false;
    return isOfficialWorkday(date);
  }

  /** The first working day strictly after `day`. */
  nextWorkday(day: LocalDate): LocalDate {
    let cursor = DateTime.fromISO(day, { zone: 'UTC' });
    for (let i = 0; i < MAX_NON_WORKING_RUN; i++) {
      cursor = cursor.plus({ days: 1 });
      const date = cursor.toISODate() as LocalDate;
      if (this.isWorkday(date)) return date;
    }
    throw new CalendarError(`no working day within ${MAX_NON_WORKING_RUN} days after ${day}`);
  }

  /** The start (00:00 local) of a local date, as an instant. */
  startOfDay(day: LocalDate): Date {
    return DateTime.fromISO(day, { zone: this.zone }).startOf('day').toJSDate();
  }

  /** The end of a local date, as its last millisecond (23:59:59.999 local). */
  endOfDay(day: LocalDate): Date {
    return DateTime.fromISO(day, { zone: this.zone }).endOf('day').toJSDate();
  }

  /** Advances `from` by `n` working days (n a whole number ≥ 0); see the class comment. */
  addWorkingDays(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    const start = this.toZoned(from);
    const startDate = start.toISODate() as LocalDate;
    const { day, startsOnWorkday } = this.workingDayAfter(startDate, n);
    if (startsOnWorkday) {
      return DateTime.fromISO(day, { zone: this.zone })
        .set({ hour: start.hour, minute: start.minute, second: start.second, millisecond: start.millisecond })
        .toJSDate();
    }
    return n === 0 ? this.startOfDay(day) : this.endOfDay(day);
  }

  /** The working day a deadline of `n` working days from `startDate` falls on (remembered: every intake asks). */
  private workingDayAfter(startDate: LocalDate, n: number): { day: LocalDate; startsOnWorkday: boolean } {
    const key = `${startDate}+${n}`;
    const known = this.daysAfter.get(key);
    if (known) return known;
    const startsOnWorkday = this.isWorkday(startDate);
    let day = startsOnWorkday ? startDate : this.nextWorkday(startDate);
    for (let i = startsOnWorkday ? 0 : 1; i < n; i++) day = this.nextWorkday(day);
    if (this.daysAfter.size >= REMEMBERED_DAY_SUMS) this.daysAfter.clear();
    const answer = { day, startsOnWorkday };
    this.daysAfter.set(key, answer);
    return answer;
  }

  private toZoned(at: Date): DateTime {
    if (Number.isNaN(at.getTime())) throw new RangeError('invalid date');
    return DateTime.fromJSDate(at, { zone: this.zone });
  }
}
