import assert from 'node:assert/strict';
import { normaliseText, placeOf, topicOf } from '../../domain/topics.js';

describe('topics', () => {
  const cases: [string, string | null][] = [
    ['电梯又坏了，困人', 'elevator'],
    ['The lift is stuck again', 'elevator'],
    ['楼上漏水到我家卫生间', 'leak'],
    ['Water is leaking from the ceiling', 'leak'],
    ['晚上噪音太大', 'noise'],
    ['Neighbours are so noisy at night', 'noise'],
    ['小区停车位被占', 'parking'],
    ['Someone took my parking space', 'parking'],
    ['保安态度很差', 'staff-attitude'],
    ['The guard was rude to me at the car park', 'staff-attitude'],
    ['楼道卫生太差，垃圾没人清', 'cleaning'],
    ['Rubbish piling up by the bins', 'cleaning'],
    ['门禁卡刷不开', 'access'],
    ['My key card does not open the gate', 'access'],
    ['今天又停水了', 'utilities'],
    ['Power outage in building 3', 'utilities'],
    ['马桶堵了', 'plumbing'],
    ['空调不制冷', 'hvac'],
    ['ＥＬＥＶＡＴＯＲ broken', 'elevator'],
    ['What time does the office open?', null],
    ['请问物业电话多少', null],
  ];
  for (const [text, topic] of cases) {
    it(`${JSON.stringify(text)} → ${topic}`, () => assert.equal(topicOf(text), topic));
  }

  it('does not read 卫生间 (bathroom) as hygiene, nor words that merely contain a keyword', () => {
    assert.equal(topicOf('卫生间灯坏了'), 'lighting');
    assert.equal(topicOf('卫生间的门关不上'), null);
    assert.equal(topicOf('uplifting news about the garden party'), 'greenery');
    assert.equal(topicOf('concatenate'), null);
  });

  it('finds the place of a repair', () => {
    assert.equal(placeOf('厨房水龙头漏水'), 'kitchen');
    assert.equal(placeOf('卫生间马桶堵了'), 'bathroom');
    assert.equal(placeOf('Leak in the master bedroom'), 'bedroom');
    assert.equal(placeOf('3号楼楼道灯不亮'), 'corridor');
    assert.equal(placeOf('电梯坏了'), null);
  });

  it('normalises width, case and spaces', () => {
    assert.equal(normaliseText('  Ｌｉｆｔ   Broken\n'), 'lift broken');
  });
});
