import assert from 'node:assert/strict';
import { runNode } from '../support/processes.js';

describe('propdesk classify', () => {
  it('classifies JSON Lines from stdin, one output line per input line', async () => {
    const input = [
      { text: '3栋2单元501厨房水管爆了水流到楼下' },
      { text: '物业费怎么交' },
      { text: '电梯里有人被困', locale: 'zh-CN' },
      { text: '保安态度太差了，第三次反映了没人管' },
      { text: 'There is a gas smell in the corridor of building 5', locale: 'en' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const result = await runNode(['dist/bot/cli/main.js', 'classify'], { input: `${input}\n` });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(lines.length, 5);
    assert.deepEqual(lines.map((l) => l.category), ['repair', 'inquiry', 'security', 'complaint', 'security']);
    assert.equal(lines[3].severity, 'important');
    assert.equal(lines[0].severity, null);
    assert.deepEqual(Object.keys(lines[0]).sort(), ['category', 'confidence', 'entities', 'severity', 'text']);
    assert.equal(lines[0].entities.address.building, '3');
    assert.equal(lines[0].entities.address.room, '501');
  });

  it('answers a bad line with an error line and goes on', async () => {
    const result = await runNode(['dist/bot/cli/main.js', 'classify'], { input: 'not json\n{"text":"马桶堵了"}\n{"text":""}\n' });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.match(lines[0].error, /line 1/);
    assert.equal(lines[1].category, 'repair');
    assert.match(lines[2].error, /line 3/);
  });
});
