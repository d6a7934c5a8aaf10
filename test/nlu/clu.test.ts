import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLU_SDK_API_VERSION, CluRecognizer, CluTimeoutError, mapCluIntent, mapCluPrediction } from '../../nlu/clu-recognizer.js';
import { FallbackRecognizer } from '../../nlu/fallback-recognizer.js';
import { createRecognizer } from '../../nlu/index.js';
import { LocalRecognizer } from '../../nlu/local-recognizer.js';
import { cluOptionsFromEnv } from '../../nlu/clu-recognizer.js';

interface Seen {
  method: string;
  url: string;
  key: string | undefined;
  body: any;
}

type Mode = { kind: 'ok'; body: (query: string) => unknown } | { kind: 'slow'; ms: number } | { kind: 'status'; status: number } | { kind: 'raw'; text: string };

/** A stand-in for the CLU runtime endpoint speaking the documented REST contract. */
class FakeClu {
  readonly seen: Seen[] = [];
  mode: Mode = { kind: 'status', status: 500 };
  private server = http.createServer((req, res) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      let body: any = null;
      try {
        body = JSON.parse(data);
      } catch {
        body = data;
      }
      this.seen.push({ method: req.method!, url: req.url!, key: req.headers['ocp-apim-subscription-key'] as string | undefined, body });
      const m = this.mode;
      if (m.kind === 'slow') {
        const t = setTimeout(() => reply(200, okBody(body?.analysisInput?.conversationItem?.text ?? '', 'repair')), m.ms);
        res.on('close', () => clearTimeout(t));
      } else if (m.kind === 'status') reply(m.status, { error: { code: 'InternalServerError', message: 'boom' } });
      else if (m.kind === 'raw') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(m.text);
      } else reply(200, m.body(body?.analysisInput?.conversationItem?.text ?? ''));
      function reply(status: number, obj: unknown) {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(obj));
      }
    });
  });
  endpoint = '';
  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

function okBody(query: string, topIntent: string, entities: unknown[] = [], intents?: { category: string; confidenceScore: number }[]) {
  return {
    kind: 'ConversationResult',
    result: {
      query,
      prediction: {
        projectKind: 'Conversation',
        topIntent,
        intents: intents ?? [
          { category: topIntent, confidenceScore: 0.91 },
          { category: 'inquiry', confidenceScore: 0.05 },
          { category: 'None', confidenceScore: 0.02 },
        ],
        entities,
      },
    },
  };
}

