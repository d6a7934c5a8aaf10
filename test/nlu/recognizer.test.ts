import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractFeatures, normalize, detectLanguage } from '../../nlu/features.js';
import { LocalRecognizer, SECURITY_PREFERENCE } from '../../nlu/local-recognizer.js';
import { DEFAULT_TRAIN_OPTIONS, defaultModelPath, defaultTrainPath, loadCorpus, loadPretrained, parseCorpus, serializeModelFile, trainModels } from '../../nlu/model-store.js';
import { LOW_CONFIDENCE_THRESHOLD } from '../../nlu/recognizer.js';
import { CATEGORIES, type Category, type CorpusItem } from '../../nlu/types.js';
import { createRecognizer } from '../../nlu/index.js';

describe('nlu features', () => {
  it('normalises full-width characters and case', () => {
    assert.equal(normalize('３栋ＡＢＣ　Room'), '3栋abc room');
  });
  it('uses character unigrams and bigrams for Chinese, words for English', () => {
    assert.deepEqual(extractFeatures('电梯坏了'), ['电', '^电', '梯', '电梯', '坏', '梯坏', '了', '坏了', 'c:broken', 'len:s']);
    assert.deepEqual(extractFeatures('The lift is broken'), ['w:lift', 'w:the_lift', 'w:lift_is', 'w:broken', 'w:is_broken', 'c:broken', 'len:m']);
    assert.deepEqual(extractFeatures('501漏水？'), ['#', '漏', '^漏', '水', '漏水', '?', 'c:broken', 'c:question', 'len:s']);
  });
  it('adds concept features shared by synonyms', () => {
    for (const text of ['马桶堵了', '灯不亮', 'The tap is leaking']) assert.ok(extractFeatures(text).includes('c:broken'), text);
    for (const text of ['谢谢师傅', 'thanks!', '你好']) assert.ok(extractFeatures(text).includes('c:social'), text);
    for (const text of ['物业费怎么交', 'How do I pay?']) assert.ok(extractFeatures(text).includes('c:question'), text);
  });
  it('detects the language', () => {
    assert.equal(detectLanguage('物业费怎么交'), 'zh-CN');
    assert.equal(detectLanguage('How do I pay the fee?'), 'en');
    assert.equal(detectLanguage('Building 3 电梯坏了'), 'zh-CN');
  });
});

describe('nlu training', () => {
  it('is deterministic: two trainings give identical models', () => {
    const items = loadCorpus(defaultTrainPath());
    assert.deepEqual(trainModels(items), trainModels(items));
  });
  it('trains from the training split, never the held-out one', () => {
    assert.match(defaultTrainPath(), /(train|dev-sample)\.jsonl$/);
    assert.doesNotMatch(defaultTrainPath(), /heldout/);
  });
  for (const kind of ['logistic', 'naive-bayes', 'nb-logistic', 'ensemble'] as const) {
    it(`model kind ${kind} learns a small separable set`, () => {
      const items: CorpusItem[] = [
        ...['水管漏水', '马桶堵了', '灯坏了', 'tap leaking'].map((text) => ({ text, category: 'repair' as const, severity: null, locale: 'zh-CN' as const })),
        ...['物业费怎么交', '几点上班', 'how to pay'].map((text) => ({ text, category: 'inquiry' as const, severity: null, locale: 'zh-CN' as const })),
        ...['谢谢', '你好', 'thanks'].map((text) => ({ text, category: 'other' as const, severity: null, locale: 'zh-CN' as const })),
      ];
      const rec = new LocalRecognizer({ models: trainModels(items, { kind }) });
      assert.equal(rec.models.meta.kind, kind);
      assert.equal(rec.recognizeSync('厨房水管漏水').category, 'repair');
      assert.equal(rec.recognizeSync('物业费几点交').category, 'inquiry');
      assert.equal(rec.recognizeSync('谢谢你').category, 'other');
    });
  }

  it('rejects a bad corpus line with its line number', () => {
    assert.throws(() => parseCorpus('{"text":"a","category":"repair","severity":null,"locale":"en"}\n{"text":"b","category":"nope"}', 'x.jsonl'), /x\.jsonl:2: bad "category"/);
  });
  it('the committed model (nlu/model/model.json) is exactly what training on the current corpus gives — else run `npm run nlu:train`', () => {
    const trained = trainModels(loadCorpus(defaultTrainPath()), {}, 'nlu/corpus/train.jsonl');
    const committed = readFileSync(defaultModelPath(), 'utf8');
    assert.ok(committed === serializeModelFile(trained), 'nlu/model/model.json is stale: run `npm run nlu:train` and commit it');
  });
  it('loads (reads the corpus and the committed model) in well under a second', () => {
    const t0 = Date.now();
    const items = loadCorpus(defaultTrainPath());
    const models = loadPretrained(items, DEFAULT_TRAIN_OPTIONS);
    assert.ok(models, 'the committed model does not match the corpus');
    const r = new LocalRecognizer({ models });
    assert.equal(r.models.meta.items, items.length);
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
  });
  it('does not use the committed model for another corpus or other options', () => {
    const items = loadCorpus(defaultTrainPath());
    assert.equal(loadPretrained(items.slice(1), DEFAULT_TRAIN_OPTIONS), null);
    assert.equal(loadPretrained([{ ...items[0]!, category: items[0]!.category === 'other' ? 'repair' : 'other' }, ...items.slice(1)], DEFAULT_TRAIN_OPTIONS), null);
    assert.equal(loadPretrained(items, { ...DEFAULT_TRAIN_OPTIONS, epochs: DEFAULT_TRAIN_OPTIONS.epochs + 1 }), null);
  });
});

