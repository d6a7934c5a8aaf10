import assert from 'node:assert/strict';
import { callbackDecision, callbackDueAt, callbackRateFor, DEFAULT_CALLBACK_RATES, requiredInPersonVisits } from '../../domain/sampling.js';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy.js';
import { stableHash32, stableUnitInterval } from '../../domain/stable-hash.js';
import { WorkingCalendar } from '../../domain/working-calendar.js';
import { formatInZone } from '../../domain/zoned-format.js';
import { at, property } from './fixtures.js';

const ticketNumbers = (count: number) => Array.from({ length: count }, (_, i) => `HY01-2026-${String(i + 1).padStart(6, '0')}`);

/** Reference: FNV-1a 32 over the given bytes, then MurmurHash3 fmix32, written out independently. */
function referenceHash(bytes: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const byte of bytes) h = Math.imul(h ^ byte, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

describe('stable hash', () => {
  it('hashes the UTF-8 bytes: empty, ASCII, Chinese and astral characters', () => {
    assert.equal(stableHash32(''), referenceHash([]));
    assert.equal(stableHash32('T-1'), referenceHash([0x54, 0x2d, 0x31]));
    assert.equal(stableHash32('电梯'), referenceHash([0xe7, 0x94, 0xb5, 0xe6, 0xa2, 0xaf]));
    assert.equal(stableHash32('é'), referenceHash([0xc3, 0xa9]));
    assert.equal(stableHash32('😀'), referenceHash([0xf0, 0x9f, 0x98, 0x80]));
  });

  it('maps into [0, 1)', () => {
    for (const key of ['', 'a', '电梯', 'HY01-2026-000001']) {
      const unit = stableUnitInterval(key);
      assert.ok(unit >= 0 && unit < 1);
      assert.equal(unit, stableHash32(key) / 2 ** 32);
    }
  });

  it('spreads sequential keys evenly over [0, 1)', () => {
    const buckets = new Array<number>(10).fill(0);
    for (const key of ticketNumbers(20_000)) buckets[Math.floor(stableUnitInterval(key) * 10)]!++;
    for (const count of buckets) assert.ok(count > 1_800 && count < 2_200, `bucket count ${count}`);
  });
});

describe('callback sampling', () => {
  it('calls back every complaint and every security item', () => {
    for (const key of ticketNumbers(500)) {
      assert.equal(callbackDecision(key, 'complaint').callback, true);
      assert.equal(callbackDecision(key, 'security').callback, true);
    }
  });

  it('samples repairs at the property’s rate, other and inquiry at 10%', () => {
    const keys = ticketNumbers(10_000);
    const share = (category: 'repair' | 'other' | 'inquiry', rates = DEFAULT_CALLBACK_RATES) =>
      keys.filter((key) => callbackDecision(key, category, rates).callback).length / keys.length;
    assert.ok(Math.abs(share('repair') - 0.3) < 0.02, `repair ${share('repair')}`);
    assert.ok(Math.abs(share('other') - 0.1) < 0.015, `other ${share('other')}`);
    assert.equal(share('inquiry'), share('other'));
    const rates = property({ callbackRates: { complaint: 1, repair: 0.8, other: 0.1 } }).callbackRates;
    assert.ok(Math.abs(share('repair', rates) - 0.8) < 0.02);
  });

  it('is deterministic per ticket, and a higher rate keeps every ticket a lower rate picked', () => {
    const low = property().callbackRates;
    const high = property({ callbackRates: { complaint: 1, repair: 0.6, other: 0.1 } }).callbackRates;
    for (const key of ticketNumbers(2_000)) {
      assert.deepEqual(callbackDecision(key, 'repair', low), callbackDecision(key, 'repair', low));
      if (callbackDecision(key, 'repair', low).callback) assert.equal(callbackDecision(key, 'repair', high).callback, true);
    }
  });

  it('flags about the in-person share of sampled repairs, and never other categories', () => {
    const rates = property({ callbackRates: { complaint: 1, repair: 0.5, repairInPerson: 0.1, other: 0.1 } }).callbackRates;
    const decisions = ticketNumbers(20_000).map((key) => callbackDecision(key, 'repair', rates));
    const sampled = decisions.filter((d) => d.callback);
    const visits = sampled.filter((d) => d.inPerson).length / sampled.length;
    assert.ok(Math.abs(visits - 0.1) < 0.015, `in-person share ${visits}`);
    assert.ok(decisions.every((d) => d.callback || !d.inPerson));
    assert.ok(ticketNumbers(2_000).every((key) => !callbackDecision(key, 'complaint', rates).inPerson));
  });

  it('rates by category, inquiry as other', () => {
    assert.equal(callbackRateFor('complaint'), 1);
    assert.equal(callbackRateFor('repair'), 0.3);
    assert.equal(callbackRateFor('inquiry'), 0.1);
    assert.equal(callbackRateFor('security'), 1);
  });

  it('tops up in-person visits to at least the share, rounding up', () => {
    assert.equal(requiredInPersonVisits(0, 0.01), 0);
    assert.equal(requiredInPersonVisits(1, 0.01), 1);
    assert.equal(requiredInPersonVisits(100, 0.01), 1);
    assert.equal(requiredInPersonVisits(101, 0.01), 2);
    assert.equal(requiredInPersonVisits(300, 0.01), 3);
  });

  it('repair callbacks are due within 10 working days of resolution (over National Day)', () => {
    const calendar = new WorkingCalendar('Asia/Shanghai');
    // Working days after Sep 28: Sep 29, 30, Oct 8, 9, 10 (make-up Saturday), 12, 13, 14, 15, 16.
    const dueAt = callbackDueAt(at('2026-09-28T09:00:00+08:00'), DEFAULT_SLA_POLICY, calendar);
    assert.equal(formatInZone(dueAt, 'Asia/Shanghai'), '2026-10-16T09:00:00+08:00');
  });
});
