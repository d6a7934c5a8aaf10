import assert from 'node:assert/strict';
import { requiredVisits, visitPeriodContaining, visitQuotaFor } from '../../domain/visit-quotas.js';
import { formatInZone } from '../../domain/zoned-format.js';
import { at } from './fixtures.js';

describe('visit quotas', () => {
  it('follow manual §2 by property kind', () => {
    assert.deepEqual(visitQuotaFor('office-single-owner'), { kind: 'every-customer', period: 'quarter' });
    assert.deepEqual(visitQuotaFor('office-multi-owner'), { kind: 'every-customer', period: 'year' });
    assert.deepEqual(visitQuotaFor('residential-premium'), { kind: 'households', period: 'month', atLeast: 5 });
    assert.deepEqual(visitQuotaFor('residential'), { kind: 'households', period: 'month', atLeast: 4 });
  });

  it('count the visits owed per period', () => {
    assert.equal(requiredVisits('office-single-owner', 37), 37);
    assert.equal(requiredVisits('office-multi-owner', 120), 120);
    assert.equal(requiredVisits('residential-premium', 800), 5);
    assert.equal(requiredVisits('residential', 800), 4);
    assert.equal(requiredVisits('residential', 3), 3);
  });

  it('find the period in the property’s zone', () => {
    const instant = at('2026-09-30T16:30:00Z'); // Oct 1 00:30 in Shanghai
    const month = visitPeriodContaining('residential', instant, 'Asia/Shanghai');
    assert.equal(month.key, '2026-10');
    assert.equal(formatInZone(month.start, 'Asia/Shanghai'), '2026-10-01T00:00:00+08:00');
    assert.equal(formatInZone(month.end, 'Asia/Shanghai'), '2026-11-01T00:00:00+08:00');
    assert.equal(visitPeriodContaining('residential', instant, 'UTC').key, '2026-09');

    const quarter = visitPeriodContaining('office-single-owner', instant, 'Asia/Shanghai');
    assert.equal(quarter.key, '2026-Q4');
    assert.equal(formatInZone(quarter.end, 'Asia/Shanghai'), '2027-01-01T00:00:00+08:00');
    assert.equal(visitPeriodContaining('office-single-owner', instant, 'UTC').key, '2026-Q3');

    assert.equal(visitPeriodContaining('office-multi-owner', at('2026-12-31T16:00:00Z'), 'Asia/Shanghai').key, '2027');
  });
});
