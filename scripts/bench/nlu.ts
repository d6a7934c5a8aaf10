/**
 * NLU benchmark: `npm run bench:nlu` → node dist/scripts/bench/nlu.js [--train FILE] [--heldout FILE] [--kind logistic|naive-bayes] [--json]
 * Trains on the training split (never the held-out one), then reports on the held-out split:
 * accuracy, macro-F1, per-category precision/recall/F1, confusion matrix, complaint severity
 * accuracy, mean / p50 / p99 latency per message and model load time.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LocalRecognizer } from '../../nlu/local-recognizer.js';
import { DEFAULT_TRAIN_OPTIONS, defaultHeldoutPath, defaultTrainPath, loadCorpus, loadPretrained, trainModels, type ModelKind, type TrainOptions } from '../../nlu/model-store.js';
import { LOW_CONFIDENCE_THRESHOLD } from '../../nlu/recognizer.js';
import { SAFETY_RULES } from '../../nlu/safety-rules.js';
import { CATEGORIES, type Category, type CorpusItem } from '../../nlu/types.js';

export interface NluBenchReport {
  trainFile: string;
  heldoutFile: string;
  trainItems: number;
  heldoutItems: number;
  model: string;
  loadMs: number;
  /** 'pre-trained': the committed nlu/model/model.json matched the corpus; 'trained': trained at load. */
  modelSource: 'pre-trained' | 'trained';
  accuracy: number;
  macroF1: number;
  perCategory: Record<Category, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<Category, Record<Category, number>>;
  severityAccuracy: number | null;
  latencyMs: { mean: number; p50: number; p99: number; max: number };
  errors: { text: string; expected: Category; got: Category }[];
  /** How security answers were reached, split into right and wrong ones (aggregate counts only). */
  /** Share of held-out messages answered with lowConfidence, and accuracy on each side of the threshold. */
  lowConfidence: { rate: number; accuracyConfident: number; accuracyLow: number };
  securityDecisions: Record<'safety-rule' | 'hazard-rule' | 'preference' | 'model', { correct: number; wrong: number }>;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;

