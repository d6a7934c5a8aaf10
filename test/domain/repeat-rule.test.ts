import assert from 'node:assert/strict';
import { clusterRepeats, matterOf, type RepeatCandidate } from '../../domain/repeat-rule.js';
import { at } from './fixtures.js';

const day = (n: number) => at(`2026-09-01T10:00:00+08:00`).getTime() + n * 86_400_000;

function complaint(ticketId: string, dayNo: number, text: string, household = 'HY01-3-1201'): RepeatCandidate {
  return { ticketId, category: 'complaint', createdAt: new Date(day(dayNo)), household, text };
}

function repair(ticketId: string, dayNo: number, text: string, location: RepeatCandidate['location'], household?: string): RepeatCandidate {
  return { ticketId, category: 'repair', createdAt: new Date(day(dayNo)), location, household: household ?? null, text };
}

describe('repeat rule', () => {
  it('3 complaints from one household about the same topic in the window form one cluster', () => {
    const items = [
      complaint('T1', 0, '楼上噪音太大'),
      complaint('T2', 5, '晚上又很吵'),
      complaint('T3', 12, 'The noise upstairs again'),
      complaint('T4', 13, '电梯坏了'),
    ];
    const clusters = clusterRepeats(items, 30, new Date(day(14)));
    assert.equal(clusters.length, 1);
    assert.equal(clusters[0]!.key, 'complaint|hh:HY01-3-1201|noise#T1');
    assert.equal(clusters[0]!.matterKey, 'complaint|hh:HY01-3-1201|noise');
    assert.deepEqual(clusters[0]!.ticketIds, ['T1', 'T2', 'T3']);
    assert.equal(clusters[0]!.countInWindow, 3);
  });

  it('two complaints are not a repeat, nor three from different households', () => {
    assert.deepEqual(clusterRepeats([complaint('T1', 0, '噪音'), complaint('T2', 1, '噪音')], 30, new Date(day(2))), []);
    const spread = [complaint('T1', 0, '噪音', 'A-1'), complaint('T2', 1, '噪音', 'A-2'), complaint('T3', 2, '噪音', 'A-3')];
    assert.deepEqual(clusterRepeats(spread, 30, new Date(day(3))), []);
  });

  it('items outside the window or after now do not count', () => {
    const items = [complaint('T1', 0, '噪音'), complaint('T2', 40, '噪音'), complaint('T3', 45, '噪音'), complaint('T4', 60, '噪音')];
    assert.deepEqual(clusterRepeats(items, 30, new Date(day(50))), []);
  });

  it('keeps the same key while the episode goes on, and a new one after a quiet gap', () => {
    const items = [complaint('T1', 0, '漏水'), complaint('T2', 3, '漏水'), complaint('T3', 6, '漏水')];
    const first = clusterRepeats(items, 30, new Date(day(7)));
    const later = clusterRepeats([...items, complaint('T4', 20, '漏水'), complaint('T5', 32, '漏水')], 30, new Date(day(33)));
    assert.equal(later.length, 1);
    assert.equal(later[0]!.key, first[0]!.key);
    assert.deepEqual(later[0]!.ticketIds, ['T1', 'T2', 'T3', 'T4', 'T5']);
    assert.equal(later[0]!.countInWindow, 3);

    const recurrence = [...items, complaint('T6', 100, '漏水'), complaint('T7', 101, '漏水'), complaint('T8', 102, '漏水')];
    const again = clusterRepeats(recurrence, 30, new Date(day(103)));
    assert.equal(again.length, 1);
    assert.equal(again[0]!.key, 'complaint|hh:HY01-3-1201|leak#T6');
    assert.equal(again[0]!.matterKey, first[0]!.matterKey);
  });

  it('the same repair at the same home and place repeats; a different place does not', () => {
    const home = { building: '3', unit: '1', room: '1201' };
    const items = [
      repair('R1', 0, '厨房水龙头漏水', home),
      repair('R2', 4, '厨房又漏水了', home),
      repair('R3', 9, 'Kitchen leak again', home),
      repair('R4', 10, '卫生间漏水', home),
    ];
    const clusters = clusterRepeats(items, 30, new Date(day(11)));
    assert.equal(clusters.length, 1);
    assert.equal(clusters[0]!.key, 'repair|hh:3-1-1201|leak|kitchen#R1');
    assert.equal(clusters[0]!.place, 'kitchen');
  });

  it('a shared facility repeats per building, whoever reports it', () => {
    const items = [
      repair('R1', 0, '电梯坏了', { building: '3', unit: '1', room: '1201' }),
      repair('R2', 2, 'Lift broken again', { building: '3', unit: '2', room: '502' }),
      repair('R3', 5, '电梯停了', { building: '3' }),
      repair('R4', 5, '电梯停了', { building: '5' }),
    ];
    const clusters = clusterRepeats(items, 30, new Date(day(6)));
    assert.equal(clusters.length, 1);
    assert.equal(clusters[0]!.spot, 'bldg:3');
    assert.deepEqual(clusters[0]!.ticketIds, ['R1', 'R2', 'R3']);
  });

  it('matters need a topic and somewhere to pin them; other categories never repeat', () => {
    assert.equal(matterOf(complaint('T1', 0, '请问几点上班')), null);
    assert.equal(matterOf({ ticketId: 'T', category: 'complaint', createdAt: new Date(day(0)), text: '噪音' }), null);
    assert.equal(matterOf({ ticketId: 'T', category: 'inquiry', createdAt: new Date(day(0)), household: 'A', text: '噪音' }), null);
    assert.equal(
      matterOf({ ticketId: 'T', category: 'complaint', createdAt: new Date(day(0)), location: { building: '3', room: '1201' }, topic: 'fees' })?.key,
      'complaint|hh:3-1201|fees',
    );
    assert.equal(matterOf(complaint('T1', 0, '噪音', ' hy01-3-1201 '))?.key, 'complaint|hh:HY01-3-1201|noise');
  });

  it('is independent of input order and rejects a non-positive window', () => {
    const items = [complaint('T3', 2, '噪音'), complaint('T1', 0, '噪音'), complaint('T2', 1, '噪音')];
    assert.deepEqual(clusterRepeats(items, 30, new Date(day(3))), clusterRepeats([...items].reverse(), 30, new Date(day(3))));
    assert.throws(() => clusterRepeats(items, 0, new Date(day(3))), RangeError);
  });
});
