/**
 * Regenerates nlu/clu/propdesk-clu-project.json from the corpus:
 *   npx tsc -p tsconfig.json && node dist/scripts/nlu/export-clu.js [--out FILE] [--project NAME]
 * Import the file in Language Studio (Conversational language understanding → Import).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCluProject } from '../../nlu/clu/export.js';
import { defaultHeldoutPath, defaultTrainPath, loadCorpus, packageRoot } from '../../nlu/model-store.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = arg('--out') ?? path.join(packageRoot(), 'nlu', 'clu', 'propdesk-clu-project.json');
const train = loadCorpus(defaultTrainPath());
const test = existsSync(defaultHeldoutPath()) ? loadCorpus(defaultHeldoutPath()) : [];
const project = buildCluProject(train, test, arg('--project') ?? 'propdesk');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(project, null, 2) + '\n');
const n = project.assets.utterances;
console.log(`wrote ${out}: ${n.length} utterances (${n.filter((u) => u.dataset === 'Train').length} train, ${n.filter((u) => u.dataset === 'Test').length} test), ${n.reduce((s, u) => s + u.entities.length, 0)} entity labels`);
