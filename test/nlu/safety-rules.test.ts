import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalRecognizer, SAFETY_RULE_CONFIDENCE } from '../../nlu/local-recognizer.js';
import { packageRoot, trainModels } from '../../nlu/model-store.js';
import { hasUrgency, isClaim, matchSafety, matchSeverityCues } from '../../nlu/safety-rules.js';
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


/** One test per message: it fires the named rule. */
function itFires(cases: ReadonlyArray<readonly [string, string]>): void {
  for (const [text, rule] of cases) it(`fires ${rule}: ${text}`, () => assert.ok(matchSafety(text).includes(rule), JSON.stringify(matchSafety(text))));
}
/** One test per message: some rule fires. */
function itFiresSome(texts: readonly string[], title = 'fires'): void {
  for (const text of texts) it(`${title}: ${text}`, () => assert.ok(matchSafety(text).length > 0, JSON.stringify(matchSafety(text))));
}
/** One test per message: no rule fires. */
function itStaysQuiet(texts: readonly string[], title = 'stays quiet'): void {
  for (const text of texts) it(`${title}: ${text}`, () => assert.deepEqual(matchSafety(text), []));
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
  it('12345 counts as the city hotline, not inside a phone number; court as a law court, not a tennis court', () => {
    for (const text of ['我已经打了12345', "I'm taking you to court", "Enough, I'm suing"]) assert.equal(matchSeverityCues(text)?.severity, 'major', text);
    for (const text of ['网球场灯不亮，我电话13912345678', 'The tennis court lights are off again', 'The court by block 3 needs new nets']) assert.equal(matchSeverityCues(text), null, text);
  });
  it('harm that did not happen is no cue; a light bulb is not a flooding loss; mopping is not dragging on', () => {
    for (const text of ['楼道的窗户玻璃碎了，没人受伤，麻烦来换一下', 'A tile fell off the shower wall, nobody hurt', '我家门口的灯泡坏了', '李师傅人真好，修完还帮我把地拖了', '阳台移门的滑轮碎了，门拖着地走', '车牌是皖A·D12345，月卡怎么办']) assert.equal(matchSeverityCues(text), null, text);
    assert.equal(matchSeverityCues('玻璃砸下来，我妈受伤了')?.severity, 'major');
  });
  it('a charge against the service makes what the model took for a repair a complaint', async () => {
    const rec = noSecurityModel();
    const plain = await rec.recognize('电梯坏了');
    assert.equal(plain.category, 'repair');
    const charged = await rec.recognize('电梯坏了，反映了三次没人管');
    assert.equal(charged.category, 'complaint');
    assert.equal(charged.severity, 'important');
    assert.ok(charged.rules.includes('complaint:charge-cue'));
  });
  it('waters breaking is not a break-in', () => {
    assert.ok(!matchSafety('Her waters just broke in the lobby').includes('break-in'));
    assert.ok(matchSafety('Someone broke into the flat below').includes('break-in'));
  });
  it('a phone number or the person in charge is not a claim, so the hazard cues still fire', () => {
    assert.ok(!isClaim('我电话13912345678'));
    assert.ok(!isClaim('你们负责人电话多少'));
    assert.ok(isClaim('这个损失谁负责'));
    assert.ok(matchSafety('我妈一个人住3栋201，从昨天起联系不上了，我电话13912345678').includes('unreachable-elder'));
    assert.deepEqual(matchSafety('楼下有个老人倒地不动了，你们负责人电话多少'), ['medical']);
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

describe('nlu safety rules: collapse, self-harm, children at risk, CO, electrical faults, lifts, violence, dogs, fallen structures', () => {
  const fires: Array<[string, string]> = [
    ['健身房有人突然抽搐，口吐白沫', 'unresponsive'],
    ['我爸倒在卫生间，没有呼吸了', 'unresponsive'],
    ['楼梯口躺着一个人，叫不醒', 'unresponsive'],
    ['A woman collapsed in the lobby and she is not breathing', 'unresponsive'],
    ['There is a man on the stairs who is unresponsive', 'unresponsive'],
    ['My neighbour says his chest hurts and he is gasping', 'unresponsive'],
    ['有人站在天台边上，说要跳下去', 'self-harm'],
    ['A resident is threatening to jump from the 12th floor', 'self-harm'],
    ['小孩坐在窗台上，家里没大人', 'child-at-risk'],
    ['孩子被反锁在车里了', 'child-at-risk'],
    ['A toddler is climbing out of the window on the 6th floor', 'child-at-risk'],
    ['家里一氧化碳报警器响了，老人说头晕', 'carbon-monoxide'],
    ['用炭火取暖，现在头晕恶心', 'carbon-monoxide'],
    ['The CO alarm is going off and my son feels dizzy', 'carbon-monoxide'],
    ['楼道的配电箱在打火，啪啪响', 'electrical-fault'],
    ['电动车电池鼓包了，还在发烫', 'electrical-fault'],
    ['The socket in the hallway is sparking', 'electrical-fault'],
    ['The fuse box is crackling and smells hot', 'electrical-fault'],
    ['电梯突然往下掉了好几层，我们还在里面', 'lift-fall'],
    ['The lift dropped two floors with us inside', 'lift-fall'],
    ['The lift doors opened and there was no car, just the shaft behind', 'lift-fall'],
    ['楼上有人在打老婆，一直在哭喊', 'violence'],
    ['A man is beating someone up by the bins', 'violence'],
    ['Someone is screaming in the flat next door', 'violence'],
    ['一条大狗在草坪上扑人', 'dog-attack'],
    ['A dog is attacking a child near block 3', 'dog-attack'],
    ['大风把树刮倒了，压在电线上', 'structure-down'],
    ['A tree has fallen on the power lines by the gate', 'structure-down'],
    ['楼道里很多烟，什么都看不清', '冒烟'],
    ['门口有个走丢的小孩在哭', 'medical'],
    ['吊灯晃来晃去，快掉下来了', 'hanging-object'],
    ['半夜有人敲门，问是谁也不说', 'intruder'],
  ];
  itFires(fires);
  const quiet = [
    '烟感没电了一直响，家里没有烟',
    '烟感报警器一直嘀嘀响，应该是没电了，家里没有烟',
    '楼下有很多烟头，没人打扫',
    'The lift buttons are unresponsive, you have to press them five times',
    'The pond smells like rotten eggs every summer',
    'Kitchen outlet sparked once and now has no power. No smoke, just dead.',
    'The light switch is scorched and doesn\'t work, I\'ve turned off the breaker',
    'The intercom is crackling, I can\'t hear the visitor',
    'The fence is about to fall off, please fix it',
    '电梯按钮没反应，按了好几次',
    '孩子的自行车被锁在车棚里了，钥匙丢了',
    '狗在楼下一直叫，吵死了',
    'A dog is barking all night',
    '楼下的树倒了，挡住了路，能清理一下吗',
    '空调外机支架松了，摇摇晃晃的',
  ];
  itStaysQuiet(quiet);

  it('urgency cues (needed by the security preference) skip alarm equipment and emergency exits', () => {
    for (const t of ['快来人，楼下不对劲', '救命', '我很害怕', 'Please hurry, something is wrong', 'call the police']) assert.ok(hasUrgency(t), t);
    for (const t of ['报警按钮被小孩按了', '烟雾报警器一直响', 'The emergency exit is locked', '紧急照明灯不亮', '电梯坏了']) assert.ok(!hasUrgency(t), t);
  });
});

describe('nlu safety rules: everyday messages that only sound like danger', () => {
  const quiet = [
    '家里的配电箱漏电开关总是跳 一合上就跳 没有烧焦味',
    '师傅上门换个水龙头阀芯收了我120，价目表上明明写的材料费35，你们这是乱收费吧',
    '看到保洁把脏拖把水直接倒花坛里 花都黄了',
    '减速带坏了 螺丝都翘起来了 扎轮胎',
    '夜班保安在玩手机，陌生人进来都不知道',
    '对面好像是群租房，每天进进出出好多陌生人',
    '物业费里都包括哪些服务 电梯和二次供水算在里面吗',
    '小孩在车库入口踢球 球老是砸到车上',
    '楼道里那股烟味到底谁抽的，你们能不能查一下',
    '早上六点就有人放鞭炮结婚，整栋楼都被炸醒了',
    '一氧化碳报警器在嘀嘀叫，刚换的电池也不行，人都好好的，估计是坏了',
    'My carbon monoxide alarm keeps chirping even with new batteries, we all feel fine',
    '如果在小区里被狗咬了 应该找谁处理',
    '清明节小区里可以烧纸吗',
    '晚上流浪猫老在楼下打架，吵得睡不着',
    '钥匙卡在窗户缝里拿不出来',
    '单元门要跳一下才开，门禁不灵',
  ];
  itStaysQuiet(quiet);

  const stillDanger: Array<[string, string]> = [
    ['快打120，我爸躺着不动', 'medical'],
    ['已经叫了120，人躺在地上不动', 'medical'],
    ['有个陌生男的一直在我家门口转', 'intruder'],
    ['有人把我的车胎扎了，人还在车库里', 'intruder'],
    ['电梯停在两层中间，我妈在里面', 'elevator-occupied'],
    ['放鞭炮把楼下的纸箱点着了', 'fire-smell'],
    ['一氧化碳报警器一直响，我和孩子都头晕', 'carbon-monoxide'],
    ['楼下有只狗在咬小孩', 'medical'],
    ['帮我打个120', 'medical'],
    ['快帮我打个120', 'medical'],
    ['帮忙叫个120', 'medical'],
    ['麻烦物业帮忙打一下120', 'medical'],
    ['能帮我叫一下120吗', 'medical'],
    ['请帮忙联系120', 'medical'],
    ['120怎么还没来，我妈快不行了', 'medical'],
    ['有陌生人进了我家', 'intruder'],
    ['我家里进来了一个陌生人', 'intruder'],
    ['一个男的在划车', 'intruder'],
    ['门口站着个陌生男人不走', 'intruder'],
    ['楼下有人在烧纸', 'fire-smell'],
    ['孩子的手卡在电梯门缝里了', 'medical'],
    ['天台上有个人说要跳', 'self-harm'],
    ['天台上有个人坐在边上 好像要跳', 'self-harm'],
    ['有个小孩在电梯里一个人哭，电梯卡在两层中间', 'elevator-occupied'],
  ];
  it('a what-if clause does not hide what is happening now', () => {
    assert.ok(matchSafety('万一他真跳了怎么办，他现在坐在天台边上').length > 0);
  });
  it('是不是烧焦味 asks about a burning smell; it does not deny one', () => {
    assert.ok(matchSafety('是不是烧焦味').length > 0);
    assert.ok(matchSafety('是不是着火了').length > 0);
  });
  it('a pump drawing water is not someone smoking', () => {
    assert.ok(matchSafety('地下车库进水了，水泵在抽水，配电房那边飘出很浓的烟味').length > 0);
  });
  for (const [text, rule] of stillDanger) it(`still fires ${rule}: ${text}`, () => assert.ok(matchSafety(text).includes(rule), JSON.stringify(matchSafety(text))));

  it('a what-if question is an inquiry unless something is said to be happening now', () => {
    assert.deepEqual(matchSafety('如果着火了应该怎么办'), []);
    assert.deepEqual(matchSafety('What should I do if I smell gas?'), []);
    assert.deepEqual(matchSafety('如果电梯被困了打哪个电话'), []);
    assert.deepEqual(matchSafety('If someone gets stuck in the lift at night, who do we call?'), []);
    assert.deepEqual(matchSafety('Who do I call if someone gets stuck in the lift after office hours?'), []);
    assert.ok(matchSafety('Who do I call if my son is stuck in the lift right now?').length > 0);
    assert.ok(matchSafety('如果着火了应该怎么办，现在楼道全是烟').length > 0);
    assert.ok(matchSafety('电梯被困了打哪个电话').includes('被困电梯'));
  });
  it('a past day alone never silences the rules: what is back or still going on is an emergency', () => {
    for (const text of ['上次修的燃气管又漏气了，味道很大', '前天装的热水器，我们全家头疼恶心', 'The guy who broke in last week is back at my door', 'My mum collapsed yesterday evening and is unconscious']) {
      assert.ok(matchSafety(text).length > 0, text);
    }
    assert.ok(matchSafety('我奶奶一个人住，从昨天中午起就联系不上了').length > 0);
  });
  it('a what-if needs a conditional word, no comma and nothing happening: 真的着火了 is a fire', () => {
    for (const text of ['我家真的着火了怎么办', '真的着火了吗？楼道全是烟', '如果是着火了，楼道全是烟我要跑吗', '楼下好多烟 万一着火了怎么办']) assert.ok(matchSafety(text).length > 0, text);
  });
});

describe('nlu safety rules: water on live electrics, an elder who cannot be reached, intruders now, lone children, scalding steam, words of self-harm', () => {
  const fires: Array<[string, string]> = [
    ['楼上漏水，水顺着客厅的吸顶灯往下滴，灯还亮着', 'water-on-electrics'],
    ['插座里在渗水，刚才碰了一下手发麻', 'water-on-electrics'],
    ['配电箱进水了，里面滋滋的', 'water-on-electrics'],
    ['Water is dripping out of the kitchen light and it keeps flickering', 'water-on-electrics'],
    ['Water from the flat above is running into the socket and it is crackling', 'water-on-electrics'],
    ['我妈一个人住7栋302，从早上到现在电话都不接', 'unreachable-elder'],
    ['独居的王奶奶敲门没动静，平时这个点都在家', 'unreachable-elder'],
    ['对门老人家门口的牛奶堆了三天了', 'unreachable-elder'],
    ['My elderly dad lives alone in 5-1-601 and he is not answering since last night', 'unreachable-elder'],
    ['我家卧室窗户被人弄开了', 'intruder-now'],
    ['The back door was jimmied and I can hear someone upstairs', 'intruder-now'],
    ['A man is trying to get into my flat with a key', 'intruder-now'],
    ['小区门口有个小朋友一个人在哭，找不到家长', 'child-alone'],
    ['There is a little boy wandering by the car park exit on his own', 'child-alone'],
    ['楼道里的暖气管爆了，开水往外喷', 'scalding'],
    ['The heating pipe burst and scalding water is everywhere on the stairs', 'scalding'],
    ['隔壁小伙子说不想活了，把自己锁在屋里', 'self-harm-words'],
    ['My flatmate says he is going to end it, he locked the bathroom', 'self-harm-words'],
    ['Kids are smashing the lobby glass right now', 'en-hazard'],
    ['Someone smashed my car window in the garage', 'en-hazard'],
    ['阳台上的花盆掉下来了，下面有人', 'falling-objects'],
    ['My grandma fell in the bathroom and can\'t get up', 'en-hazard'],
    ['儿子八岁，放学两个小时了还没到家，电话手表也打不通', 'missing-person'],
    ['外墙的玻璃在往下掉碎片，下面是商铺门口', 'hanging-object'],
    ['有人从平台上掉下去了', 'medical'],
    ['空调外机支架断了，外机斜挂着，下面是人行道', 'hanging-object'],
    ['The lift dropped three floors and we are still inside', 'lift-fall'],
    ['大堂里有个男的手里拿着一把刀，说不给说法就不走', '持刀'],
    ['A man is waving a knife in the car park', '持刀'],
    ['我爸突然说话不利索了，嘴有点歪', 'stroke-signs'],
    ['My neighbour is slurring her words and her face is drooping', 'stroke-signs'],
  ];
  itFires(fires);
  const quiet = [
    '卫生间的灯一直闪，麻烦换个灯管',
    '停水了，楼道灯也一直在闪',
    '灯的开关进水了，已经拉了电闸，明天来修吧',
    '厨房水管漏水了，开关在哪里',
    'No hot water and the hallway lights flicker',
    'The bathroom light keeps flickering, please replace it',
    '我爸打了好几次物业电话都没人接',
    '我妈说你们客服不接电话',
    '我奶奶想问一下老年卡在哪里办',
    'My mum called the office three times and nobody answered',
    '孩子一个人在家，能不能晚点再来修',
    '小区后门晚上太黑，女孩子一个人走心里发毛',
    '热水管裂了，一直在喷水',
    'The hot water is boiling hot, can you turn it down',
    '窗户关不上，麻烦来看看',
    'I want to end my parking contract',
    'The glass on the notice board by the gate is smashed',
    '浴室的镜子昨晚自己掉下来了，还好没人',
    '空调外机螺丝掉了一颗，还没掉下来，找人来加固一下',
    'The CO detector in the hall chirps every minute, must be the battery. We all feel fine.',
    'A chunk of render fell in the car park overnight, nobody around, please clear it',
    'Your cleaner scratched the new oak floor in our hallway, I expect you to pay for the repair',
    '烟感一直闪红灯，家里也没烟，应该是坏了',
    '烟感半夜响了一声，家里没烟，是不是坏了',
    '马桶水箱一直嘶嘶响，停不下来',
    'The toilet cistern keeps hissing after every flush',
    '沙坑里有好多烟头，小孩在里面玩',
    '阳台玻璃有道裂纹，怕哪天掉下去，麻烦来换',
    '插座有点松，没冒火花，麻烦换一个',
    '孩子放学回来了，快递晚上再送吧',
    'The people downstairs barbecue every Sunday and the smoke comes straight into our flat',
    '楼下天天烧烤，油烟味全飘我家',
    '阳台的晾衣架掉下来砸在花盆上了，人没事，来修一下',
    'A ceiling panel came down onto the sink, nobody hurt, please fix the hole',
    '家里要是闻到燃气味，第一步应该干啥',
    '万一楼道着火了应该往哪跑？',
    '菜刀磨刀服务有吗',
    'A ceiling tile in the lift lobby fell down overnight, nobody was hurt',
    '消防通道天天堵着，要真着火了消防车怎么进来？',
    '楼道消防箱的玻璃门合页掉了，门斜挂着',
    '烟感是物业统一装的还是要自己买',
    '一氧化碳报警器小区要求装吗',
    'The neighbours are burning incense all day and it drifts into my flat',
    '楼下又在放烟花，噼里啪啦吵到半夜',
    '电梯里老有一股烟味，肯定有人在里面抽',
    "The CO alarm keeps chirping, everyone's fine, no headaches",
  ];
  itStaysQuiet(quiet);
});

describe('nlu safety rules: farewell messages, weapons at hand, poisoning, choking, someone in the water, cars at people and more', () => {
  const fires: Array<[string, string]> = [
    ['我室友刚才发了一段遗书一样的话，现在电话关机', 'farewell'],
    ['My brother texted "tell my mum I\'m sorry" and won\'t pick up', 'farewell'],
    ['楼下两个人抡着酒瓶子打起来了', 'weapon-object'],
    ['隔壁大哥拿着锤子在敲邻居家门', 'weapon-object'],
    ['Someone is pouring petrol on the bikes in the shed', 'petrol'],
    ['孩子吃果冻噎住了，脸都发紫了', 'choking'],
    ['My dad is choking on his dinner', 'choking'],
    ['宝宝刚才喝了一口消毒液，一直在吐', 'poisoning'],
    ['My toddler swallowed a button battery', 'poisoning'],
    ['湖边有人落水了', 'in-water'],
    ['Someone fell into the pool and isn\'t coming up', 'en-hazard'],
    ['地库有辆车往人群里开', 'vehicle-at-people'],
    ['燃气灶火关不掉了，锅都烧红了', 'stove-on'],
    ['电梯停在半空，里面有两个老人', 'stranded-in-lift'],
    ['对面楼的小孩爬到空调外机上了', 'child-climbing'],
    ['井盖被人掀开了，旁边好多小孩在玩', 'manhole-open'],
    ['We all have headaches and feel sick since the boiler came on', 'co-symptoms-en'],
    ['The whole stairwell smells of rotten eggs', 'rotten-eggs-place'],
    ['There is an unattended suitcase by the lobby doors, nobody around', 'suspicious-bag'],
    ['Flood water is rising towards the transformer in the car park', 'flood-electrics-en'],
    ['天花板的灯里面在滴水，灯一闪一闪的', 'water-on-electrics'],
  ];
  itFires(fires);
  const quiet = [
    'Someone keeps propping the entrance door open with a brick',
    '滑梯的螺丝松了好久，最后是我自己拿扳手拧的',
    'Smell coming up from the kitchen sink drain, like rotten eggs',
    '井盖有点响，车一压就哐哐的',
    '我们家要换燃气灶，有推荐的师傅吗',
    '孩子的书包落在电梯里了，粉色的',
  ];
  itStaysQuiet(quiet);
});

describe('nlu: messages with nothing the corpus knows', () => {
  const rec = new LocalRecognizer();
  it('are marked unfamiliar (a lone letter, keyboard mashing, made-up words)', () => {
    for (const text of ['x', 'asdfghjkl qwerty', 'zzz', 'blah blah']) assert.equal(rec.recognizeSync(text).unfamiliar, true, text);
  });
  it('ordinary messages are not, however short, nor real words the corpus lacks, nor emoji', () => {
    for (const text of ['好的', 'ok', '电梯坏了', 'wifi', '啊啊啊', '蚂蚁', 'mold', 'termites', 'loo', 'Thermostat kaput', '🔥', '🆘']) assert.equal(rec.recognizeSync(text).unfamiliar, undefined, text);
  });
});

describe('nlu safety rules: labour, a neighbour unseen for days, live electrics that shock, fainting, a hissing gas pipe, someone silent in the bathroom', () => {
  const fires: Array<[string, string]> = [
    ['老婆羊水破了，家里就我们俩，能帮忙叫个车吗', 'labour'],
    ["My wife's waters just broke and the lift is out", 'labour'],
    ['邻居一个星期没见人了，门口报纸快递堆了一堆，敲门也没人应', 'neighbour-unseen'],
    ['楼下王叔平时天天遛弯 这礼拜一回没见 门缝里飞出来好多苍蝇', 'neighbour-unseen'],
    ['客厅开关一碰就麻手，地上还有水', 'live-shock'],
    ['The light switch in the bathroom gives me a shock when my hands are wet', 'live-shock'],
    ['东门岗亭的保安大爷热晕过去了', 'medical'],
    ['The gas pipe outside my kitchen window is hissing really loud', 'gas'],
    ["My flatmate has been in the shower for ages with the water heater running and isn't answering", 'bathroom-unresponsive'],
    ['老公在浴室洗澡一个小时了，叫他也不答应', 'bathroom-unresponsive'],
    ['楼上的水漏进我家配电箱了，箱子里啪啪响，我不敢去拉闸', 'electrical-fault'],
    ['楼上有人一直往下扔酒瓶 砸得砰砰响 下面有人走', 'falling-objects'],
  ];
  itFires(fires);
  const quiet = [
    '热水器漏电，一碰水有点麻，已经关了总闸，麻烦来查',
    '卫生间插座边上有点发黑，我已经把总闸关了，能不能派个电工来看看',
    '我家猫要生了，能不能帮忙找个宠物医院',
    '巡逻的保安好几天没见了，晚上敲门的推销员一堆',
    '物业说消杀每个月一次，半年没见过了',
    'Toilet cistern takes forever to refill and keeps hissing',
    "Cigarette smoke from the flat below drifts into our bedroom every night, we can't sleep with the window open",
    '暑假一帮孩子在楼道里跑来跑去尖叫 午觉都睡不了',
    'kids screaming in the pool area at 10pm, the pool should be closed by then',
    'Can I put a satellite dish on my balcony railing?',
    "Lift B isn't responding to any buttons, it's just sitting at the ground floor with the doors closed",
    '谁家丢了一只橘猫？在3号楼下面转悠好半天了',
    '楼上邻居老往下扔烟头，我家晾的衣服被烫了好几个洞',
    '上周我车被楼上掉下来的花盆砸了个坑，物业一直推说不归你们管，修车的钱必须你们出',
  ];
  itStaysQuiet(quiet);
});

describe('nlu safety rules: being trapped in a lift, told afterwards', () => {
  const afterwards = [
    '上个月电梯困人到现在都没个说法，维保记录也不公示',
    '电梯上个月把我困了半小时，到现在晚上都不敢一个人坐，物业连个道歉都没有',
    "The lift trapped my dad last month and we still haven't heard a single word from you.",
    '昨晚电梯把我困了二十分钟，按紧急按钮半天才有人应',
  ];
  itStaysQuiet(afterwards, 'is no emergency');
  const stillGoingOn = [
    '昨天困过人的电梯今天又困人了',
    '上次被困的那部电梯，现在我妈又被困在里面了',
    'I got stuck in the lift yesterday and I am stuck again now',
    '昨天报的燃气味你们没人来，现在整个楼道都是味',
    '昨晚就跟你们报过有煤气味，到现在也没人来，我妈闻着头晕想吐，快派人！',
    '前天说过电瓶车在楼道充电不安全，你们态度敷衍，那辆车起火了，5楼全是黑烟',
    '上周那窝马蜂我报过，你们说会处理，后来也没动静，一群马蜂追着孩子蛰，孩子脸肿了喘不上气',
    'Reported a gas smell last night and nobody came. It is much stronger and my husband feels dizzy.',
  ];
  itFiresSome(stillGoingOn, 'is still an emergency');
});

describe('nlu safety rules (review): what the new silencers must never make quiet, and what the new cues must not fire on', () => {
  const stillEmergencies = [
    '我已经拉闸了但是还在冒火花',
    'I switched off the breaker but the socket is still sparking',
    'The breaker\'s off but the socket is still smoking',
    '大风刮断了电线，电线掉在路上还在冒火花',
    '地下车库积水到膝盖了，物业已经断电了',
    '已经关了总闸，可水龙头一摸还是电手，是不是别家漏电',
    "My son got a shock from the socket, I've turned off the power, his hand has a burn mark",
    '楼上老往下扔东西，这次砸在一个老人头上了',
    '经常有小孩在下面玩，楼上扔下来一个酒瓶',
    '楼上经常往下丢东西，一个酒瓶刚好砸中一个阿姨',
    "I'm trapped in the lift, the engineer came on Monday and said it was fixed",
    '上周三号楼电梯就被困过人，今天我爸被困了半小时了还没人来',
    '上周电梯就困过我一次，今天又把我和孩子困住了',
    "Can I use the defibrillator in the lobby? My neighbour collapsed and isn't breathing",
    'Someone dropped a cigarette down the rubbish chute and now cigarette smoke is pouring out on every floor',
    '小区里几个孩子在玩，有一个突然尖叫，被一个男的抱走了',
    'children screaming at the pool at 7pm, one of them is in the deep end and not coming up',
    '楼下小孩在玩，对门那个女的一直在尖叫，还有摔东西的声音',
    'Please hurry it\'s my husband he\'s not responding',
    'I rang the intercom and my grandmother isn\'t responding, she\'s 90 and lives alone',
    '有个男的牵着狗在我家门口转悠了一个小时，还一直往猫眼里看',
    '有小偷在偷钱你们出个人抓一下',
    '有人在撬我家门，费用你们出都行，快来',
    'Who do I call if my dad has collapsed and isn\'t breathing?',
    '老婆阵痛得厉害，电梯又坏了，能帮忙吗',
    "My wife is giving birth, the baby's coming now and the lift is broken",
    'The tap shocked me when I touched it',
    'My son got electrocuted by the socket',
    '我妈在卫生间40分钟了，叫她不应',
    '有个老人热晕在路边',
    '快递小哥在楼下中暑，倒在树荫下',
  ];
  itFiresSome(stillEmergencies);
  const quiet = [
    '我老婆下个月要生了，想问下小区有没有推荐的月嫂',
    '我家母猫快要生了，楼道能放个纸箱吗',
    'Is the charge for the repair in labour hours or a fixed fee?',
    '报修一个星期没动静，打电话也不接',
    '垃圾一个星期没见人收，楼道里臭味熏天',
    '我的快递三天没看到，打物业电话也没人接',
    '冬天水太冰了，洗碗冻得麻手',
    'That new parking fee gives me a shock, it\'s doubled',
    'The door handle in the lobby gives me a shock every time, static I think',
    '卫生间漏水报了好久了，你们一直没反应',
    'The shower has been broken for a week and the landlord isn\'t answering my emails',
    '看到这个月物业费账单差点晕过去',
    '差点中暑了，电梯里没空调',
    'The radiator is hissing since the gas engineer serviced the boiler',
    '燃气壁挂炉的暖气片一直嘶嘶响',
    '暖气片一直嘶嘶响，我们这是燃气锅炉供暖的',
    'I reported the bathroom leak two weeks ago and maintenance isn\'t responding',
  ];
  itStaysQuiet(quiet);
});

describe('nlu safety rules: emergencies told as a favour, a question or a repair', () => {
  const fires: Array<[string, string]> = [
    ['请问一下楼道里一股烧塑料的味道，越来越浓，是哪家在干什么吗？9楼', '焦糊味'],
    ['你们有没有灭火毯啊 借我用一下 急 锅里的火下不去', '着火'],
    ['请问一下楼里什么时候来电啊？我爸在家用呼吸机，停电了机器一直在报警', 'life-support'],
    ["my nan's oxygen machine stopped with the power cut and she's struggling to breathe, is there a generator?", 'life-support'],
    ['车库卷帘门砸下来压住一个人的腿，按钮按了没反应', 'crushed'],
    ['the balcony glass has cracked and bits are dropping onto the path', 'falling-now'],
    ['地下车库顶上的水泥一块一块往下掉，那条裂缝在变大', 'falling-now'],
    ['我老公喝了装在饮料瓶里的百草枯，刚吐了，物业能不能帮忙开个车送一下', 'poisoning'],
    ['我老婆洗澡的时候喊了一声说麻，然后就没声了，我摸水龙头也麻，怎么办', 'bathroom-unresponsive'],
    ['我老婆洗澡的时候喊了一声说麻，然后就没声了，我摸水龙头也麻，怎么办', 'live-shock'],
  ];
  itFires(fires);
  const quiet = [
    '请问明天停电是几点到几点？家里有老人用制氧机，要提前准备',
    '卫生间吊顶有块扣板掉下来砸在洗手台上了 人没事 现在顶上露个洞',
    '健身房杠铃架的螺丝早就松了，今天砸到我儿子的脚，骨裂',
    'The guard who stayed with my gran until the paramedics arrived was amazing, please tell him thank you',
    '上周我家卧室插座冒过火花，当时就把闸拉了，一直没敢用，想找人来换个新的',
    '昨天电梯停在两层中间，我们在里面等了四十分钟才有人来，太慢了吧',
  ];
  itStaysQuiet(quiet);
  it('"it is over now" silences nothing: a second clause may still be an emergency (现在好了，楼道里着火了)', () => {
    assert.ok(matchSafety('燃气味很大，开窗通风了，现在没味了，我妈一直头晕想吐').length > 0);
    assert.ok(matchSafety('说了多少次电线老化不修，现在好了，楼道里着火了').length > 0);
    assert.ok(matchSafety("We got out and we're fine now but the flat next door is full of smoke").length > 0);
  });
});

describe('nlu safety rules: probes from the reviews (test/nlu/safety-probes.tsv)', () => {
  // One line per probe: "fires" or "quiet", a tab, the message. Real emergencies the silencers must not hide,
  // and everyday messages the cues must not fire on.
  const probes = readFileSync(join(packageRoot(), 'test/nlu/safety-probes.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t') as [string, string]);
  it('has probes of both kinds', () => {
    assert.ok(probes.filter(([want]) => want === 'fires').length > 40);
    assert.ok(probes.filter(([want]) => want === 'quiet').length > 40);
  });
  for (const [want, text] of probes) {
    it(`${want}: ${text}`, () => assert.equal(matchSafety(text).length > 0, want === 'fires', JSON.stringify(matchSafety(text))));
  }
});

describe('nlu safety rules: the kinds of emergency the original corpus author wrote without any keyword', () => {
  const fires: Array<[string, string]> = [
    ['暴雨，车库在进水，快来人', 'garage-flooding'],
    ['地下室有很浓的味道，像是燃气', '燃气泄漏'],
    ['着伙了 快来', '着火'],
    ['晚上有个人站在我家窗户外面往里看，1楼', 'at-the-window'],
    ['有人在地下车库用手电照车里面，看了好几辆', 'casing-cars'],
    ['有个人在小区里拿着手机挨个拍车牌，还拍单元门密码', 'casing-cars'],
    ['my car被划了，在地库', 'casing-cars'],
    ['凌晨三点有人在我们楼道里走来走去，监控室看一下', 'night-prowler'],
    ['有人在车库里抽烟，就在充电桩旁边，还扔烟头', 'smoking-by-fuel'],
    ['邻居家一直在吵架，刚才听到东西砸碎了，还有小孩哭', 'row-turning-violent'],
    ['有人在小区里推销，还硬要进我家，赶不走', 'forcing-entry'],
    ['电梯门打开了但电梯不在这层，下面是空的，有小孩在旁边', 'lift-shaft-open'],
    ['The glass of a balcony shattered and fell onto the walkway', 'falling-now'],
  ];
  itFires(fires);
  const quiet = [
    '万一地库进水了车要往哪挪',
    '暴雨天车库会不会进水，需要挪车吗',
    '上次地库进水 你们连夜帮我们挪车 太感谢了',
    '前天晚上邻居家吵架砸东西，我打物业电话说不归你们管，后来是我自己报的警',
  ];
  itStaysQuiet(quiet);
});

describe('nlu safety rules: an emergency now, told with an earlier incident and a complaint about it', () => {
  const fires: Array<[string, string]> = [
    ['上周困过人的那部3号梯，后来你们说修好了，结果又卡在12楼和13楼中间，里面有人在喊', 'stranded-in-lift'],
    ['去年车库被淹过一次，赔偿到现在都没谈下来。雨一直下，B1的水已经漫过车轮了，越涨越快', 'garage-flooding'],
    ['外墙瓷砖上个月掉过一次，说要修后来也没修，又往下掉了，刚砸到一辆电动车，旁边就是人', 'falling-on-people'],
    ['上周有人在乐园露下体，报了之后你们说加强巡逻，他又来了，就在滑梯旁边对着小孩', 'indecent-exposure'],
    ['昨天投诉过那家装修的，物业说会去沟通，结果他们把燃气管打穿了，咝咝地漏气，整层都是味', '燃气泄漏'],
    ['上个月走丢过一次的张阿姨，后来家属还送了锦旗，她又自己出去了，老年痴呆，出门快两个小时，天快黑了', 'missing-person'],
    ['楼下装修的上周砸墙，我说过墙裂了，物业之后也没来看，整面墙的裂缝越来越大，在掉灰，楼板咯吱响', 'structure-failing'],
    ['上周停车场有车自燃你们后来贴了通知，今天B1又有辆新能源车冒白烟，还有爆响声', '冒烟'],
    ['谢谢上周的检修，但是5栋电梯刚刚从10楼直接滑到3楼才停住，里面的人吓坏了，门也打不开', 'lift-fall'],
    ['上周两户因为车位打过一架，后来说赔钱了事，又打起来了，一个拿着铁锹往人身上抡', '打架'],
    ['前天投诉过地库有车开太快，没人处理，一个小孩被倒车撞了，躺在地上不动', 'unresponsive'],
    ["The guy who was hanging around our building yesterday is back, even after the guard moved him on. He's trying the handle of my front door.", 'intruder-now'],
    ['Last time I reported the loose dog nobody came. It\'s in the playground biting a child, there\'s blood.', 'dog-attack'],
    ['The hornet nest I told you about last week is still there. They\'re swarming the playground and a child is stung all over and wheezing.', 'stings'],
    ["The exterior tiles that fell last month were never repaired afterwards. They're coming down again — one just smashed next to the pram area.", 'falling-on-people'],
  ];
  itFires(fires);
  const quiet = [
    '墙面裂缝越来越大了',
    '家里老人有点老年痴呆，可以在门岗登记一下他的照片吗？万一走丢了好认',
    '上周楼下两个人打起来了，保安就站在旁边看，什么也不管，太不负责了',
  ];
  itStaysQuiet(quiet);
});

describe('nlu safety rules: someone gone missing, used needles lying about, English burglary, water into a switch room', () => {
  it('someone missing or unreachable still fires when the message also blames the staff or claims', () => {
    for (const text of [
      '我爸昨晚出门一夜未归，监控又是坏的，你们要负责',
      '孩子昨天放学后就失联了，你们门卫放他出去的，出了事你们承担责任',
      '自从上周起隔壁独居老人好几天没露面了，你们不负责',
    ]) {
      assert.ok(isClaim(text), text);
      assert.ok(matchSafety(text).some((rule) => ['gone-missing', 'missing-person'].includes(rule)), text);
    }
    assert.ok(matchSafety('我爸昨晚出门一夜未归，到现在还没找到，监控又是坏的，你们要负责').includes('gone-missing'));
    assert.ok(matchSafety('我不想活了，都是你们物业害的，我要起诉你们赔偿').length > 0);
    assert.deepEqual(matchSafety('我爸前天一夜未归，已经找到了，你们监控坏了要负责'), []);
    assert.deepEqual(matchSafety('家里被偷了，你们保安没发现，要赔偿损失'), []);
  });
  itFires([
    ['我爸昨天早上出去买菜一夜未归手机关机麻烦保安帮忙查下监控谢谢', 'gone-missing'],
    ['孩子昨天放学后就失联了 麻烦各位帮忙找找 谢谢', 'gone-missing'],
    ['自昨晚起 孩子没回家 电话关机', 'gone-missing'],
    ['昨天早上开始 我爷爷一直没回来', 'gone-missing'],
    ['前天晚上八点多我爸出门后就再没回家 谢谢大家帮忙转发', 'gone-missing'],
    ['My son went out yesterday afternoon and never came home, phone off. Thanks for checking CCTV', 'gone-missing'],
    ['My grandma wandered off last night, thanks for looking, never found her', 'gone-missing'],
    ['楼道里发现好几个用过的针管', 'sharps'],
    ['Found used syringes by the kids playground', 'sharps'],
    ['My car was broken into last night in the garage', 'break-in'],
    ['my flat was burgled while we were away', 'break-in'],
    ['楼顶水箱溢水流到配电室了', 'water-on-switchgear'],
    ['消防栓漏水，水流进电梯井里了', 'water-on-switchgear'],
  ]);
  itStaysQuiet([
    '我老公昨晚加班没回家，今天物业费我来交',
    '孩子去外婆家住了，这几天没回来，快递帮忙收一下',
    '我妈回老家了，一直没回来，家里水表帮忙看一下',
    '我女儿上大学去了，失联一样，电话都不回，哈哈',
    '谢谢那天晚上帮我们找回走失奶奶的保安大哥，给你们送了面锦旗',
    '我需要注射器打胰岛素，药店在哪',
    '燃气灶点火要按好久，打火针可能坏了',
    'the needle on the pressure gauge is in the red',
    'Can I get my broken window fixed? It was broken in the storm',
    '电梯井有点渗水，麻烦看看',
  ]);
});

describe('nlu safety rules: domestic violence, sockets under water, a fire told in other words', () => {
  itFires([
    ['帮我邻居报一下 她老公喝多了在家打她', 'violence'],
    ['我老公打我', 'violence'],
    ['家里水漫了 插座都泡着', 'water-on-electrics'],
    ['树断了砸到一个人，没砸到车', 'structure-down'],
    ["What's the fire brigade's number? The bin store is alight", 'fire'],
    ['5栋楼上火光冲天 快叫消防', '着火'],
  ]);
  itStaysQuiet(['他打她电话一直不接', '插座泡过水，现在干了，能用吗', 'The garden was a blaze of colour this spring']);
});

describe('nlu safety rules: emergencies said in the plainest words', () => {
  itFires([
    ['我想死', 'self-harm-plain'],
    ['I want to die', 'self-harm-plain'],
    ["I don't want to live anymore", 'self-harm-plain'],
    ['我撑不下去了 想结束这一切', 'self-harm-plain'],
    ['Could someone come up, my neighbour\'s husband is hitting her again', 'domestic-violence'],
    ['能不能麻烦保安上来一趟 我老公喝了酒在砸东西', 'domestic-violence'],
    ['麻烦来一下 前夫喝醉了要闯进来', 'domestic-violence'],
    ['急 孩子丢了', 'child-lost'],
    ['各位邻居 有没有看到一个三岁小男孩 黄色T恤', 'child-lost'],
    ['Has anyone seen a little boy in a blue jacket? He wandered off from the playground', 'child-lost'],
    ['麻烦保安帮忙找找我外公 出门没带手机 记性不好', 'child-lost'],
    ['困电梯', 'lift-trapped-terse'],
    ['help me', 'lift-trapped-terse'],
    ['help help', 'lift-trapped-terse'],
    ['please come at once, my flat has been broken into', 'break-in'],
    ['我妈一夜未归，手机没信号', 'gone-missing'],
    ['燃气报警器一直响', 'gas-alarm'],
    ['Gas alarm beeping in my kitchen', 'gas-alarm'],
    ['热水器漏电', 'leaking-current'],
    ["How do I call security? someone's in my flat", 'someone-inside'],
    ['请问能帮我开下门吗 我婆婆在里面倒下了', 'collapsed-inside'],
    ['我朋友发消息说再见了 他住8栋 电话不接', 'collapsed-inside'],
    ['我以为是着火了结果真的是地下室那边快派人来', '着火'],
    ['以为失火了 原来真是 3号楼配电房 赶紧', '着火'],
  ]);
  itStaysQuiet([
    '想死你们了，回来第一件事就是交物业费',
    '累得我想死，电梯又坏了',
    'I want to die of embarrassment, I locked myself out again',
    '我老公打我电话没接，你们再打一下',
    '孩子丢了一个书包在大堂，谁捡到了',
    '我外婆走丢了一次之后，我们就给她配了定位手表',
    "Has anyone seen my grandad's walking stick? He left it in the lobby",
    '万一家里燃气报警器响了 是先打物业还是燃气公司',
    '燃气报警器一直嘀嘀响，是不是没电了',
    '热水器的漏电保护器老跳',
    '如果困电梯了怎么办',
    'Can you help me with the parking permit?',
    'help',
    '孩子发烧烧得厉害，附近哪有药店',
    '炉子火烧得很大，暖气还是不热',
    'she keeps hurting her back at the gym',
  ]);
});