describe('nlu CLU recognizer (against a local CLU stand-in)', function () {
  this.timeout(10000);
  const fake = new FakeClu();
  let local: LocalRecognizer;
  const warnings: { obj: any; msg: string }[] = [];
  const logger = { warn: (obj: object, msg: string) => warnings.push({ obj, msg }) };
  const opts = () => ({ endpoint: fake.endpoint, key: 'test-key', project: 'propdesk', deployment: 'production' });

  before(async () => {
    process.env.NO_PROXY = [process.env.NO_PROXY, '127.0.0.1'].filter(Boolean).join(',');
    await fake.start();
    local = new LocalRecognizer();
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.seen.length = 0;
    warnings.length = 0;
  });

  it('calls the documented endpoint with the key header and maps intents and entities', async () => {
    const text = '3栋2单元501厨房水管爆了，明天上午在家，电话13812345678';
    fake.mode = {
      kind: 'ok',
      body: (q) =>
        okBody(q, 'repair', [
          { category: 'Address', text: '3栋2单元501', offset: 0, length: 8, confidenceScore: 1 },
          { category: 'Facility', text: '厨房', offset: 8, length: 2, confidenceScore: 0.9 },
          { category: 'Time', text: '明天上午', offset: 15, length: 4, confidenceScore: 0.9 },
          { category: 'Phone', text: '13812345678', offset: 26, length: 11, confidenceScore: 1 },
        ]),
    };
    const clu = new CluRecognizer(opts(), local);
    const r = await clu.recognize(text, 'zh-CN');
    assert.equal(fake.seen.length, 1);
    const s = fake.seen[0]!;
    assert.equal(s.method, 'POST');
    assert.equal(s.url, `/language/:analyze-conversations?api-version=${CLU_SDK_API_VERSION}`);
    assert.equal(s.key, 'test-key');
    assert.equal(s.body.kind, 'Conversation');
    assert.equal(s.body.analysisInput.conversationItem.text, text);
    assert.equal(s.body.analysisInput.conversationItem.language, 'zh-hans');
    assert.equal(s.body.parameters.projectName, 'propdesk');
    assert.equal(s.body.parameters.deploymentName, 'production');

    assert.equal(r.source, 'clu');
    assert.equal(r.category, 'repair');
    assert.equal(r.severity, null);
    assert.equal(r.confidence, 0.91);
    assert.equal(r.lowConfidence, false);
    assert.deepEqual(r.alternatives.slice(0, 2), [
      { category: 'repair', confidence: 0.91 },
      { category: 'inquiry', confidence: 0.05 },
    ]);
    assert.deepEqual(r.entities.address, { building: '3', unit: '2', room: '501', raw: '3栋2单元501' });
    assert.deepEqual(r.entities.facilities, ['kitchen']);
    assert.deepEqual(r.entities.times, [{ raw: '明天上午', dayOffset: 1, partOfDay: 'morning' }]);
    assert.deepEqual(r.entities.phones, ['13812345678']);
  });

  it('maps a complaint intent with a severity suffix, and component address entities', async () => {
    fake.mode = {
      kind: 'ok',
      body: (q) =>
        okBody(q, 'Complaint.Important', [
          { category: 'Building', text: '12幢', offset: 0, length: 3, confidenceScore: 1 },
          { category: 'Room', text: '302', offset: 3, length: 3, confidenceScore: 1 },
        ]),
    };
    const r = await new CluRecognizer(opts(), local).recognize('12幢302 the guard ignored us');
    assert.equal(r.category, 'complaint');
    assert.equal(r.severity, 'important');
    assert.deepEqual(r.entities.address, { building: '12', room: '302', raw: '12幢 302' });
  });

  it('life-safety rules still win over a CLU intent', async () => {
    fake.mode = { kind: 'ok', body: (q) => okBody(q, 'repair') };
    const r = await new CluRecognizer(opts(), local).recognize('厨房冒烟了，有焦糊味');
    assert.equal(r.category, 'security');
    assert.ok(r.rules.includes('security:冒烟'));
  });

  it('marks keyboard mashing unfamiliar whatever intent CLU gives it, as the local recognizer does', async () => {
    fake.mode = { kind: 'ok', body: (q) => okBody(q, 'other') };
    const rec = new CluRecognizer(opts(), local);
    assert.equal((await rec.recognize('asdfghjkl qwerty')).unfamiliar, true);
    assert.equal((await rec.recognize('物业费怎么交')).unfamiliar, undefined);
  });

  it('falls back to the local recognizer on a time-out (≤ 1.5 s) and logs it', async () => {
    fake.mode = { kind: 'slow', ms: 5000 };
    const rec = new FallbackRecognizer(new CluRecognizer(opts(), local), local, logger);
    const t0 = Date.now();
    const r = await rec.recognize('物业费怎么交');
    const elapsed = Date.now() - t0;
    assert.ok(elapsed >= 1400 && elapsed < 2500, `elapsed ${elapsed} ms`);
    assert.equal(r.source, 'local');
    assert.equal(r.category, 'inquiry');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.obj.error, 'CluTimeoutError');
    assert.match(warnings[0]!.msg, /local recognizer/);
  });

  it('honours a shorter configured time-out and never a longer one', async () => {
    fake.mode = { kind: 'slow', ms: 5000 };
    assert.equal(new CluRecognizer({ ...opts(), timeoutMs: 10000 }, local).timeoutMs, 1500);
    const clu = new CluRecognizer({ ...opts(), timeoutMs: 200 }, local);
    const t0 = Date.now();
    await assert.rejects(clu.recognize('hello'), CluTimeoutError);
    assert.ok(Date.now() - t0 < 1000);
  });

  it('falls back at once on a 5xx answer, without retrying', async () => {
    fake.mode = { kind: 'status', status: 503 };
    const rec = new FallbackRecognizer(new CluRecognizer(opts(), local), local, logger);
    const t0 = Date.now();
    const r = await rec.recognize('电梯里有人被困');
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
    assert.equal(fake.seen.length, 1);
    assert.equal(r.source, 'local');
    assert.equal(r.category, 'security');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.obj.statusCode, 503);
  });

  it('falls back on a 500 and on a malformed answer', async () => {
    const rec = new FallbackRecognizer(new CluRecognizer(opts(), local), local, logger);
    fake.mode = { kind: 'status', status: 500 };
    assert.equal((await rec.recognize('How do I pay the management fee?')).source, 'local');
    fake.mode = { kind: 'raw', text: '{"kind":"ConversationResult","result":{"query":"x"}}' };
    assert.equal((await rec.recognize('How do I pay the management fee?')).source, 'local');
    assert.equal(warnings.length, 2);
  });

  it('createRecognizer({clu}) uses CLU first, local as fallback', async () => {
    fake.mode = { kind: 'ok', body: (q) => okBody(q, 'inquiry') };
    const rec = createRecognizer({ clu: opts(), logger });
    assert.equal((await rec.recognize('物业费怎么交')).source, 'clu');
    fake.mode = { kind: 'status', status: 502 };
    assert.equal((await rec.recognize('物业费怎么交')).source, 'local');
    assert.equal(warnings.length, 1);
  });
});

describe('nlu CLU mapping', () => {
  it('maps intent names (English, Chinese, with severity)', () => {
    assert.deepEqual(mapCluIntent('Repair'), { category: 'repair' });
    assert.deepEqual(mapCluIntent('投诉'), { category: 'complaint' });
    assert.deepEqual(mapCluIntent('complaint_major'), { category: 'complaint', severity: 'major' });
    assert.deepEqual(mapCluIntent('None'), { category: 'other' });
    assert.equal(mapCluIntent('OrderPizza'), null);
  });
  it('an unknown top intent with no known intents gives other, low confidence', () => {
    const local = new LocalRecognizer();
    const r = mapCluPrediction('blah', 'en', { projectKind: 'Conversation', topIntent: 'Weird', intents: [{ category: 'Weird', confidence: 0.9 }], entities: [] }, local);
    assert.equal(r.category, 'other');
    assert.equal(r.lowConfidence, true);
  });
  it('reads CLU settings from the environment only when all four are set', () => {
    assert.equal(cluOptionsFromEnv({ CLU_ENDPOINT: 'https://x', CLU_KEY: 'k', CLU_PROJECT: 'p' }), undefined);
    assert.deepEqual(cluOptionsFromEnv({ CLU_ENDPOINT: 'https://x', CLU_KEY: 'k', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd' }), {
      endpoint: 'https://x',
      key: 'k',
      project: 'p',
      deployment: 'd',
    });
  });
});
