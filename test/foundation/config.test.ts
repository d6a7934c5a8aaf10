import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, SAMPLE_PROPERTY_FILE } from '../../bot/config.js';
import { runNode } from '../support/processes.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err.problems;
  }
  assert.fail('the configuration was accepted');
}

describe('configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'propdesk-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to port 3978, ./data and the bundled sample property', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.match(config.dataDir, /data$/);
    assert.equal(config.propertyFile, SAMPLE_PROPERTY_FILE);
    assert.equal(config.property.code, 'HY01');
    assert.equal(config.timeZone, 'Asia/Shanghai');
    assert.equal(config.clu, undefined);
    const roles = new Set(config.property.staff.map((s) => s.role));
    for (const role of ['desk', 'agent', 'technician', 'security', 'service-head', 'project-manager']) assert.ok(roles.has(role as never), role);
  });

  it('reports one line per bad variable', () => {
    const problems = problemsOf({ PORT: 'eighty', MONGODB_URI: 'http://nope', PROPDESK_TZ: 'Mars/Base', CLU_KEY: 'k' });
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('PORT')));
    assert.ok(problems.some((p) => p.startsWith('MONGODB_URI')));
    assert.ok(problems.some((p) => p.startsWith('PROPDESK_TZ')));
    assert.ok(problems.some((p) => p.startsWith('CLU')));
  });

  it('names an unknown field of the property file', () => {
    const file = join(dir, 'unknown-field.json');
    const sample = JSON.parse(JSON.stringify(loadConfig({}).property));
    writeFileSync(file, JSON.stringify({ ...sample, parkingLots: 3 }));
    const problems = problemsOf({ PROPDESK_PROPERTY_FILE: file });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /parkingLots/);
  });

  it('names a bad staff role and an unreadable file', () => {
    const file = join(dir, 'bad-role.json');
    const sample = JSON.parse(JSON.stringify(loadConfig({}).property));
    sample.staff[0].role = 'janitor';
    writeFileSync(file, JSON.stringify(sample));
    assert.match(problemsOf({ PROPDESK_PROPERTY_FILE: file })[0]!, /staff\[0\]\.role/);
    assert.match(problemsOf({ PROPDESK_PROPERTY_FILE: join(dir, 'missing.json') })[0]!, /cannot read/);
  });

  it('accepts a YAML property file', () => {
    const file = join(dir, 'property.yaml');
    writeFileSync(
      file,
      ['code: HY02', 'name: 测试苑', 'kind: residential-premium', 'dutyPhone: "0551-1"', 'departments:', '  - { id: service, name: 客服 }'].join('\n'),
    );
    const config = loadConfig({ PROPDESK_PROPERTY_FILE: file });
    assert.equal(config.property.code, 'HY02');
    assert.equal(config.property.kind, 'residential-premium');
  });

  it('takes PROPDESK_PUBLIC_URL as an http(s) address without a trailing slash, and refuses anything else', () => {
    assert.equal(loadConfig({}).publicUrl, undefined);
    assert.equal(loadConfig({ PROPDESK_PUBLIC_URL: ' ' }).publicUrl, undefined);
    assert.equal(loadConfig({ PROPDESK_PUBLIC_URL: 'https://desk.example.com/' }).publicUrl, 'https://desk.example.com');
    assert.equal(loadConfig({ PROPDESK_PUBLIC_URL: 'http://10.0.0.5:3978/propdesk' }).publicUrl, 'http://10.0.0.5:3978/propdesk');
    for (const bad of ['desk.example.com', 'ftp://desk.example.com', 'https://desk.example.com/?a=1', 'https://desk.example.com/#x', 'https://user:pw@desk.example.com']) {
      const problems = problemsOf({ PROPDESK_PUBLIC_URL: bad });
      assert.equal(problems.length, 1, bad);
      assert.match(problems[0]!, /^PROPDESK_PUBLIC_URL.*http\(s\)/, bad);
    }
  });

  it('takes PROPDESK_MEDIA_SECRET of 32 characters or more, and refuses a shorter one', () => {
    assert.equal(loadConfig({}).mediaSecret, undefined);
    assert.equal(loadConfig({ PROPDESK_MEDIA_SECRET: 'x'.repeat(32) }).mediaSecret, 'x'.repeat(32));
    const problems = problemsOf({ PROPDESK_MEDIA_SECRET: 'too-short-a-secret' });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^PROPDESK_MEDIA_SECRET.*at least 32 characters/);
  });

  it('stops start-up with exit code 2 for a short PROPDESK_MEDIA_SECRET', async () => {
    const result = await runNode(['dist/bot/main.js'], { env: { PROPDESK_MEDIA_SECRET: 'short', PROPDESK_PUBLIC_URL: 'desk.example.com' } });
    assert.equal(result.code, 2);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.ok(lines.some((line) => line.startsWith('propdesk: config: PROPDESK_MEDIA_SECRET')), result.stderr);
    assert.ok(lines.some((line) => line.startsWith('propdesk: config: PROPDESK_PUBLIC_URL')), result.stderr);
    assert.doesNotMatch(result.stderr, /\bat .*\.js:\d+/);
  });

  it('stops start-up with exit code 2 and one line per problem', async () => {
    const result = await runNode(['dist/bot/main.js'], { env: { PORT: '-1', MONGODB_URI: 'ftp://x' } });
    assert.equal(result.code, 2);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.ok(lines.every((line) => line.startsWith('propdesk: config: ')));
    assert.doesNotMatch(result.stderr, /\bat .*\.js:\d+/);
  });
});
