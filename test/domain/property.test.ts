import assert from 'node:assert/strict';
import { parseProperty, PropertyError } from '../../domain/property.js';
import { property, rawProperty } from './fixtures.js';

function problems(changes: Record<string, unknown>): string[] {
  try {
    parseProperty(rawProperty(changes));
  } catch (error) {
    assert.ok(error instanceof PropertyError);
    return error.problems;
  }
  assert.fail('expected the property file to be rejected');
}

describe('property file: calendar, callbacks and sla', () => {
  it('fills the defaults', () => {
    const p = property({ callbackRates: undefined, calendar: undefined });
    assert.deepEqual(p.callbackRates, { complaint: 1, repair: 0.3, repairInPerson: 0.01, security: 1, other: 0.1 });
    assert.deepEqual(p.calendar, { extraHolidays: [], extraWorkdays: [] });
    assert.equal(p.sla, undefined);
    assert.equal(p.timeZone, 'Asia/Shanghai');
  });

  it('accepts sla overrides', () => {
    const p = property({ sla: { complaint: { major: { reply: { hours: 1 } } }, repair: { resolve: null }, callbackWithinWorkingDays: 7 } });
    assert.deepEqual(p.sla?.complaint?.major, { reply: { hours: 1 } });
    assert.equal(p.sla?.repair?.resolve, null);
    assert.equal(p.sla?.callbackWithinWorkingDays, 7);
  });

  it('rejects unknown fields in sla, naming them', () => {
    assert.deepEqual(problems({ sla: { repair: { reply: { hours: 2 } }, tickets: 1 } }), ['sla: unknown field "tickets"']);
    assert.deepEqual(problems({ sla: { complaint: { severe: {} } } }), ['sla.complaint: unknown field "severe"']);
  });

  it('rejects a duration that is not minutes, hours or working days', () => {
    const [problem] = problems({ sla: { repair: { reply: { days: 2 } } } });
    assert.match(problem!, /^sla\.repair\.reply: expected one of/);
    assert.equal(problems({ sla: { security: { reply: { minutes: 0 } } } }).length, 1);
  });

  it('keeps repair rates within 30–80% and complaints at 100%', () => {
    assert.match(problems({ callbackRates: { complaint: 1, repair: 0.2, other: 0.1 } })[0]!, /^callbackRates\.repair:/);
    assert.match(problems({ callbackRates: { complaint: 1, repair: 0.9, other: 0.1 } })[0]!, /^callbackRates\.repair:/);
    assert.match(problems({ callbackRates: { complaint: 0.5, repair: 0.3, other: 0.1 } })[0]!, /^callbackRates\.complaint: complaints are always called back/);
    assert.match(problems({ callbackRates: { complaint: 1, repair: 0.3, repairInPerson: 0.001, other: 0.1 } })[0]!, /^callbackRates\.repairInPerson:/);
  });

  it('rejects impossible dates, a day listed both ways, and unknown zones', () => {
    assert.deepEqual(problems({ calendar: { extraHolidays: ['2026-02-30'], extraWorkdays: [] } }), ['calendar.extraHolidays[0]: no such date']);
    assert.deepEqual(problems({ calendar: { extraHolidays: ['2026-10-08'], extraWorkdays: ['2026-10-08'] } }), [
      'calendar.extraHolidays[0]: 2026-10-08 is also listed in extraWorkdays',
    ]);
    assert.match(problems({ timeZone: 'Asia/Beijing' })[0]!, /^timeZone: expected an IANA time zone/);
  });
});
