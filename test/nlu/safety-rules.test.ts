import assert from 'node:assert/strict';
import { LocalRecognizer, SAFETY_RULE_CONFIDENCE } from '../../nlu/local-recognizer.js';
import { trainModels } from '../../nlu/model-store.js';
import { matchSafety, matchSeverityCues } from '../../nlu/safety-rules.js';
import type { CorpusItem } from '../../nlu/types.js';

/** A model that has never seen a security example: every security answer below comes from the rules. */
function noSecurityModel(): LocalRecognizer {
  const items: CorpusItem[] = [
    { text: '水管漏水了请来修', category: 'repair', severity: null, locale: 'zh-CN' },
    { text: '电梯坏了', category: 'repair', severity: null, locale: 'zh-CN' },
    { text: 'the tap is leaking', category: 'repair', severity: null, locale: 'en' },
    { text: '物业费怎么交', category: 'inquiry', severity: null, locale: 'zh-CN' },
    { text: 'how do I pay', category: 'inquiry', severity: null, locale: 'en' },
    { text: '保安态度差', category: 'complaint', severity: 'important', locale: 'zh-CN' },
    { text: '你好谢谢', category: 'other', severity: null, locale: 'zh-CN' },
  ];
  return new LocalRecognizer({ models: trainModels(items) });
}

describe('nlu safety rules', () => {
  const zh = ['厨房着火了', '楼道里冒烟', '家里有焦糊味', '煤气泄漏了', '燃气泄漏', '我被困电梯里了', '有小偷', '有人在撬门', '楼下有人打架', '小区有可疑人员', '救命'];
  const en = ['there is a fire in the garage', 'smoke coming out of 501', 'I think there is a gas leak', 'my son is trapped in the lift', 'someone tried a break-in at my flat'];
  const rec = noSecurityModel();
  for (const text of [...zh, ...en]) {
    it(`always gives security: ${text}`, async () => {
      assert.ok(matchSafety(text).length > 0);
      const r = await rec.recognize(text);
      assert.equal(r.category, 'security');
      assert.equal(r.severity, null);
      assert.ok(r.confidence >= SAFETY_RULE_CONFIDENCE);
      assert.ok(r.rules.some((x) => x.startsWith('security:')));
      assert.equal(r.lowConfidence, false);
    });
  }

  it('extended hazard cues give security (falls from height, electricity, medical, intruders, missing children)', () => {
    for (const text of [
      '楼上扔下来一个花盆，差点砸到人',
      '配电房进水了',
      '有个老人在花园晕倒了',
      '孩子走丢了，穿红衣服',
      '有陌生人跟着我进了单元门',
      '有人在翻墙',
      'An old man fainted near the gate',
      'Someone threw a bottle from upstairs',
      'Live wire hanging in the stairwell',
      '天然气管道好像漏了',
      '家里进贼了',
      '垃圾桶里有东西在烧',
      '阳台玻璃突然炸裂了，碎玻璃掉到楼下',
      'A child\'s finger is caught in the gate',
      'Water is running into the switch room',
      'The flood water is still rising',
    ]) {
      assert.ok(matchSafety(text).length > 0, text);
    }
  });

  it('ignores negated mentions', () => {
    assert.deepEqual(matchSafety('插座坏了，没有冒烟'), []);
    assert.deepEqual(matchSafety('The lift is not working, nobody inside'), []);
    assert.deepEqual(matchSafety('天花板掉了一块，没砸到人，麻烦来修'), []);
  });

  it('a damage claim about a past crime is left to the classifier; fire, gas and trapped people never are', () => {
    assert.deepEqual(matchSafety('家里被偷了，你们保安没发现，要赔偿损失'), []);
    assert.deepEqual(matchSafety('被狗咬了，医药费谁出'), []);
    assert.deepEqual(matchSafety('着火了，你们要赔偿'), ['着火']);
    assert.deepEqual(matchSafety('电梯里有人被困，我要投诉'), ['被困电梯']);
  });

  it('does not fire on look-alikes', () => {
    for (const text of ['热水器打不着火', '灭火器过期了要换吗', 'the fire extinguisher is missing', 'gas bill is too high', 'smoke detector battery low', '物业费怎么交', '电梯坏了']) {
      assert.deepEqual(matchSafety(text), [], text);
    }
  });
});

