import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { entitySpans, extractAddress, extractEntities, extractFacilities, extractPhones, extractTimes, resolveTime } from '../../nlu/entities/index.js';

describe('nlu entities: addresses', () => {
  const cases: [string, Record<string, string>][] = [
    ['3栋2单元501厨房水管爆了水流到楼下', { building: '3', unit: '2', room: '501', raw: '3栋2单元501' }],
    ['3号楼1单元1201室卫生间漏水', { building: '3', unit: '1', room: '1201', raw: '3号楼1单元1201室' }],
    ['12幢302门锁坏了', { building: '12', room: '302', raw: '12幢302' }],
    ['A座15楼的电梯不动了', { building: 'A', floor: '15', raw: 'A座15楼' }],
    ['B区7-1-302暖气不热', { zone: 'B', building: '7', unit: '1', room: '302', raw: 'B区7-1-302' }],
    ['三栋二单元五零一停电', { building: '3', unit: '2', room: '501', raw: '三栋二单元五零一' }],
    ['5#楼2单元302漏水', { building: '5', unit: '2', room: '302', raw: '5#楼2单元302' }],
    ['二期6栋1单元802室', { zone: '2', building: '6', unit: '1', room: '802', raw: '二期6栋1单元802室' }],
    ['我住３栋２单元５０１', { building: '3', unit: '2', room: '501', raw: '３栋２单元５０１' }],
    ['Building 3 Unit 2 Room 501, the kitchen sink leaks', { building: '3', unit: '2', room: '501', raw: 'Building 3 Unit 2 Room 501' }],
    ['Bldg 5, Rm 1203 has no power', { building: '5', room: '1203', raw: 'Bldg 5, Rm 1203' }],
    ['Block A, 15th floor corridor light is out', { building: 'A', floor: '15', raw: 'Block A, 15th floor' }],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      assert.deepEqual(extractAddress(text), expected);
    });
  }

  it('finds no address where there is none', () => {
    for (const text of ['物业费怎么交', '我家住5楼', '2024-03-05停水吗', 'call me at 13812345678']) {
      assert.equal(extractAddress(text), undefined, text);
    }
  });

  it('does not read a mobile number as a dashed address', () => {
    const e = extractEntities('电话138-1234-5678，地址3栋2单元501');
    assert.deepEqual(e.phones, ['13812345678']);
    assert.equal(e.address?.room, '501');
  });
});

describe('nlu entities: phones', () => {
  it('normalises mobile numbers', () => {
    assert.deepEqual(extractPhones('我的手机13812345678'), ['13812345678']);
    assert.deepEqual(extractPhones('call +86 139-0000-1111 please'), ['13900001111']);
    assert.deepEqual(extractPhones('联系电话：１５９１２３４５６７８'), ['15912345678']);
  });
  it('normalises landlines with area code, brackets and extension', () => {
    assert.deepEqual(extractPhones('座机0551-62880000'), ['0551-62880000']);
    assert.deepEqual(extractPhones('打(010)87654321转也行'), ['010-87654321']);
    assert.deepEqual(extractPhones('前台 021 62880001'), ['021-62880001']);
    assert.deepEqual(extractPhones('客服热线400-800-1234'), ['400-800-1234']);
  });
  it('accepts a local number only after a phone word', () => {
    assert.deepEqual(extractPhones('电话62880000'), ['62880000']);
    assert.deepEqual(extractPhones('欠费62880000元'), []);
  });
  it('ignores room numbers and short numbers', () => {
    assert.deepEqual(extractPhones('3栋2单元501'), []);
    assert.deepEqual(extractPhones('B区7-1-302'), []);
  });
});

describe('nlu entities: times', () => {
  it('明天上午', () => assert.deepEqual(extractTimes('明天上午来修'), [{ raw: '明天上午', dayOffset: 1, partOfDay: 'morning' }]));
  it('今晚8点', () => assert.deepEqual(extractTimes('今晚8点以后在家'), [{ raw: '今晚8点', dayOffset: 0, partOfDay: 'evening', hour: 20, minute: 0 }]));
  it('周六', () => assert.deepEqual(extractTimes('周六可以吗'), [{ raw: '周六', weekday: 6 }]));
  it('下午3点半', () => assert.deepEqual(extractTimes('下午3点半'), [{ raw: '下午3点半', partOfDay: 'afternoon', hour: 15, minute: 30 }]));
  it('下周一上午十点', () =>
    assert.deepEqual(extractTimes('下周一上午十点'), [{ raw: '下周一上午十点', weekday: 1, nextWeek: true, partOfDay: 'morning', hour: 10, minute: 0 }]));
  it('3月5日', () => assert.deepEqual(extractTimes('3月5日停水'), [{ raw: '3月5日', month: 3, day: 5 }]));
  it('does not read 快一点 as one o’clock', () => assert.deepEqual(extractTimes('麻烦快一点'), []));
  it('tomorrow morning', () => assert.deepEqual(extractTimes('Can you come tomorrow morning?'), [{ raw: 'tomorrow morning', dayOffset: 1, partOfDay: 'morning' }]));
  it('tonight at 8', () => assert.deepEqual(extractTimes('tonight at 8'), [{ raw: 'tonight at 8', dayOffset: 0, partOfDay: 'evening', hour: 20, minute: 0 }]));
  it('Saturday 3pm', () => assert.deepEqual(extractTimes('Saturday 3pm works'), [{ raw: 'Saturday 3pm', weekday: 6, hour: 15, minute: 0 }]));
  it('resolves against now in the property time zone', () => {
    const now = DateTime.fromISO('2025-06-04T10:00:00', { zone: 'Asia/Shanghai' }); // a Wednesday
    const [tomorrowMorning] = extractTimes('明天上午');
    assert.equal(resolveTime(tomorrowMorning!, now).toISO(), '2025-06-05T09:00:00.000+08:00');
    const [saturday] = extractTimes('周六下午3点');
    assert.equal(resolveTime(saturday!, now).toISO(), '2025-06-07T15:00:00.000+08:00');
    const [tonight] = extractTimes('今晚8点');
    assert.equal(resolveTime(tonight!, now).toISO(), '2025-06-04T20:00:00.000+08:00');
  });
});

describe('nlu entities: facilities', () => {
  it('maps Chinese rooms and facilities to canonical ids', () => {
    assert.deepEqual(extractFacilities('厨房和卫生间都漏水'), ['kitchen', 'bathroom']);
    assert.deepEqual(extractFacilities('电梯坏了，车库也没灯，楼道很黑'), ['elevator', 'garage', 'corridor']);
    assert.deepEqual(extractFacilities('厕所堵了'), ['bathroom']);
  });
  it('maps English facilities', () => {
    assert.deepEqual(extractFacilities('The kitchen sink and the elevator'), ['kitchen', 'elevator']);
    assert.deepEqual(extractFacilities('lights out in the hallway and the parking garage'), ['corridor', 'garage']);
  });
  it('returns an empty list when there is nothing', () => assert.deepEqual(extractFacilities('物业费怎么交'), []));
});

describe('nlu entities: spans for the CLU export', () => {
  it('gives non-overlapping spans whose text matches the message', () => {
    const text = '3栋2单元501厨房漏水，明天上午在家，电话13812345678';
    const spans = entitySpans(text);
    assert.deepEqual(
      spans.map((s) => [s.category, s.text]),
      [
        ['Address', '3栋2单元501'],
        ['Facility', '厨房'],
        ['Time', '明天上午'],
        ['Phone', '13812345678'],
      ],
    );
    for (const s of spans) assert.equal(text.slice(s.offset, s.offset + s.length), s.text);
  });
});
