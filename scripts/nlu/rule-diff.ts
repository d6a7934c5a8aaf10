/**
 * Which labelled lines change their life-safety rule decision between another build and this one —
 * the check to run before keeping a rule change (recall first: a security line that goes quiet is a regression).
 *   node dist/scripts/nlu/rule-diff.js --base <other checkout>/dist/nlu/safety-rules.js [extra.jsonl …]
 * Reads nlu/corpus/train.jsonl and every nlu/corpus/dev-independent/*.jsonl, plus the files given.
 * Prints one line per change: file, label, fired→quiet or quiet→fired, the rules that fire now, the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusDir } from '../../nlu/model-store.js';
import { matchSafety } from '../../nlu/safety-rules.js';

const args = process.argv.slice(2);
const at = args.indexOf('--base');
if (at < 0 || !args[at + 1]) {
  console.error('usage: node dist/scripts/nlu/rule-diff.js --base <other build>/dist/nlu/safety-rules.js [extra.jsonl …]');
  process.exit(2);
}
const basePath = args[at + 1]!;
const extra = args.filter((_, i) => i !== at && i !== at + 1);

async function main(): Promise<void> {
  const base = (await import(pathToFileURL(isAbsolute(basePath) ? basePath : resolve(basePath)).href)) as { matchSafety: (text: string) => string[] };
  const independent = join(corpusDir(), 'dev-independent');
  const files = [join(corpusDir(), 'train.jsonl'), ...readdirSync(independent).filter((f) => f.endsWith('.jsonl')).map((f) => join(independent, f)), ...extra];
  const tally = { securityQuieted: 0, securityFired: 0, otherQuieted: 0, otherFired: 0 };
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const item = JSON.parse(line) as { text: string; category: string };
      const before = base.matchSafety(item.text).length > 0;
      const now = matchSafety(item.text);
      if (before === now.length > 0) continue;
      const security = item.category === 'security';
      if (before) tally[security ? 'securityQuieted' : 'otherQuieted']++;
      else tally[security ? 'securityFired' : 'otherFired']++;
      console.log(`${file.split('/').pop()}\t${item.category}\t${before ? 'fired→quiet' : 'quiet→fired'}\t${now.join(',')}\t${item.text}`);
    }
  }
  console.log(
    `security lines: ${tally.securityFired} newly caught, ${tally.securityQuieted} gone quiet; other lines: ${tally.otherQuieted} no longer fire, ${tally.otherFired} newly fire`,
  );
  if (tally.securityQuieted > 0) process.exitCode = 1;
}

void main();
