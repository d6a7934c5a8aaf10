import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { classifyJsonLines } from '../../nlu/classify-jsonl.js';
import { LocalRecognizer } from '../../nlu/local-recognizer.js';
import type { Recognizer } from '../../nlu/recognizer.js';

async function collect(it: AsyncIterable<string>): Promise<any[]> {
  const out: any[] = [];
  for await (const line of it) out.push(JSON.parse(line));
  return out;
}

describe('nlu classifyJsonLines', () => {
  let rec: LocalRecognizer;
  before(() => {
    rec = new LocalRecognizer();
  });

  it('classifies each input line into the documented output shape', async () => {
    const out = await collect(classifyJsonLines(['{"text": "电梯里有人被困"}', '{"text": "How do I pay the management fee?", "locale": "en"}'], rec));
    assert.equal(out.length, 2);
    assert.deepEqual(Object.keys(out[0]), ['text', 'category', 'severity', 'confidence', 'entities']);
    assert.equal(out[0].text, '电梯里有人被困');
    assert.equal(out[0].category, 'security');
    assert.equal(out[0].severity, null);
    assert.deepEqual(out[0].entities.facilities, ['elevator']);
    assert.equal(out[1].category, 'inquiry');
    assert.equal(typeof out[1].confidence, 'number');
  });

  it('turns bad lines into error lines with their line number and goes on', async () => {
    const input = ['{"text": "物业费怎么交"}', 'not json', '', '{"locale": "zh-CN"}', '{"text": "你好", "locale": "fr"}', '[1,2]', '{"text": "有小偷"}'];
    const out = await collect(classifyJsonLines(input, rec));
    assert.equal(out.length, 6);
    assert.equal(out[0].category, 'inquiry');
    assert.deepEqual(out[1], { error: 'line 2: not valid JSON', line: 2 });
    assert.deepEqual(out[2], { error: 'line 4: "text" must be a non-empty string', line: 4 });
    assert.equal(out[3].line, 5);
    assert.match(out[3].error, /locale/);
    assert.deepEqual(out[4], { error: 'line 6: expected a JSON object', line: 6 });
    assert.equal(out[5].category, 'security');
  });

  it('reads a chunked stream (lines split across chunks, CRLF)', async () => {
    const stream = Readable.from(['{"text": "物业', '费怎么交"}\r\n{"text"', ': "电梯里有人被困"}\n', '{"text": "谢谢"}']);
    const out = await collect(classifyJsonLines(stream, rec));
    assert.deepEqual(
      out.map((o) => o.text),
      ['物业费怎么交', '电梯里有人被困', '谢谢'],
    );
  });

  it('reads raw bytes with a multi-byte character split across chunks (stdin without setEncoding)', async () => {
    const bytes = Buffer.from('{"text": "电梯里有人被困"}\n', 'utf8');
    const chunks = [bytes.subarray(0, 11), bytes.subarray(11)]; // 电 is bytes 10..12: split inside it
    const out = await collect(classifyJsonLines(Readable.from(chunks), rec));
    assert.equal(out[0].text, '电梯里有人被困');
    assert.equal(out[0].category, 'security');
  });

  it('reports a recognizer failure as an error line, not a crash', async () => {
    const failing: Recognizer = { recognize: async () => Promise.reject(new Error('model exploded')) };
    const out = await collect(classifyJsonLines(['{"text": "x"}'], failing));
    assert.deepEqual(out, [{ error: 'line 1: model exploded', line: 1 }]);
  });
});
