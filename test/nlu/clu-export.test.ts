import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCluProject } from '../../nlu/clu/export.js';
import { packageRoot } from '../../nlu/model-store.js';
import { CATEGORIES, type CorpusItem } from '../../nlu/types.js';

describe('nlu CLU project export', () => {
  const train: CorpusItem[] = [
    { text: '3栋2单元501厨房漏水，电话13812345678', category: 'repair', severity: null, locale: 'zh-CN' },
    { text: 'How do I pay the fee tomorrow morning?', category: 'inquiry', severity: null, locale: 'en' },
    { text: '3栋2单元501厨房漏水，电话13812345678', category: 'repair', severity: null, locale: 'zh-CN' },
  ];
  const test: CorpusItem[] = [{ text: '电梯里有人被困', category: 'security', severity: null, locale: 'zh-CN' }];

  it('builds an importable Conversation project with intents, entities and labelled utterances', () => {
    const p = buildCluProject(train, test);
    assert.equal(p.metadata.projectKind, 'Conversation');
    assert.equal(p.assets.projectKind, 'Conversation');
    assert.deepEqual(
      p.assets.intents.map((i) => i.category),
      [...CATEGORIES, 'None'],
    );
    assert.deepEqual(
      p.assets.entities.map((e) => e.category),
      ['Address', 'Phone', 'Time', 'Facility'],
    );
    assert.equal(p.assets.utterances.length, 3, 'duplicates are dropped');
    const [u0, u1, u2] = p.assets.utterances;
    assert.deepEqual(u0, {
      text: '3栋2单元501厨房漏水，电话13812345678',
      intent: 'repair',
      language: 'zh-hans',
      dataset: 'Train',
      entities: [
        { category: 'Address', offset: 0, length: 8 },
        { category: 'Facility', offset: 8, length: 2 },
        { category: 'Phone', offset: 15, length: 11 },
      ],
    });
    assert.equal(u1!.language, 'en-us');
    assert.deepEqual(u1!.entities.map((e) => u1!.text.slice(e.offset, e.offset + e.length)), ['tomorrow morning']);
    assert.equal(u2!.dataset, 'Test');
  });

  it('the shipped project file is well-formed: every label lies inside its utterance', () => {
    const file = path.join(packageRoot(), 'nlu', 'clu', 'propdesk-clu-project.json');
    const p = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(p.assets.projectKind, 'Conversation');
    assert.ok(p.assets.utterances.length > 0);
    const intents = new Set(p.assets.intents.map((i: { category: string }) => i.category));
    for (const u of p.assets.utterances) {
      assert.ok(intents.has(u.intent), u.intent);
      for (const e of u.entities) assert.ok(e.offset >= 0 && e.offset + e.length <= u.text.length, u.text);
    }
  });
});