export function runNluBench(trainFile: string, heldoutFile: string, opts: TrainOptions = {}): NluBenchReport {
  const t0 = performance.now();
  const trainItems = loadCorpus(trainFile);
  // The committed pre-trained model when it matches this corpus and these options (as at start-up), else trained now.
  const pretrained = loadPretrained(trainItems, { ...DEFAULT_TRAIN_OPTIONS, ...opts });
  const models = pretrained ?? trainModels(trainItems, opts, trainFile);
  const recognizer = new LocalRecognizer({ models });
  const loadMs = performance.now() - t0;
  const heldout: CorpusItem[] = loadCorpus(heldoutFile);

  // Warm up (JIT) on training texts, not on the held-out ones.
  for (const item of trainItems.slice(0, 200)) recognizer.recognizeSync(item.text, item.locale);

  const confusion = Object.fromEntries(CATEGORIES.map((a) => [a, Object.fromEntries(CATEGORIES.map((b) => [b, 0]))])) as Record<Category, Record<Category, number>>;
  const latencies: number[] = [];
  let correct = 0;
  let sevTotal = 0;
  let sevCorrect = 0;
  const errors: NluBenchReport['errors'] = [];
  const securityDecisions: NluBenchReport['securityDecisions'] = {
    'safety-rule': { correct: 0, wrong: 0 },
    'hazard-rule': { correct: 0, wrong: 0 },
    preference: { correct: 0, wrong: 0 },
    model: { correct: 0, wrong: 0 },
  };
  const low = { n: 0, correct: 0 };
  const high = { n: 0, correct: 0 };
  for (const item of heldout) {
    const s = performance.now();
    const r = recognizer.recognizeSync(item.text, item.locale);
    latencies.push(performance.now() - s);
    if (r.category === 'security') {
      const names = r.rules.filter((x) => x.startsWith('security:')).map((x) => x.slice(9));
      const how = names.some((n) => SAFETY_RULES.some((sr) => sr.name === n))
        ? 'safety-rule'
        : names.length > 0
          ? 'hazard-rule'
          : r.rules.includes('model:security-preference')
            ? 'preference'
            : 'model';
      securityDecisions[how][item.category === 'security' ? 'correct' : 'wrong']++;
    }
    confusion[item.category][r.category]++;
    const side = r.lowConfidence ? low : high;
    side.n++;
    if (r.category === item.category) side.correct++;
    if (r.category === item.category) correct++;
    else errors.push({ text: item.text, expected: item.category, got: r.category });
    if (item.category === 'complaint' && item.severity && r.category === 'complaint') {
      sevTotal++;
      if (r.severity === item.severity) sevCorrect++;
    }
  }
  const perCategory = {} as NluBenchReport['perCategory'];
  let f1sum = 0;
  for (const c of CATEGORIES) {
    const tp = confusion[c][c];
    const predicted = CATEGORIES.reduce((s, a) => s + confusion[a][c], 0);
    const support = CATEGORIES.reduce((s, b) => s + confusion[c][b], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perCategory[c] = { precision: r4(precision), recall: r4(recall), f1: r4(f1), support };
    f1sum += f1;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = latencies.reduce((s, v) => s + v, 0) / (latencies.length || 1);
  return {
    trainFile,
    heldoutFile,
    trainItems: trainItems.length,
    heldoutItems: heldout.length,
    model: models.meta.kind === 'ensemble' ? 'ensemble (logistic regression + naive Bayes)' : models.meta.kind,
    loadMs: r4(loadMs),
    modelSource: pretrained ? 'pre-trained' : 'trained',
    accuracy: r4(correct / (heldout.length || 1)),
    macroF1: r4(f1sum / CATEGORIES.length),
    perCategory,
    confusion,
    severityAccuracy: sevTotal ? r4(sevCorrect / sevTotal) : null,
    latencyMs: { mean: r4(mean), p50: r4(quantile(sorted, 0.5)), p99: r4(quantile(sorted, 0.99)), max: r4(sorted[sorted.length - 1] ?? 0) },
    errors,
    lowConfidence: {
      rate: r4(low.n / (heldout.length || 1)),
      accuracyConfident: r4(high.correct / (high.n || 1)),
      accuracyLow: r4(low.correct / (low.n || 1)),
    },
    securityDecisions,
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const trainFile = arg('--train') ?? defaultTrainPath();
  const heldoutFile = arg('--heldout') ?? (existsSync(defaultHeldoutPath()) ? defaultHeldoutPath() : trainFile);
  const opts: TrainOptions = {};
  if (arg('--kind')) opts.kind = arg('--kind') as ModelKind;
  if (arg('--security-weight')) opts.securityWeight = Number(arg('--security-weight'));
  const rep = runNluBench(trainFile, heldoutFile, opts);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rep, null, 2));
    return;
  }
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`NLU benchmark — model ${rep.model}, trained on ${rep.trainFile} (${rep.trainItems} items)`);
  console.log(`held-out: ${rep.heldoutFile} (${rep.heldoutItems} items)${rep.heldoutFile === rep.trainFile ? '  [WARNING: no held-out file, scoring the training data]' : ''}`);
  console.log(`model load (read corpus + ${rep.modelSource === 'pre-trained' ? 'committed pre-trained model nlu/model/model.json' : 'train'}): ${rep.loadMs.toFixed(1)} ms`);
  console.log(`accuracy ${rep.accuracy.toFixed(4)}   macro-F1 ${rep.macroF1.toFixed(4)}   security recall ${rep.perCategory.security.recall.toFixed(4)}`);
  console.log(`complaint severity accuracy (on correctly classified complaints): ${rep.severityAccuracy ?? 'n/a'}`);
  console.log(`latency per message: mean ${rep.latencyMs.mean.toFixed(3)} ms, p50 ${rep.latencyMs.p50.toFixed(3)} ms, p99 ${rep.latencyMs.p99.toFixed(3)} ms, max ${rep.latencyMs.max.toFixed(3)} ms`);
  console.log(
    `low confidence (< ${LOW_CONFIDENCE_THRESHOLD}): ${(rep.lowConfidence.rate * 100).toFixed(1)}% of messages; accuracy ${rep.lowConfidence.accuracyConfident.toFixed(4)} when confident, ${rep.lowConfidence.accuracyLow.toFixed(4)} when low`,
  );
  console.log(
    'security answers by source (correct/wrong): ' +
      Object.entries(rep.securityDecisions)
        .map(([k, v]) => `${k} ${v.correct}/${v.wrong}`)
        .join(', '),
  );
  console.log('\ncategory     precision  recall     F1  support');
  for (const c of CATEGORIES) {
    const p = rep.perCategory[c];
    console.log(`${c.padEnd(11)} ${pad(p.precision.toFixed(4), 10)} ${pad(p.recall.toFixed(4), 7)} ${pad(p.f1.toFixed(4), 6)} ${pad(p.support, 8)}`);
  }
  console.log('\nconfusion (rows = expected, columns = predicted)');
  console.log(' '.repeat(11) + CATEGORIES.map((c) => pad(c.slice(0, 9), 10)).join(''));
  for (const a of CATEGORIES) console.log(a.padEnd(11) + CATEGORIES.map((b) => pad(rep.confusion[a][b], 10)).join(''));
  const targets = [
    ['accuracy >= 0.92', rep.accuracy >= 0.92],
    ['macro-F1 >= 0.90', rep.macroF1 >= 0.9],
    ['security recall >= 0.98', rep.perCategory.security.recall >= 0.98],
    ['p99 latency < 2 ms', rep.latencyMs.p99 < 2],
  ] as const;
  console.log('\ntargets: ' + targets.map(([n, ok]) => `${n} ${ok ? 'OK' : 'MISSED'}`).join('; '));
}

if (require.main === module) main();
