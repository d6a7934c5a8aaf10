import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config.js';
import { deadlinesFor, formatDeadlines } from '../../domain/sla-clock.js';
import { runNode } from '../support/processes.js';

async function sla(args: string[], env: Record<string, string> = {}) {
  return runNode(['dist/bot/cli/main.js', 'sla', ...args], { env });
}

describe('propdesk sla', () => {
  it('counts Sep 30 and skips the National Day holiday for a minor complaint', async () => {
    const result = await sla(['--category', 'complaint', '--severity', 'minor', '--at', '2026-09-30T15:00:00+08:00']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).replyDueAt, '2026-10-08T15:00:00+08:00');
  });

  it('agrees with the domain clock for every category and severity', async () => {
    const property = loadConfig({}).property;
    const cases: Array<[string, string | undefined, string]> = [
      ['complaint', 'major', '2026-09-30T15:00:00+08:00'],
      ['complaint', 'important', '2026-02-13T17:30:00+08:00'],
      ['repair', undefined, '2026-10-10T09:00:00+08:00'],
      ['security', undefined, '2026-10-03T23:50:00+08:00'],
      ['inquiry', undefined, '2026-11-27T16:00:00Z'],
      ['other', undefined, '2026-12-31T23:59:00+08:00'],
    ];
    for (const [category, severity, at] of cases) {
      const args = ['--category', category, '--at', at, ...(severity ? ['--severity', severity] : [])];
      const result = await sla(args);
      assert.equal(result.code, 0, result.stderr);
      const expected = formatDeadlines(deadlinesFor(property, category as never, (severity ?? null) as never, new Date(at)), property.timeZone);
      assert.deepEqual(JSON.parse(result.stdout), expected, args.join(' '));
    }
  });

  it("uses the property file's calendar overrides", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'propdesk-sla-'));
    const file = join(dir, 'property.json');
    const property = JSON.parse(JSON.stringify(loadConfig({}).property));
    property.calendar = { extraHolidays: ['2026-10-08'], extraWorkdays: [] };
    writeFileSync(file, JSON.stringify(property));
    const result = await sla(['--category', 'complaint', '--severity', 'minor', '--at', '2026-09-30T15:00:00+08:00'], { PROPDESK_PROPERTY_FILE: file });
    rmSync(dir, { recursive: true, force: true });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).replyDueAt, '2026-10-09T15:00:00+08:00');
  });

  it('exits 2 with one line for a bad category, a bad time or a missing option', async () => {
    for (const args of [
      ['--category', 'bogus', '--at', '2026-09-30T15:00:00+08:00'],
      ['--category', 'repair', '--at', 'yesterday'],
      ['--category', 'repair'],
      ['--category', 'repair', '--severity', 'major', '--at', '2026-09-30T15:00:00+08:00'],
    ]) {
      const result = await sla(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
  });
});
