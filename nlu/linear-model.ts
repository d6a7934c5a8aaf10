/**
 * Deterministic linear text classifiers over sparse string features.
 *
 * Both trainers produce the same serialisable form: per feature, one weight per label, plus a
 * bias per label. Scores are turned into probabilities with a softmax.
 *  - trainNaiveBayes: multinomial NB with Laplace smoothing (weights = log P(f|c), bias = log prior);
 *  - trainLogistic: multinomial logistic regression, SGD with L2, seeded shuffling (deterministic).
 */

export type FeatureMode = 'counts' | 'binary' | 'binary-l2';

export interface SerializedLinearModel<L extends string = string> {
  kind: 'naive-bayes' | 'logistic';
  labels: L[];
  featureMode: FeatureMode;
  /** Scores are divided by this before the softmax (calibration of NB's over-confidence). */
  temperature: number;
  bias: number[];
  /** feature → weights per label (same order as labels). */
  weights: Record<string, number[]>;
}

export interface TrainingExample<L extends string> {
  features: string[];
  label: L;
  /** Weight of the example in training (default 1). */
  weight?: number;
}

export interface Prediction<L extends string> {
  label: L;
  probability: number;
  /** All labels with probabilities, best first. */
  ranked: { label: L; probability: number }[];
}

/** Small seeded PRNG (mulberry32) for deterministic shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given generator, so training order is the same on every run. */
function shuffleInPlace(items: number[], rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function vectorize(features: string[], mode: FeatureMode): Map<string, number> {
  const m = new Map<string, number>();
  if (mode === 'counts') {
    for (const f of features) m.set(f, (m.get(f) ?? 0) + 1);
    return m;
  }
  if (mode === 'binary') {
    for (const f of features) m.set(f, 1);
    return m;
  }
  for (const f of features) m.set(f, 1);
  const norm = 1 / Math.sqrt(m.size || 1);
  for (const k of m.keys()) m.set(k, norm);
  return m;
}

export class LinearModel<L extends string> {
  readonly labels: L[];
  /** Row of each feature in `weights` (one row of `labels.length` weights per feature, in one array). */
  private readonly rows: Map<string, number>;
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;

  constructor(readonly serialized: SerializedLinearModel<L>) {
    this.labels = serialized.labels;
    this.bias = Float64Array.from(serialized.bias);
    const K = this.labels.length;
    const features = Object.keys(serialized.weights);
    this.rows = new Map();
    this.weights = new Float64Array(features.length * K);
    features.forEach((f, row) => {
      this.rows.set(f, row * K);
      const w = serialized.weights[f]!;
      for (let i = 0; i < K; i++) this.weights[row * K + i] = w[i]!;
    });
  }

  /** Whether training saw this feature. */
  knows(feature: string): boolean {
    return this.rows.has(feature);
  }

  /** Raw linear scores per label. */
  scores(features: string[]): Float64Array {
    const s = Float64Array.from(this.bias);
    const x = vectorize(features, this.serialized.featureMode);
    for (const [f, v] of x) {
      const base = this.rows.get(f);
      if (base === undefined) continue;
      for (let i = 0; i < s.length; i++) s[i]! += v * this.weights[base + i]!;
    }
    return s;
  }

  predict(features: string[]): Prediction<L> {
    const s = this.scores(features);
    const p = softmax(s, this.serialized.temperature);
    const ranked = this.labels
      .map((label, i) => ({ label, probability: p[i]! }))
      .sort((a, b) => b.probability - a.probability || this.labels.indexOf(a.label) - this.labels.indexOf(b.label));
    return { label: ranked[0]!.label, probability: ranked[0]!.probability, ranked };
  }
}

export function softmax(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of scores) if (v > max) max = v;
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp((scores[i]! - max) / temperature);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** softmax(scores) (temperature 1) written into `out`, without allocating. */
function softmaxInto(scores: Float64Array, out: Float64Array): void {
  let max = -Infinity;
  for (const v of scores) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp(scores[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export interface NaiveBayesOptions {
  alpha?: number;
  temperature?: number;
  /** Features seen fewer times than this in the whole training set are dropped. */
  minCount?: number;
  /** Count each feature once per document (binarised multinomial NB). */
  binary?: boolean;
}

export function trainNaiveBayes<L extends string>(
  labels: readonly L[],
  examples: TrainingExample<L>[],
  opts: NaiveBayesOptions = {},
): SerializedLinearModel<L> {
  const alpha = opts.alpha ?? 0.3;
  const minCount = opts.minCount ?? 1;
  const li = new Map(labels.map((l, i) => [l, i]));
  const docCount = new Array<number>(labels.length).fill(0);
  const featCount = new Map<string, number[]>();
  const total = new Array<number>(labels.length).fill(0);
  const seen = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  for (const ex of examples) {
    const c = li.get(ex.label);
    if (c === undefined) throw new Error(`unknown label ${ex.label}`);
    const ew = ex.weight ?? 1;
    docCount[c]! += ew;
    for (const f of opts.binary ? [...new Set(ex.features)] : ex.features) {
      if ((seen.get(f) ?? 0) < minCount) continue;
      let arr = featCount.get(f);
      if (!arr) featCount.set(f, (arr = new Array<number>(labels.length).fill(0)));
      arr[c]! += ew;
      total[c]! += ew;
    }
  }
  const V = featCount.size;
  const n = docCount.reduce((a, d) => a + d, 0);
  const bias = docCount.map((d) => round(Math.log((d + 1) / (n + labels.length))));
  const weights: Record<string, number[]> = {};
  const denom = total.map((t) => Math.log(t + alpha * V));
  for (const f of [...featCount.keys()].sort()) {
    const arr = featCount.get(f)!;
    weights[f] = arr.map((c, i) => round(Math.log(c + alpha) - denom[i]!));
  }
  return { kind: 'naive-bayes', labels: [...labels], featureMode: opts.binary ? 'binary' : 'counts', temperature: opts.temperature ?? 1, bias, weights };
}

export interface LogisticOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  minCount?: number;
  /** Per-label weight on the loss (e.g. to favour recall of a class). */
  classWeights?: Partial<Record<L_, number>>;
}
type L_ = string;

/**
 * Multinomial logistic regression by SGD. Deterministic: fixed seed, examples in a seeded
 * shuffle per epoch, features iterated in sorted order. Sparse L2 via lazy scaling is not
 * needed at this size; we apply L2 to touched weights only.
 */
export function trainLogistic<L extends string>(
  labels: readonly L[],
  examples: TrainingExample<L>[],
  opts: LogisticOptions = {},
): SerializedLinearModel<L> {
  const epochs = opts.epochs ?? 12;
  const lr0 = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-5;
  const minCount = opts.minCount ?? 1;
  const K = labels.length;
  const li = new Map(labels.map((l, i) => [l, i]));
  // Each example's distinct features in sorted order (default string order, as before), computed once.
  const distinct = examples.map((ex) => [...new Set(ex.features)].sort());
  const seen = new Map<string, number>();
  for (const fs of distinct) for (const f of fs) seen.set(f, (seen.get(f) ?? 0) + 1);
  const vocab = [...seen.keys()].filter((f) => seen.get(f)! >= minCount).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const W = new Float64Array(vocab.length * K);
  const b = new Float64Array(K);
  // Binary features scaled to unit L2 norm over the distinct features (as vectorize(…, 'binary-l2')).
  const data = examples.map((ex, n) => {
    const fs = distinct[n]!;
    const v = 1 / Math.sqrt(fs.length || 1);
    const idx: number[] = [];
    const val: number[] = [];
    for (const f of fs) {
      const i = index.get(f);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      }
    }
    const y = li.get(ex.label);
    if (y === undefined) throw new Error(`unknown label ${ex.label}`);
    const cw = (opts.classWeights?.[ex.label] ?? 1) * (ex.weight ?? 1);
    return { idx, val, y, cw };
  });
  const rand = seededRandom(opts.seed ?? 42);
  const order = data.map((_, i) => i);
  // Typed copies of the sparse rows and a reused probability buffer: same arithmetic, fewer allocations.
  const rows = data.map((d) => ({ idx: Int32Array.from(d.idx, (i) => i * K), val: Float64Array.from(d.val), y: d.y, cw: d.cw }));
  const s = new Float64Array(K);
  const p = new Float64Array(K);
  const lg = new Float64Array(K);
  let step = 0;
  const totalSteps = epochs * data.length;
  for (let e = 0; e < epochs; e++) {
    shuffleInPlace(order, rand);
    for (const oi of order) {
      const d = rows[oi]!;
      const n = d.idx.length;
      const lr = lr0 * (1 - step / totalSteps) + 1e-3;
      step++;
      for (let k = 0; k < K; k++) s[k] = b[k]!;
      for (let t = 0; t < n; t++) {
        const base = d.idx[t]!;
        const v = d.val[t]!;
        for (let k = 0; k < K; k++) s[k]! += v * W[base + k]!;
      }
      softmaxInto(s, p);
      const decay = 1 - lr * l2;
      for (let k = 0; k < K; k++) {
        const g = d.cw * ((k === d.y ? 1 : 0) - p[k]!);
        b[k]! += lr * g;
        lg[k] = lr * g;
      }
      // Each touched weight gets the same update as before; rows are walked in memory order.
      for (let t = 0; t < n; t++) {
        const base = d.idx[t]!;
        const v = d.val[t]!;
        for (let k = 0; k < K; k++) W[base + k] = W[base + k]! * decay + lg[k]! * v;
      }
    }
  }
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const w = Array.from(W.subarray(i * K, i * K + K), round);
    if (w.some((v) => v !== 0)) weights[f] = w;
  });
  return { kind: 'logistic', labels: [...labels], featureMode: 'binary-l2', temperature: 1, bias: Array.from(b, round), weights };
}