describe('nlu local recognizer', () => {
  let rec: LocalRecognizer;
  before(() => {
    rec = new LocalRecognizer();
  });

  const clear: [Category, string][] = [
    ['repair', '3栋2单元501厨房水管爆了水流到楼下'],
    ['repair', '卫生间的马桶堵住了，冲不下去'],
    ['repair', 'The bathroom faucet is leaking, please send a plumber'],
    ['repair', 'The light in my kitchen is broken and needs fixing'],
    ['inquiry', '物业费怎么交'],
    ['inquiry', '请问停车月卡怎么办理？'],
    ['inquiry', 'How can I pay the management fee?'],
    ['inquiry', 'What time does the management office open?'],
    ['security', '电梯里有人被困'],
    ['security', '楼下有人打架，快来'],
    ['security', 'Someone is trapped in the elevator'],
    ['security', 'I smell gas in the stairwell'],
    ['complaint', '保安态度太差了，第三次反映了没人管'],
    ['complaint', '楼上邻居天天半夜装修，吵得没法睡觉，物业也不管'],
    ['complaint', 'The security guard was rude to my mother, I want to complain'],
    ['complaint', 'The cleaners never clean our corridor, I am very unhappy with the service'],
    ['other', '谢谢你们'],
    ['other', '你好'],
    ['other', 'Thank you very much'],
    ['other', 'hello'],
  ];
  for (const [category, text] of clear) {
    it(`${category}: ${text}`, async () => {
      const r = await rec.recognize(text);
      assert.equal(r.category, category, JSON.stringify(r.alternatives));
      assert.equal(r.severity === null, category !== 'complaint');
    });
  }

  it('returns a complete result: alternatives cover every category, best first, confidences in 0..1', async () => {
    const r = await rec.recognize('3栋2单元501厨房水管爆了水流到楼下');
    assert.deepEqual(new Set(r.alternatives.map((a) => a.category)), new Set(CATEGORIES));
    assert.equal(r.alternatives[0]!.category, r.category);
    assert.equal(r.alternatives[0]!.confidence, r.confidence);
    for (let i = 1; i < r.alternatives.length; i++) assert.ok(r.alternatives[i - 1]!.confidence >= r.alternatives[i]!.confidence);
    for (const a of r.alternatives) assert.ok(a.confidence >= 0 && a.confidence <= 1);
    assert.equal(r.language, 'zh-CN');
    assert.equal(r.source, 'local');
    assert.deepEqual(r.entities.address, { building: '3', unit: '2', room: '501', raw: '3栋2单元501' });
    assert.deepEqual(r.entities.facilities, ['kitchen']);
  });

  it('reports the language (given locale wins, otherwise detected)', async () => {
    assert.equal((await rec.recognize('The elevator is broken')).language, 'en');
    assert.equal((await rec.recognize('The elevator is broken', 'zh-CN')).language, 'zh-CN');
  });

  it('sets lowConfidence exactly when confidence is below the exported threshold', async () => {
    for (const text of ['物业费怎么交', '嗯', '???', 'asdf qwer', '保安态度太差了']) {
      const r = await rec.recognize(text);
      assert.equal(r.lowConfidence, r.confidence < LOW_CONFIDENCE_THRESHOLD, text);
    }
  });

  it('flags an ambiguous message as low confidence', async () => {
    // A model that has seen the same words under two categories cannot decide between them.
    const items: CorpusItem[] = [
      { text: '电梯的事情', category: 'repair', severity: null, locale: 'zh-CN' },
      { text: '电梯的事情', category: 'complaint', severity: 'minor', locale: 'zh-CN' },
      { text: '物业费', category: 'inquiry', severity: null, locale: 'zh-CN' },
    ];
    const small = new LocalRecognizer({ models: trainModels(items) });
    const r = await small.recognize('电梯的事情');
    assert.equal(r.lowConfidence, true);
    assert.deepEqual(new Set(r.alternatives.slice(0, 2).map((a) => a.category)), new Set(['repair', 'complaint']));
  });

  it('prefers security when the model gives it at least SECURITY_PREFERENCE and the message calls for urgent help, and says so', async () => {
    const items: CorpusItem[] = [
      // 2 security : 3 repair gives security ≈ 0.33: above SECURITY_PREFERENCE, not first.
      { text: '门口有情况', category: 'security', severity: null, locale: 'zh-CN' },
      { text: '门口有情况', category: 'security', severity: null, locale: 'zh-CN' },
      { text: '门口有情况', category: 'repair', severity: null, locale: 'zh-CN' },
      { text: '门口有情况', category: 'repair', severity: null, locale: 'zh-CN' },
      { text: '门口有情况', category: 'repair', severity: null, locale: 'zh-CN' },
      { text: '物业费', category: 'inquiry', severity: null, locale: 'zh-CN' },
    ];
    const small = new LocalRecognizer({ models: trainModels(items) });
    // "快来人" is unseen in training: same probabilities, plus an urgency cue.
    const r = await small.recognize('门口有情况快来人');
    const sec = r.alternatives.find((a) => a.category === 'security')!;
    assert.ok(sec.confidence >= SECURITY_PREFERENCE && sec.confidence < 0.5, String(sec.confidence));
    assert.equal(r.category, 'security');
    assert.ok(r.rules.includes('model:security-preference'));
    assert.equal(r.lowConfidence, true);
    const calm = await small.recognize('门口有情况');
    assert.equal(calm.category, 'repair');
    assert.ok(!calm.rules.includes('model:security-preference'));
  });

  // The labelling conventions (nlu/conventions.ts), each on a small model that gets the message wrong the way the real one did.
  const conventions: Array<{ title: string; rule: string; to: Category; corpus: Array<[string, Category]>; applies: string[]; not: string[] }> = [
    {
      title: 'praise with nothing against it is "other", not a complaint about the staff it names',
      rule: 'other:praise',
      to: 'other',
      corpus: [['保洁阿姨楼道', 'complaint'], ['保洁阿姨楼道脏', 'complaint'], ['好的', 'other']],
      applies: ['保洁阿姨每天都很认真，楼道特别干净'],
      not: ['保洁阿姨很认真，就是楼道还是脏', '保洁阿姨辛苦了，楼道为什么没人拖？', 'Pool water is cloudy again. Lovely.'],
    },
    {
      title: 'asking for a paid service, its price or a booking is "other", not an inquiry',
      rule: 'other:paid-service',
      to: 'other',
      corpus: [['能不能吗多少钱', 'inquiry'], ['物业费多少钱', 'inquiry'], ['好的', 'other']],
      applies: ['窗帘能上门拆洗吗 大概多少钱', 'Is there pet boarding available?', '地库洗车一次多少钱，能预约吗'],
      not: ['在自己车位上洗车可以吗', '水费燃气费都是你们代收的吗', '洗车多收了我二十块，为什么'],
    },
    {
      title: 'a shared facility that works, but slowly, is a minor complaint; not working at all or a slow drain stays a repair',
      rule: 'complaint:sluggish',
      to: 'complaint',
      corpus: [['刷卡门禁按钮电梯门', 'repair'], ['刷卡门禁按钮电梯门坏了', 'repair'], ['态度差', 'complaint']],
      applies: ['单元门刷卡要刷好几下才有反应', '电梯门关得特别慢', 'The card reader at the side gate takes ages to respond'],
      not: ['单元门刷卡完全没反应了，刷了十几次都打不开', 'Bathroom sink drains really slowly, takes ages to empty'],
    },
    {
      title: 'questions to the bot about itself, the date or the weather are chit-chat ("other"), not inquiries',
      rule: 'other:small-talk',
      to: 'other',
      corpus: [['什么几号吗', 'inquiry'], ['物业费怎么交', 'inquiry'], ['好的', 'other']],
      applies: ['你会干什么', '今天几号', 'What can you do?'],
      not: ['请问小区游泳池今天开吗'],
    },
  ];
  for (const c of conventions) {
    it(`labelling convention: ${c.title}`, async () => {
      const items: CorpusItem[] = c.corpus.map(([text, category]) => ({ text, category, severity: category === 'complaint' ? 'minor' : null, locale: 'zh-CN' }));
      const small = new LocalRecognizer({ models: trainModels(items) });
      for (const text of c.applies) {
        const r = await small.recognize(text);
        assert.equal(r.category, c.to, text);
        assert.ok(r.rules.includes(c.rule), text);
        assert.equal(r.confidence, r.alternatives[0]!.confidence, text);
      }
      for (const text of c.not) assert.ok(!(await small.recognize(text)).rules.includes(c.rule), text);
    });
  }

  it('createRecognizer() without CLU settings gives the local recognizer', async () => {
    const r = createRecognizer();
    assert.ok(r instanceof LocalRecognizer);
    assert.equal((await r.recognize('物业费怎么交')).category, 'inquiry');
  });
});
