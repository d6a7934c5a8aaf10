import assert from 'node:assert/strict';
import { addSlaDuration, deadlinesFor, formatDeadlines, isOverdue, supervisorReplyDueAt, workingCalendarFor } from '../../domain/sla-clock.js';
import { DEFAULT_SLA_POLICY, describeDuration, mergeSlaPolicy, slaPolicyFor, slaRuleFor } from '../../domain/sla-policy.js';
import type { Category, Severity } from '../../domain/vocabulary.js';
import { at, property } from './fixtures.js';

const shanghai = property();

function due(category: Category, severity: Severity | null, iso: string, p = shanghai) {
  return formatDeadlines(deadlinesFor(p, category, severity, at(iso)), p.timeZone);
}

describe('SLA deadlines', () => {
  it('complaint/minor at 2026-09-30T15:00+08:00 → reply and resolve 2026-10-08T15:00+08:00', () => {
    assert.deepEqual(due('complaint', 'minor', '2026-09-30T15:00:00+08:00'), {
      replyDueAt: '2026-10-08T15:00:00+08:00',
      resolveDueAt: '2026-10-08T15:00:00+08:00',
    });
  });

  it('major complaint: reply 2 h on the wall clock even into a holiday, resolve 3 working days', () => {
    assert.deepEqual(due('complaint', 'major', '2026-09-30T23:00:00+08:00'), {
      replyDueAt: '2026-10-01T01:00:00+08:00',
      resolveDueAt: '2026-10-10T23:00:00+08:00',
    });
  });

  it('important complaint: reply 1, resolve 2 working days', () => {
    assert.deepEqual(due('complaint', 'important', '2026-09-11T15:00:00+08:00'), {
      replyDueAt: '2026-09-14T15:00:00+08:00',
      resolveDueAt: '2026-09-15T15:00:00+08:00',
    });
  });

  it('an ungraded complaint is timed as important', () => {
    assert.deepEqual(due('complaint', null, '2026-09-11T15:00:00+08:00'), due('complaint', 'important', '2026-09-11T15:00:00+08:00'));
  });

  it('severity is ignored outside complaints', () => {
    assert.deepEqual(due('repair', 'major', '2026-09-11T15:00:00+08:00'), due('repair', null, '2026-09-11T15:00:00+08:00'));
  });

  it('security: reply within 15 minutes and resolve within 24 hours, wall clock, on a holiday too', () => {
    assert.deepEqual(due('security', null, '2026-10-02T03:50:00+08:00'), {
      replyDueAt: '2026-10-02T04:05:00+08:00',
      resolveDueAt: '2026-10-03T03:50:00+08:00',
    });
  });

  it('repair, inquiry and other defaults', () => {
    assert.deepEqual(due('repair', null, '2026-09-11T15:00:00+08:00'), {
      replyDueAt: '2026-09-14T15:00:00+08:00',
      resolveDueAt: '2026-09-16T15:00:00+08:00',
    });
    assert.deepEqual(due('inquiry', null, '2026-09-24T15:00:00+08:00'), {
      replyDueAt: '2026-09-28T15:00:00+08:00',
      resolveDueAt: '2026-09-28T15:00:00+08:00',
    });
    assert.deepEqual(due('other', null, '2026-09-24T15:00:00+08:00'), {
      replyDueAt: '2026-09-28T15:00:00+08:00',
      resolveDueAt: '2026-09-30T15:00:00+08:00',
    });
  });

  describe('Spring Festival 2026', () => {
    it('Friday before the make-up Saturday: reply the Saturday, resolve after the holiday', () => {
      assert.deepEqual(due('complaint', 'important', '2026-02-13T15:00:00+08:00'), {
        replyDueAt: '2026-02-14T15:00:00+08:00',
        resolveDueAt: '2026-02-24T15:00:00+08:00',
      });
    });

    it('late on the make-up Saturday before the holiday runs to the same time on Feb 24', () => {
      assert.equal(due('complaint', 'minor', '2026-02-14T23:30:00+08:00').replyDueAt, '2026-02-24T23:30:00+08:00');
    });

    it('a request during the holiday: the clock starts on Feb 24', () => {
      assert.deepEqual(due('repair', null, '2026-02-18T10:00:00+08:00'), {
        replyDueAt: '2026-02-24T23:59:59.999+08:00',
        resolveDueAt: '2026-02-26T23:59:59.999+08:00',
      });
    });
  });

  describe('National Day 2026', () => {
    it('a request on the make-up Saturday Oct 10 counts that day', () => {
      assert.equal(due('complaint', 'minor', '2026-10-10T10:00:00+08:00').replyDueAt, '2026-10-12T10:00:00+08:00');
    });

    it('a request on the make-up Sunday Sep 20 counts that day', () => {
      assert.equal(due('repair', null, '2026-09-20T09:00:00+08:00').replyDueAt, '2026-09-21T09:00:00+08:00');
    });

    it('late on Sep 30, the day before the holiday', () => {
      assert.deepEqual(due('complaint', 'important', '2026-09-30T23:30:00+08:00'), {
        replyDueAt: '2026-10-08T23:30:00+08:00',
        resolveDueAt: '2026-10-09T23:30:00+08:00',
      });
    });

    it('a request during the holiday is due at the end of Oct 8', () => {
      assert.equal(due('complaint', 'minor', '2026-10-04T12:00:00+08:00').replyDueAt, '2026-10-08T23:59:59.999+08:00');
    });
  });

  describe('time-zone edges', () => {
    it('00:30 Oct 1 in Shanghai is a holiday although it is still Sep 30 in UTC', () => {
      assert.equal(due('complaint', 'minor', '2026-09-30T16:30:00Z').replyDueAt, '2026-10-08T23:59:59.999+08:00');
      const utcProperty = property({ timeZone: 'UTC' });
      assert.equal(due('complaint', 'minor', '2026-09-30T16:30:00Z', utcProperty).replyDueAt, '2026-10-08T16:30:00Z');
    });

    it('23:59 Sep 30 in Shanghai still counts Sep 30', () => {
      assert.equal(due('complaint', 'minor', '2026-09-30T15:59:00Z').replyDueAt, '2026-10-08T23:59:00+08:00');
    });
  });

  describe('property overrides', () => {
    it('extraHolidays push a working-day deadline out', () => {
      const p = property({ calendar: { extraHolidays: ['2026-10-08'], extraWorkdays: [] } });
      assert.equal(due('complaint', 'minor', '2026-09-30T15:00:00+08:00', p).replyDueAt, '2026-10-09T15:00:00+08:00');
    });

    it('extraWorkdays pull it in', () => {
      const p = property({ calendar: { extraHolidays: [], extraWorkdays: ['2026-10-03'] } });
      assert.equal(due('complaint', 'minor', '2026-09-30T15:00:00+08:00', p).replyDueAt, '2026-10-03T15:00:00+08:00');
    });

    it('sla numbers in the property file replace the defaults, field by field', () => {
      const p = property({
        sla: {
          complaint: { minor: { reply: { hours: 4 } } },
          repair: { resolve: null },
          security: { reply: { minutes: 30 } },
          other: { reply: { workingDays: 2 }, resolve: { workingDays: 5 } },
        },
      });
      assert.deepEqual(due('complaint', 'minor', '2026-09-30T15:00:00+08:00', p), {
        replyDueAt: '2026-09-30T19:00:00+08:00',
        resolveDueAt: '2026-10-08T15:00:00+08:00',
      });
      assert.deepEqual(due('repair', null, '2026-09-11T15:00:00+08:00', p), { replyDueAt: '2026-09-14T15:00:00+08:00', resolveDueAt: null });
      assert.equal(due('security', null, '2026-10-02T03:50:00+08:00', p).replyDueAt, '2026-10-02T04:20:00+08:00');
      assert.deepEqual(due('other', null, '2026-09-11T15:00:00+08:00', p), {
        replyDueAt: '2026-09-15T15:00:00+08:00',
        resolveDueAt: '2026-09-18T15:00:00+08:00',
      });
      // Untouched rules keep the manual's numbers.
      assert.deepEqual(slaPolicyFor(p).complaint.major, DEFAULT_SLA_POLICY.complaint.major);
    });
  });

  it('after escalation to a supervisor the reply is due in 5 minutes (overridable)', () => {
    const calendar = workingCalendarFor(shanghai);
    const escalatedAt = at('2026-10-03T10:00:00+08:00');
    assert.equal(supervisorReplyDueAt(DEFAULT_SLA_POLICY, calendar, escalatedAt).toISOString(), '2026-10-03T02:05:00.000Z');
    const policy = mergeSlaPolicy({ supervisorReply: { minutes: 10 } });
    assert.equal(supervisorReplyDueAt(policy, calendar, escalatedAt).toISOString(), '2026-10-03T02:10:00.000Z');
  });

  it('addSlaDuration handles fractional hours on the wall clock', () => {
    const calendar = workingCalendarFor(shanghai);
    assert.equal(addSlaDuration(at('2026-10-01T00:00:00Z'), { hours: 1.5 }, calendar).toISOString(), '2026-10-01T01:30:00.000Z');
  });

  it('slaRuleFor and describeDuration read the policy', () => {
    assert.equal(describeDuration(slaRuleFor(DEFAULT_SLA_POLICY, 'complaint', 'major').reply), '2 h');
    assert.equal(describeDuration(slaRuleFor(DEFAULT_SLA_POLICY, 'security', null).reply), '15 min');
    assert.equal(describeDuration(slaRuleFor(DEFAULT_SLA_POLICY, 'complaint', 'important').resolve!), '2 working days');
    assert.equal(describeDuration(slaRuleFor(DEFAULT_SLA_POLICY, 'repair', null).reply), '1 working day');
  });

  it('isOverdue compares strictly and treats no deadline as never overdue', () => {
    const dueAt = at('2026-10-08T15:00:00+08:00');
    assert.equal(isOverdue(dueAt, at('2026-10-08T15:00:00+08:00')), false);
    assert.equal(isOverdue(dueAt, at('2026-10-08T15:00:01+08:00')), true);
    assert.equal(isOverdue(null, at('2030-01-01T00:00:00Z')), false);
  });
});
