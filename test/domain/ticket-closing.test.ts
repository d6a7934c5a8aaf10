import assert from 'node:assert/strict';
import { workingCalendarFor } from '../../domain/sla-clock.js';
import { DEFAULT_SLA_POLICY, mergeSlaPolicy } from '../../domain/sla-policy.js';
import { answerClosesTicket, closesAfterGrace, closingCandidatesBefore, closingGraceEndsAt, closingGraceWorkingDays } from '../../domain/ticket-closing.js';
import { parseSurveyAnswer } from '../../domain/survey-answer.js';
import { WorkingCalendar } from '../../domain/working-calendar.js';
import { formatInZone } from '../../domain/zoned-format.js';
import { at, property } from './fixtures.js';

const shanghai = new WorkingCalendar('Asia/Shanghai');
const iso = (date: Date) => formatInZone(date, 'Asia/Shanghai');

describe('ticket closing (domain/ticket-closing.ts)', () => {
  it('a satisfied or basically satisfied answer, or a score of 3–5, closes; dissatisfied or no answer does not', () => {
    assert.equal(answerClosesTicket('satisfied'), true);
    assert.equal(answerClosesTicket('basically-satisfied'), true);
    assert.equal(answerClosesTicket('dissatisfied'), false);
    assert.equal(answerClosesTicket(null), false);
    assert.equal(answerClosesTicket(undefined), false);
    for (const score of ['3', '4', '5']) assert.equal(answerClosesTicket(parseSurveyAnswer(score)?.answer), true, score);
    for (const score of ['1', '2']) assert.equal(answerClosesTicket(parseSurveyAnswer(score)?.answer), false, score);
  });

  it('the grace period is the callback window: 10 working days by default, the property may change it', () => {
    assert.equal(closingGraceWorkingDays(DEFAULT_SLA_POLICY), 10);
    assert.equal(closingGraceWorkingDays(mergeSlaPolicy({ callbackWithinWorkingDays: 5 })), 5);
  });

  it('counts working days on the calendar: across weekends, and across National Day with its make-up Saturday', () => {
    // Thu 26 Nov → 10 working days (two weekends in between) → Thu 10 Dec, same time
    assert.equal(iso(closingGraceEndsAt(at('2026-11-26T10:00:00+08:00'), 10, shanghai)), '2026-12-10T10:00:00+08:00');
    // Wed 30 Sep: Oct 1–7 off, Sat Oct 10 worked → Tue 20 Oct
    assert.equal(iso(closingGraceEndsAt(at('2026-09-30T15:00:00+08:00'), 10, shanghai)), '2026-10-20T15:00:00+08:00');
    // resolved on a holiday: the clock starts with the next working day, and runs to the end of the 10th
    assert.equal(iso(closingGraceEndsAt(at('2026-10-03T11:00:00+08:00'), 10, shanghai)), '2026-10-20T23:59:59.999+08:00');
    // the property's own holidays count too
    const withHoliday = workingCalendarFor(property({ calendar: { extraHolidays: ['2026-12-07'], extraWorkdays: [] } }));
    assert.equal(iso(closingGraceEndsAt(at('2026-11-26T10:00:00+08:00'), 10, withHoliday)), '2026-12-11T10:00:00+08:00');
  });

  it('closes after the grace period only when no survey or callback is open', () => {
    const resolvedAt = at('2026-11-26T10:00:00+08:00');
    const quiet = { resolvedAt, callbackOpen: false };
    assert.equal(closesAfterGrace(quiet, at('2026-12-06T10:00:00+08:00'), 10, shanghai), false, '10 calendar days are not 10 working days');
    assert.equal(closesAfterGrace(quiet, at('2026-12-10T09:59:59+08:00'), 10, shanghai), false);
    assert.equal(closesAfterGrace(quiet, at('2026-12-10T10:00:00+08:00'), 10, shanghai), true);
    assert.equal(closesAfterGrace(quiet, at('2027-01-10T10:00:00+08:00'), 10, shanghai), true);
    assert.equal(closesAfterGrace({ resolvedAt, callbackOpen: true }, at('2027-01-10T10:00:00+08:00'), 10, shanghai), false, 'a survey or callback still open');
  });

  it('the candidates cut-off never leaves out a ticket whose grace period is over', () => {
    const calendars = [shanghai, new WorkingCalendar('Asia/Shanghai', { extraWorkdays: ['2026-11-28', '2026-11-29', '2026-12-05', '2026-12-06'] }), new WorkingCalendar('Europe/Berlin')];
    const start = at('2026-10-20T00:00:00+08:00').getTime();
    for (const calendar of calendars) {
      for (let hour = 0; hour < 24 * 60; hour += 7) {
        const resolvedAt = new Date(start + hour * 3_600_000);
        for (const days of [1, 3, 10]) {
          const ends = closingGraceEndsAt(resolvedAt, days, calendar);
          assert.ok(resolvedAt.getTime() < closingCandidatesBefore(ends, days).getTime(), `${calendar.zone} ${resolvedAt.toISOString()} +${days}`);
        }
      }
    }
  });
});
