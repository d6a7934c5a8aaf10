/**
 * k-fold cross-validation on the TRAINING split only — the honest way to tune features, model
 * and rules without looking at the held-out split:
 *   node dist/scripts/bench/nlu-cv.js [--folds 5] [--kind logistic|naive-bayes] [--epochs N] [--l2 X] [--lr X] [--security-weight X] [--security-preference X] [--nb-weight X] [--nb-alpha X] [--rule-covered-weight X] [--nb-temperature X] [--nb-binary] [--score-first N] [--errors]
 */
import { LocalRecognizer } from '../../nlu/local-recognizer.js';
import { defaultTrainPath, loadCorpus, trainModels, type TrainOptions } from '../../nlu/model-store.js';
import { matchSafety } from '../../nlu/safety-rules.js';
import { CATEGORIES, type Category } from '../../nlu/types.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const items = loadCorpus(arg('--train') ?? defaultTrainPath());
const folds = Number(arg('--folds') ?? 5);
const scoreFirst = Number(arg('--score-first') ?? Infinity);
const opts: TrainOptions = {};
if (arg('--kind')) opts.kind = arg('--kind') as TrainOptions['kind'];
if (arg('--epochs')) opts.epochs = Number(arg('--epochs'));
if (arg('--l2')) opts.l2 = Number(arg('--l2'));
if (arg('--lr')) opts.learningRate = Number(arg('--lr'));
if (arg('--security-weight')) opts.securityWeight = Number(arg('--security-weight'));
if (arg('--nb-weight')) opts.nbWeight = Number(arg('--nb-weight'));
if (arg('--nb-alpha')) opts.nbAlpha = Number(arg('--nb-alpha'));
if (arg('--nb-temperature')) opts.nbTemperature = Number(arg('--nb-temperature'));
if (process.argv.includes('--nb-binary')) opts.nbBinary = true;
if (arg('--rule-covered-weight')) opts.ruleCoveredWeight = Number(arg('--rule-covered-weight'));
const securityPreference = arg('--security-preference') !== undefined ? Number(arg('--security-preference')) : undefined;
/** How security answers were reached in CV (correct/wrong), like the held-out bench. */
const how: Record<string, { correct: number; wrong: number }> = {};
/** Security items no life-safety rule decides: their recall depends on the model alone. */
const ruleFree = { total: 0, found: 0 };

const conf = Object.fromEntries(CATEGORIES.map((a) => [a, Object.fromEntries(CATEGORIES.map((b) => [b, 0]))])) as Record<Category, Record<Category, number>>;
let trainMs = 0;
for (let f = 0; f < folds; f++) {
  const train = items.filter((_, i) => i % folds !== f);
  // --score-first N: score only the first N lines of the file (e.g. the original corpus, to compare with earlier runs).
  const test = items.filter((_, i) => i % folds === f && i < scoreFirst);
  const t0 = Date.now();
  const rec = new LocalRecognizer({ models: trainModels(train, opts), securityPreference });
  trainMs += Date.now() - t0;
  for (const it of test) {
    const r = rec.recognizeSync(it.text, it.locale);
    conf[it.category][r.category]++;
    if (it.category === 'security' && matchSafety(it.text).length === 0) {
      ruleFree.total++;
      if (r.category === 'security') ruleFree.found++;
    }
    let src = '';
    if (r.category === 'security') {
      src = r.rules.some((x) => x.startsWith('security:')) ? 'rule' : r.rules.includes('model:security-preference') ? 'preference' : 'model';
      how[src] ??= { correct: 0, wrong: 0 };
      how[src]![it.category === 'security' ? 'correct' : 'wrong']++;
    }
    if (process.argv.includes('--errors') && r.category !== it.category) console.log(`${it.category} → ${r.category}${src ? ` (${src})` : ''}\t${it.text}`);
  }
}
let correct = 0;
let f1 = 0;
const per: string[] = [];
for (const c of CATEGORIES) {
  correct += conf[c][c];
  const pred = CATEGORIES.reduce((s, a) => s + conf[a][c], 0);
  const sup = CATEGORIES.reduce((s, b) => s + conf[c][b], 0);
  const p = pred ? conf[c][c] / pred : 0;
  const r = sup ? conf[c][c] / sup : 0;
  f1 += p + r ? (2 * p * r) / (p + r) : 0;
  per.push(`${c} P ${p.toFixed(3)} R ${r.toFixed(3)}`);
}
const scored = Math.min(items.length, scoreFirst);
console.log(`${folds}-fold CV on ${items.length} training items (${scored} scored) ${JSON.stringify(opts)}`);
console.log(`accuracy ${(correct / scored).toFixed(4)}  macro-F1 ${(f1 / CATEGORIES.length).toFixed(4)}  mean train ${(trainMs / folds).toFixed(0)} ms`);
console.log(per.join(' | '));
console.log(`security recall on items no safety rule decides: ${ruleFree.total ? (ruleFree.found / ruleFree.total).toFixed(3) : '-'} (${ruleFree.found}/${ruleFree.total})`);
console.log(`security answers by source (correct/wrong): ${Object.entries(how).map(([k, v]) => `${k} ${v.correct}/${v.wrong}`).join(', ')}`);
