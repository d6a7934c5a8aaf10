/**
 * Corpus loading and model training. Training on the labelled corpus (nlu/corpus/train.jsonl; the
 * held-out split is never read here) is deterministic; its result for the default corpus and
 * options is committed as nlu/model/model.json (regenerate: `npm run nlu:train`), which start-up
 * loads instead of training when it matches the corpus. Models are cached per corpus file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractFeatures } from './features.js';
import { trainLogistic, trainNaiveBayes, trainNbLogistic, type SerializedLinearModel } from './linear-model.js';
import { matchSafety } from './safety-rules.js';
import { trainSeverityModel } from './severity.js';
import { CATEGORIES, LOCALES, isCategory, isSeverity, type Category, type CorpusItem, type Locale, type Severity } from './types.js';

/** The package root: dist/nlu/model-store.js → ../..; also works when run from sources (nlu/ → ..). */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..', '..');
}

export function corpusDir(): string {
  return path.join(packageRoot(), 'nlu', 'corpus');
}

/** train.jsonl when present and non-empty, else the small development sample. */
export function defaultTrainPath(): string {
  const train = path.join(corpusDir(), 'train.jsonl');
  if (existsSync(train) && statSync(train).size > 0) return train;
  return path.join(corpusDir(), 'dev-sample.jsonl');
}

/** The committed pre-trained model: what trainModels gives for the default corpus and options. */
export function defaultModelPath(): string {
  return path.join(packageRoot(), 'nlu', 'model', 'model.json');
}

export function defaultHeldoutPath(): string {
  return path.join(corpusDir(), 'heldout.jsonl');
}

/** Parses JSON Lines corpus text; throws with the line number on a bad line. */
export function parseCorpus(text: string, source = 'corpus'): CorpusItem[] {
  const items: CorpusItem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    const r = o as Record<string, unknown>;
    if (typeof r.text !== 'string' || r.text.trim() === '') throw new Error(`${source}:${i + 1}: "text" must be a non-empty string`);
    if (!isCategory(r.category)) throw new Error(`${source}:${i + 1}: bad "category" ${JSON.stringify(r.category)}`);
    const severity = r.severity ?? null;
    if (severity !== null && !isSeverity(severity)) throw new Error(`${source}:${i + 1}: bad "severity" ${JSON.stringify(r.severity)}`);
    const locale: Locale = (LOCALES as readonly string[]).includes(r.locale as string) ? (r.locale as Locale) : 'zh-CN';
    items.push({ text: r.text, category: r.category, severity: r.category === 'complaint' ? (severity as Severity | null) : null, locale });
  });
  return items;
}

export function loadCorpus(file: string): CorpusItem[] {
  return parseCorpus(readFileSync(file, 'utf8'), path.basename(file));
}

/**
 * logistic: multinomial LR; naive-bayes: multinomial NB; nb-logistic: NB-weighted one-vs-rest LR;
 * ensemble (default): LR and NB probabilities averaged — best on the held-out split and in CV.
 */
export type ModelKind = 'logistic' | 'naive-bayes' | 'nb-logistic' | 'ensemble';

export interface TrainOptions {
  kind?: ModelKind;
  epochs?: number;
  l2?: number;
  learningRate?: number;
  /** Extra loss weight on security examples (recall of life-safety messages matters most). */
  securityWeight?: number;
  /** Ensemble: weight of the naive-Bayes probabilities (LR gets the rest). */
  nbWeight?: number;
  /** Naive-Bayes smoothing. */
  nbAlpha?: number;
  /**
   * Training weight of items on which a life-safety rule fires (matchSafety non-empty). The rules
   * decide those messages at run time whatever the model says, so the model mostly has to learn
   * the rest; a low weight keeps danger words from pulling ordinary complaints and repairs to security.
   */
  ruleCoveredWeight?: number;
  /** Naive-Bayes softmax temperature (> 1 softens its over-confident probabilities). */
  nbTemperature?: number;
  /** Binarised multinomial NB (each feature counted once per message). */
  nbBinary?: boolean;
}

export interface TrainedModels {
  category: SerializedLinearModel<Category>;
  /** Ensemble only: a second model whose probabilities are averaged with the first. */
  secondary?: SerializedLinearModel<Category>;
  /** Weight of the secondary model in the average. */
  secondaryWeight?: number;
  severity: SerializedLinearModel<Severity> | null;
  meta: { trainedOn: string; items: number; corpusSha256: string; kind: ModelKind };
}

/** Naive Bayes smoothing; 0.1 was best in cross-validation on the training split (0.01–2 tried). */
const NB_ALPHA = 0.1;
const NB_TEMPERATURE = 1;
/** Weight of the NB probabilities in the ensemble (LR gets the rest). */
const ENSEMBLE_NB_WEIGHT = 0.4;

export const DEFAULT_TRAIN_OPTIONS: Required<TrainOptions> = {
  kind: 'ensemble',
  epochs: 15,
  l2: 1e-6,
  learningRate: 0.8,
  securityWeight: 2,
  nbWeight: ENSEMBLE_NB_WEIGHT,
  nbAlpha: NB_ALPHA,
  ruleCoveredWeight: 1,
  nbTemperature: NB_TEMPERATURE,
  nbBinary: false,
};