describe('nlu safety rules: missing vulnerable people, objects hanging over people, crime in progress', () => {
  it('fire on the new cues', () => {
    for (const t of [
      '外婆早上出去散步，到现在还没回来，电话也打不通',
      '我爸有老年痴呆，早上出门到现在没回来',
      '隔壁老人两天没出门了，敲门也没人应',
      'My mum went to the market four hours ago and isn\'t answering her phone',
      'The old man from 302 hasn\'t been seen for three days, his post is piling up',
      '阳台上的防盗网脱落了一半，悬在半空',
      '楼上的空调外机斜挂着，下面是人行道',
      'A big sign over the shop entrance is hanging by one bolt',
      'There\'s a man cutting the chain on the bike rack',
      'I\'ve been followed all the way home and I\'m hiding in the lobby',
    ]) assert.ok(matchSafety(t).length > 0, t);
  });
  it('do not fire on everyday look-alikes', () => {
    for (const t of [
      '我爸打物业电话一直没人接',
      '我妈出去旅游还没回来，能帮忙收下快递吗',
      '我家老人回老家了还没回来，这个月物业费晚点交',
      'My dad called the office and they\'re not answering the phone',
      'Grandma hasn\'t come back from holiday yet, can you hold her parcels?',
      'The cat is hiding in the stairwell',
      '空调外机支架生锈了，有点松，能不能来加固一下',
      '单元门上面的灯松了，晃来晃去',
      'The fence is about to fall off, please fix it',
      '自行车锁坏了，能帮忙剪开吗',
      'A tile on the outside wall looks loose, can someone check it? Nobody\'s underneath',
    ]) assert.deepEqual(matchSafety(t), [], t);
  });
});

describe('nlu safety rules: look-alikes that are not danger', () => {
  const cases: Array<[string, string | null]> = [
    ['被电动车堵在门口出不去', null],
    ['谁在我车位上划车位线', null],
    ['我的卡在车里了', null],
    ['电梯坏了，没人在里面', null],
    ['烧菜的油烟味太大了', null],
    ['孩子手卡在门缝里', 'medical'],
    ['楼道有烟味', 'fire-smell'],
    ['车被划了', 'intruder'],
    ['我被电到了', 'medical'],
    ['有人在电梯里出不去', 'elevator-occupied'],
    // cigarette smoke is a nuisance, not a fire; any other fire cue still fires
    ['有人在楼梯间抽烟，烟味飘到我家里', null],
    ['People smoke right outside the lobby doors', null],
    ['有人在楼道抽烟，把纸箱点着了', 'fire-smell'],
    ['There is smoke in the stairwell', 'smoke'],
    // a smoke alarm chirping for its battery or going off while cooking
    ['烟感报警器一直嘀嘀响，应该是没电了', null],
    ['厨房的烟雾报警器老是误报，做饭就响', null],
    ['烟感报警了，家里有烟味', 'fire-smell'],
    ['车库的道闸杆被车撞弯了', null],
    ['小孩被车撞了', 'medical'],
    ['晾衣架掉下来一边，没砸到东西', null],
    ['电梯卡在哪里办', null],
    ['能改燃气管吗', null],
    ['在烧水', null],
    ['淋浴房的玻璃爆裂了，人没事，碎玻璃还在地上', null],
    ['Your contractor scratched my floor moving his ladder', null],
    ['Someone scratched my car in the garage', 'en-hazard'],
    ["The stairwells are full of junk, it's a fire hazard", null],
    ['There is a fire in the stairwell', 'fire'],
    ['电梯间的垃圾桶上全是烟灰', null],
    ['狗扑到孩子身上，主人还说狗不咬人', null],
    ['The gas water heater cuts out, no smell of gas', null],
    ['Stray cats fight under my window every night', null],
    ['烟感上的灯一直在闪，但是家里一切正常', null],
    ['狗把小孩咬了', 'medical'],
    ['Two men fighting by the gate', 'fight'],
  ];
  for (const [text, rule] of cases) {
    it(`${rule ? `fires ${rule}` : 'stays quiet'}: ${text}`, () => {
      const fired = matchSafety(text);
      if (rule) assert.ok(fired.includes(rule), JSON.stringify(fired));
      else assert.deepEqual(fired, []);
    });
  }
});

describe('nlu severity cues', () => {
  it('major cues', () => {
    for (const text of ['我妈在楼道摔倒受伤了', '孩子被砸到住院了', '泡坏了地板损失很大', '必须赔偿', '我要找媒体曝光', '我要起诉你们', 'my father was injured in the lobby', 'I will sue you']) {
      assert.equal(matchSeverityCues(text)?.severity, 'major', text);
    }
  });
  it('important cues', () => {
    for (const text of ['已经多次反映了', '没人管', '客服态度太差', '你们互相推诿', '一直拖着不修', 'I complained several times', 'the staff were rude', 'nobody cares']) {
      assert.equal(matchSeverityCues(text)?.severity, 'important', text);
    }
  });
  it('major wins over important', () => {
    assert.equal(matchSeverityCues('多次反映没人管，现在孩子受伤了')?.severity, 'major');
  });
  it('no cue → null (the classifier decides)', () => {
    assert.equal(matchSeverityCues('垃圾桶满了'), null);
  });
  it('the recognizer uses the cues for complaints', async () => {
    const rec = noSecurityModel();
    const r = await rec.recognize('保安态度差，我要找媒体曝光');
    assert.equal(r.category, 'complaint');
    assert.equal(r.severity, 'major');
    assert.ok(r.rules.includes('severity:major:曝光'));
    const r2 = await rec.recognize('保安态度差，第三次反映了没人管');
    assert.equal(r2.severity, 'important');
  });
});