/**
 * NB-weighted logistic regression ("NBSVM" with a logistic loss, Wang & Manning 2012): one
 * binary classifier per label over binary features scaled by the naive-Bayes log-count ratio
 * of that label against the rest. The effective model is still linear in the features, so it
 * is stored in the same form (weight = learned weight × ratio); scores go through a softmax.
 */
export function trainNbLogistic<L extends string>(
  labels: readonly L[],
  examples: TrainingExample<L>[],
  opts: LogisticOptions & { alpha?: number } = {},
): SerializedLinearModel<L> {
  const epochs = opts.epochs ?? 10;
  const lr0 = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-5;
  const alpha = opts.alpha ?? 1;
  const K = labels.length;
  const li = new Map(labels.map((l, i) => [l, i]));
  const docs = examples.map((ex) => ({ set: [...new Set(ex.features)].sort(), y: li.get(ex.label)! }));
  const vocab = [...new Set(docs.flatMap((d) => d.set))].sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const V = vocab.length;
  // counts[f*K + k]: documents of label k containing f
  const counts = new Float64Array(V * K);
  for (const d of docs) for (const f of d.set) counts[index.get(f)! * K + d.y]!++;
  const totalPerFeature = new Float64Array(V);
  for (let f = 0; f < V; f++) for (let k = 0; k < K; k++) totalPerFeature[f]! += counts[f * K + k]!;
  const ratio = new Float64Array(V * K);
  for (let k = 0; k < K; k++) {
    let pSum = 0;
    let qSum = 0;
    for (let f = 0; f < V; f++) {
      pSum += counts[f * K + k]! + alpha;
      qSum += totalPerFeature[f]! - counts[f * K + k]! + alpha;
    }
    for (let f = 0; f < V; f++) {
      const p = (counts[f * K + k]! + alpha) / pSum;
      const q = (totalPerFeature[f]! - counts[f * K + k]! + alpha) / qSum;
      ratio[f * K + k] = Math.log(p / q);
    }
  }
  const data = docs.map((d) => {
    const idx = d.set.map((f) => index.get(f)!);
    const norm = 1 / Math.sqrt(idx.length || 1);
    return { idx, norm, y: d.y };
  });
  const W = new Float64Array(V * K);
  const b = new Float64Array(K);
  const rand = seededRandom(opts.seed ?? 7);
  const order = data.map((_, i) => i);
  const totalSteps = epochs * data.length;
  let step = 0;
  for (let e = 0; e < epochs; e++) {
    shuffleInPlace(order, rand);
    for (const oi of order) {
      const d = data[oi]!;
      const lr = lr0 * (1 - step / totalSteps) + 1e-3;
      step++;
      for (let k = 0; k < K; k++) {
        let z = b[k]!;
        for (const f of d.idx) z += W[f * K + k]! * ratio[f * K + k]! * d.norm;
        const p = 1 / (1 + Math.exp(-z));
        const y = d.y === k ? 1 : 0;
        const cw = opts.classWeights?.[labels[k]!] ?? 1;
        const g = cw * (y - p);
        b[k]! += lr * g;
        for (const f of d.idx) {
          const wi = f * K + k;
          W[wi] = W[wi]! * (1 - lr * l2) + lr * g * ratio[wi]! * d.norm;
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const w = Array.from({ length: K }, (_, k) => round(W[i * K + k]! * ratio[i * K + k]!));
    if (w.some((v) => v !== 0)) weights[f] = w;
  });
  return { kind: 'logistic', labels: [...labels], featureMode: 'binary-l2', temperature: 1, bias: Array.from(b, round), weights };
}
