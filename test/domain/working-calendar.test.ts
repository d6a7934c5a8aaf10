import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CalendarError, hasOfficialCalendar, WorkingCalendar } from '../../domain/working-calendar.js';
import { formatInZone } from '../../domain/zoned-format.js';
import { at } from './fixtures.js';

const shanghai = new WorkingCalendar('Asia/Shanghai');
const iso = (date: Date, zone = 'Asia/Shanghai') => formatInZone(date, zone);

describe('WorkingCalendar', () => {
  describe('China official calendar 2026 (chinese-days)', () => {
    it('National Day: Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked', () => {
      for (let day = 1; day <= 7; day++) assert.equal(shanghai.isWorkday(`2026-10-0${day}`), false, `Oct ${day}`);
      assert.equal(shanghai.isWorkday('2026-09-20'), true);
      assert.equal(shanghai.isWorkday('2026-10-10'), true);
      assert.equal(shanghai.isWorkday('2026-10-11'), false);
      assert.equal(shanghai.isWorkday('2026-09-30'), true);
      assert.equal(shanghai.isWorkday('2026-10-08'), true);
    });

    it('Spring Festival: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked', () => {
      for (let day = 15; day <= 23; day++) assert.equal(shanghai.isWorkday(`2026-02-${day}`), false, `Feb ${day}`);
      assert.equal(shanghai.isWorkday('2026-02-14'), true);
      assert.equal(shanghai.isWorkday('2026-02-28'), true);
      assert.equal(shanghai.isWorkday('2026-02-24'), true);
    });

    it('Mid-Autumn Festival: Friday Sep 25 off', () => {
      assert.equal(shanghai.isWorkday('2026-09-25'), false);
      assert.equal(shanghai.nextWorkday('2026-09-24'), '2026-09-28');
    });

    it('ordinary weekends are off', () => {
      assert.equal(shanghai.isWorkday('2026-09-12'), false);
      assert.equal(shanghai.isWorkday('2026-09-13'), false);
      assert.equal(shanghai.nextWorkday('2026-09-11'), '2026-09-14');
    });

    it('agrees with chinese-days on every day 2004–2026, whatever the machine’s zone', () => {
      const days: string[] = [];
      for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
      // chinese-days 1.5.7 builds and reads its tables in the machine's zone and is right only
      // when that zone is UTC, so the reference comes from a fresh process started in UTC.
      const script = `const { isWorkday } = require(${JSON.stringify(require.resolve('chinese-days'))}); process.stdout.write(${JSON.stringify(days)}.map((d) => (isWorkday(d) ? '1' : '0')).join(''));`;
      const reference = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8' });
      assert.equal(reference.length, days.length);
      const ours = () => days.map((day) => (shanghai.isWorkday(day) ? '1' : '0')).join('');
      assert.equal(ours(), reference);
      const savedZone = process.env.TZ;
      try {
        for (const zone of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
          process.env.TZ = zone;
          assert.equal(ours(), reference, zone);
          assert.equal(iso(shanghai.addWorkingDays(at('2026-09-28T09:00:00+08:00'), 1)), '2026-09-29T09:00:00+08:00');
        }
      } finally {
        if (savedZone === undefined) delete process.env.TZ;
        else process.env.TZ = savedZone;
      }
    });

    it('knows which years have official data', () => {
      assert.equal(hasOfficialCalendar(2026), true);
      assert.equal(hasOfficialCalendar(1990), false);
    });
  });

  describe('property overrides', () => {
    it('an extra holiday turns an official workday off', () => {
      const calendar = new WorkingCalendar('Asia/Shanghai', { extraHolidays: ['2026-10-08'] });
      assert.equal(calendar.isWorkday('2026-10-08'), false);
      assert.equal(calendar.nextWorkday('2026-09-30'), '2026-10-09');
    });

    it('an extra workday turns a public holiday or weekend on', () => {
      const calendar = new WorkingCalendar('Asia/Shanghai', { extraWorkdays: ['2026-10-03', '2026-09-13'] });
      assert.equal(calendar.isWorkday('2026-10-03'), true);
      assert.equal(calendar.isWorkday('2026-09-13'), true);
      assert.equal(calendar.nextWorkday('2026-09-30'), '2026-10-03');
    });

    it('rejects a day listed both ways, bad dates and unknown zones', () => {
      assert.throws(() => new WorkingCalendar('Asia/Shanghai', { extraHolidays: ['2026-10-08'], extraWorkdays: ['2026-10-08'] }), CalendarError);
      assert.throws(() => new WorkingCalendar('Asia/Shanghai', { extraHolidays: ['2026-02-30'] }), /not a date/);
      assert.throws(() => new WorkingCalendar('Mars/Olympus'), /unknown time zone "Mars\/Olympus"/);
    });

    it('gives up instead of looping when nothing is a working day', () => {
      const days: string[] = [];
      for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() < 2028; d = new Date(d.getTime() + 86_400_000)) {
        days.push(d.toISOString().slice(0, 10));
      }
      const calendar = new WorkingCalendar('Asia/Shanghai', { extraHolidays: days });
      assert.throws(() => calendar.nextWorkday('2026-01-01'), CalendarError);
    });
  });

  describe('addWorkingDays', () => {
    it('Friday 15:00 + 1 = next working Monday 15:00', () => {
      assert.equal(iso(shanghai.addWorkingDays(at('2026-09-11T15:00:00+08:00'), 1)), '2026-09-14T15:00:00+08:00');
    });

    it('Saturday 10:00 + 1 = the end of the next working day', () => {
      assert.equal(iso(shanghai.addWorkingDays(at('2026-09-12T10:00:00+08:00'), 1)), '2026-09-14T23:59:59.999+08:00');
    });

    it('a non-working Saturday before a make-up Sunday: the Sunday is the next working day', () => {
      assert.equal(iso(shanghai.addWorkingDays(at('2026-09-19T10:00:00+08:00'), 1)), '2026-09-20T23:59:59.999+08:00');
    });

    it('Sep 30 15:00 + 1 = Oct 8 15:00 (Oct 1–7 do not count)', () => {
      assert.equal(iso(shanghai.addWorkingDays(at('2026-09-30T15:00:00+08:00'), 1)), '2026-10-08T15:00:00+08:00');
    });

    it('+3 from Sep 30 counts Oct 8, Oct 9 and the make-up Saturday Oct 10', () => {
      assert.equal(iso(shanghai.addWorkingDays(at('2026-09-30T09:30:00+08:00'), 3)), '2026-10-10T09:30:00+08:00');
    });

    it('zero working days: now on a working day, the next working day’s start otherwise', () => {
      assert.equal(iso(shanghai.addWorkingDays(at('2026-09-30T15:00:00+08:00'), 0)), '2026-09-30T15:00:00+08:00');
      assert.equal(iso(shanghai.addWorkingDays(at('2026-10-03T15:00:00+08:00'), 0)), '2026-10-08T00:00:00+08:00');
    });

    it('rejects fractional or negative counts and invalid dates', () => {
      assert.throws(() => shanghai.addWorkingDays(at('2026-09-30T15:00:00+08:00'), 1.5), RangeError);
      assert.throws(() => shanghai.addWorkingDays(at('2026-09-30T15:00:00+08:00'), -1), RangeError);
      assert.throws(() => shanghai.addWorkingDays(new Date(Number.NaN), 1), RangeError);
    });

    it('reads the day in the calendar’s zone, not the machine’s or UTC', () => {
      // 2026-09-30T16:30Z is Oct 1 00:30 in Shanghai (a holiday) but still Sep 30 (a workday) in UTC.
      const instant = at('2026-09-30T16:30:00Z');
      assert.equal(shanghai.localDate(instant), '2026-10-01');
      assert.equal(shanghai.isWorkday(instant), false);
      assert.equal(iso(shanghai.addWorkingDays(instant, 1)), '2026-10-08T23:59:59.999+08:00');

      const utc = new WorkingCalendar('UTC');
      assert.equal(utc.localDate(instant), '2026-09-30');
      assert.equal(utc.isWorkday(instant), true);
      assert.equal(iso(utc.addWorkingDays(instant, 1), 'UTC'), '2026-10-08T16:30:00Z');
    });

    it('midnight edges: the last second of Sep 30 and the first of Oct 8 in Shanghai', () => {
      const lastSecond = at('2026-09-30T15:59:59Z');
      assert.equal(iso(shanghai.addWorkingDays(lastSecond, 1)), '2026-10-08T23:59:59+08:00');
      const firstMoment = at('2026-10-07T16:00:00Z');
      assert.equal(shanghai.localDate(firstMoment), '2026-10-08');
      assert.equal(iso(shanghai.addWorkingDays(firstMoment, 1)), '2026-10-09T00:00:00+08:00');
      // In UTC the same instant is Oct 7 16:00, a holiday: the clock starts on Oct 8 and runs to its end.
      assert.equal(iso(new WorkingCalendar('UTC').addWorkingDays(firstMoment, 1), 'UTC'), '2026-10-08T23:59:59.999Z');
    });
  });
});

describe('formatInZone', () => {
  it('prints the zone’s offset and drops zero milliseconds', () => {
    assert.equal(formatInZone(at('2026-10-08T07:00:00Z'), 'Asia/Shanghai'), '2026-10-08T15:00:00+08:00');
    assert.equal(formatInZone(at('2026-10-08T07:00:00Z'), 'America/New_York'), '2026-10-08T03:00:00-04:00');
    assert.equal(formatInZone(at('2026-10-08T07:00:00.250Z'), 'UTC'), '2026-10-08T07:00:00.250Z');
  });
});