export function trainModels(items: readonly CorpusItem[], opts: TrainOptions = {}, trainedOn = 'memory'): TrainedModels {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...opts };
  const covered = o.ruleCoveredWeight !== 1 ? items.map((i) => matchSafety(i.text).length > 0) : null;
  const examples = items.map((i, n) => ({
    features: extractFeatures(i.text),
    label: i.category,
    weight: covered?.[n] ? o.ruleCoveredWeight : 1,
  }));
  const nb = () => trainNaiveBayes(CATEGORIES, examples, { alpha: o.nbAlpha, temperature: o.nbTemperature, binary: o.nbBinary });
  const lr = () =>
    trainLogistic(CATEGORIES, examples, {
      epochs: o.epochs,
      l2: o.l2,
      learningRate: o.learningRate,
      seed: 20240601,
      classWeights: { security: o.securityWeight },
    });
  const nblr = () =>
    trainNbLogistic(CATEGORIES, examples, { epochs: o.epochs, l2: o.l2, learningRate: o.learningRate, seed: 20240601, classWeights: { security: o.securityWeight } });
  const category = o.kind === 'naive-bayes' ? nb() : o.kind === 'nb-logistic' ? nblr() : lr();
  const extra = o.kind === 'ensemble' ? { secondary: nb(), secondaryWeight: o.nbWeight } : {};
  return {
    category,
    ...extra,
    severity: trainSeverityModel(items),
    meta: { trainedOn, items: items.length, corpusSha256: corpusSha256(items), kind: o.kind },
  };
}

/** Digest of the labelled items a model is trained on (text, category, severity). */
export function corpusSha256(items: readonly CorpusItem[]): string {
  const hash = createHash('sha256');
  for (const i of items) hash.update(`${i.text}\t${i.category}\t${i.severity ?? ''}\n`);
  return hash.digest('hex');
}

/** The committed model file: format version, the training options used, the models. */
interface ModelFile {
  format: 1;
  options: Required<TrainOptions>;
  models: TrainedModels;
}

function serializeLinear(m: SerializedLinearModel<string>, indent: string): string {
  const { weights, ...rest } = m;
  const head = JSON.stringify(rest).slice(0, -1);
  const rows = Object.keys(weights).map((f) => `${indent}  ${JSON.stringify(f)}: ${JSON.stringify(weights[f])}`);
  return `${head},"weights":{\n${rows.join(',\n')}\n${indent}}}`;
}

/**
 * The model file text for trained models: deterministic, one feature per line (readable diffs).
 * `npm run nlu:train` writes it; a test checks the committed file equals what training gives.
 */
export function serializeModelFile(models: TrainedModels, options: Required<TrainOptions> = DEFAULT_TRAIN_OPTIONS): string {
  const parts = [
    `"format": 1`,
    `"options": ${JSON.stringify(options)}`,
    `"meta": ${JSON.stringify(models.meta)}`,
    `"category": ${serializeLinear(models.category, '')}`,
  ];
  if (models.secondary) parts.push(`"secondary": ${serializeLinear(models.secondary, '')}`, `"secondaryWeight": ${JSON.stringify(models.secondaryWeight)}`);
  parts.push(`"severity": ${models.severity ? serializeLinear(models.severity, '') : 'null'}`);
  return `{\n${parts.join(',\n')}\n}\n`;
}

function parseModelFile(text: string): ModelFile {
  const o = JSON.parse(text) as Record<string, unknown> & { meta: TrainedModels['meta'] };
  if (o.format !== 1) throw new Error(`unsupported model file format ${String(o.format)}`);
  const models: TrainedModels = {
    category: o.category as TrainedModels['category'],
    severity: o.severity as TrainedModels['severity'],
    meta: o.meta,
  };
  if (o.secondary) {
    models.secondary = o.secondary as TrainedModels['category'];
    models.secondaryWeight = o.secondaryWeight as number;
  }
  return { format: 1, options: o.options as Required<TrainOptions>, models };
}

/** Trains on the default corpus with the default options and writes the model file (`npm run nlu:train`). */
export function writeDefaultModel(file = defaultModelPath()): TrainedModels {
  const corpus = defaultTrainPath();
  const models = trainModels(loadCorpus(corpus), {}, path.relative(packageRoot(), corpus).split(path.sep).join('/'));
  writeFileSync(file, serializeModelFile(models));
  return models;
}

/**
 * The committed model when it was trained on exactly these items with these options; null when it
 * is missing or stale (then the caller trains).
 */
export function loadPretrained(items: readonly CorpusItem[], opts: Required<TrainOptions>, file = defaultModelPath()): TrainedModels | null {
  if (!existsSync(file)) return null;
  const m = parseModelFile(readFileSync(file, 'utf8'));
  if (JSON.stringify(m.options) !== JSON.stringify(opts)) return null;
  if (m.models.meta.items !== items.length || m.models.meta.corpusSha256 !== corpusSha256(items)) return null;
  return m.models;
}

const cache = new Map<string, TrainedModels>();

/**
 * Models for a corpus file (cached per file, size and mtime): the committed pre-trained model
 * (nlu/model/model.json) when it was trained on exactly this corpus with these options —
 * milliseconds instead of a second of training — else trained now.
 */
export function loadModels(file = defaultTrainPath(), opts: TrainOptions = {}): TrainedModels {
  const st = statSync(file);
  const key = `${file}|${st.size}|${st.mtimeMs}|${JSON.stringify(opts)}`;
  let m = cache.get(key);
  if (!m) {
    const items = loadCorpus(file);
    m = loadPretrained(items, { ...DEFAULT_TRAIN_OPTIONS, ...opts }) ?? trainModels(items, opts, path.relative(packageRoot(), file).split(path.sep).join('/'));
    cache.set(key, m);
  }
  return m;
}
