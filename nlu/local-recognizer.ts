/**
 * The default recognizer: no network. A linear classifier over character / word n-grams,
 * the life-safety rule layer on top, complaint severity from rules + a small classifier, and
 * rule-based entity extraction.
 */
import { extractEntities } from './entities/index.js';
import { CJK, detectLanguage, extractFeatures } from './features.js';
import { LinearModel } from './linear-model.js';
import { loadModels, type TrainedModels, type TrainOptions } from './model-store.js';
import { LOW_CONFIDENCE_THRESHOLD, type Recognizer } from './recognizer.js';
import { CONVENTION_RULES } from './conventions.js';
import { hasUrgency, isClaim, matchSafety, matchSeverityCues } from './safety-rules.js';
import { SeverityClassifier } from './severity.js';
import type { Alternative, Category, Locale, RecognizerResult } from './types.js';

/** Confidence given to a category forced by a life-safety rule (when the model was less sure). */
export const SAFETY_RULE_CONFIDENCE = 0.95;
/**
 * The model's security probability at which security is chosen even if another category scores higher —
 * only for a message with an explicit call for urgent help (see hasUrgency).
 */
export const SECURITY_PREFERENCE = 0.3;

export interface LocalRecognizerOptions {
  /** Trained models; default: train from the corpus (nlu/corpus/train.jsonl). */
  models?: TrainedModels;
  corpusPath?: string;
  train?: TrainOptions;
  lowConfidenceThreshold?: number;
  /** Override of SECURITY_PREFERENCE (for tuning by cross-validation). */
  securityPreference?: number;
}

export class LocalRecognizer implements Recognizer {
  readonly models: TrainedModels;
  private readonly category: LinearModel<Category>;
  private readonly secondary: LinearModel<Category> | null;
  private readonly severity: SeverityClassifier;
  private readonly threshold: number;
  private readonly securityPreference: number;

  constructor(opts: LocalRecognizerOptions = {}) {
    this.models = opts.models ?? loadModels(opts.corpusPath, opts.train);
    this.category = new LinearModel(this.models.category);
    this.secondary = this.models.secondary ? new LinearModel(this.models.secondary) : null;
    this.severity = new SeverityClassifier(this.models.severity);
    this.threshold = opts.lowConfidenceThreshold ?? LOW_CONFIDENCE_THRESHOLD;
    this.securityPreference = opts.securityPreference ?? SECURITY_PREFERENCE;
  }

  async recognize(text: string, locale?: Locale): Promise<RecognizerResult> {
    return this.recognizeSync(text, locale);
  }

  /** Synchronous variant (the work is CPU-only and takes well under a millisecond). */
  recognizeSync(text: string, locale?: Locale): RecognizerResult {
    const features = extractFeatures(text);
    let alternatives = this.category.predict(features).ranked.map((r): Alternative => ({ category: r.label, confidence: r.probability }));
    if (this.secondary) {
      const w = this.models.secondaryWeight ?? 0.5;
      const second = new Map(this.secondary.predict(features).ranked.map((r) => [r.label, r.probability]));
      alternatives = alternatives
        .map((a) => ({ category: a.category, confidence: (1 - w) * a.confidence + w * (second.get(a.category) ?? 0) }))
        .sort((a, b) => b.confidence - a.confidence);
    }
    const rules: string[] = [];
    // Recall first for life safety: a security probability above SECURITY_PREFERENCE wins even when not the
    // top one if the message calls for urgent help — unless it carries a complaint signal (damage claim, severity cue).
    const sec = alternatives.find((a) => a.category === 'security')!;
    const severityCue = matchSeverityCues(text);
    const complaintSignal = isClaim(text) || severityCue !== null;
    if (alternatives[0]!.category !== 'security' && sec.confidence >= this.securityPreference && hasUrgency(text) && !complaintSignal) {
      alternatives = [sec, ...alternatives.filter((a) => a !== sec)];
      rules.push('model:security-preference');
    }
    const safety = matchSafety(text);
    if (safety.length > 0) {
      rules.push(...safety.map((s) => `security:${s}`));
      alternatives = forceCategory(alternatives, 'security', SAFETY_RULE_CONFIDENCE);
    }
    // A charge against the service (多次反映, 没人管, 推诿, 拖着 …) makes a repair, question or remark a complaint (labelling conventions).
    if (severityCue?.severity === 'important' && safety.length === 0 && !COMPLAINT_OR_SECURITY.has(alternatives[0]!.category)) {
      alternatives = forceCategory(alternatives, 'complaint', alternatives.find((a) => a.category === 'complaint')!.confidence);
      rules.push('complaint:charge-cue');
    }
    // Labelling conventions the model cannot learn alone (slow-but-working is a complaint, praise and paid services are other …).
    if (safety.length === 0) {
      for (const convention of CONVENTION_RULES) {
        if (!convention.from.has(alternatives[0]!.category) || !convention.applies(text, severityCue)) continue;
        alternatives = forceCategory(alternatives, convention.to, alternatives[0]!.confidence);
        rules.push(convention.name);
      }
    }
    const top = alternatives[0]!;
    const result = this.finish(text, locale, top.category, alternatives, rules, 'local');
    if (this.isUnfamiliar(text, features)) result.unfamiliar = true;
    return result;
  }

  /** Latin letters that spell nothing and share no word with the corpus ("asdfghjkl"): the desk explains how to ask. */
  isUnfamiliar(text: string, features?: string[]): boolean {
    if (!looksLikeNonsense(text)) return false;
    return !(features ?? extractFeatures(text)).some((f) => isWordFeature(f) && this.category.knows(f));
  }

  /** Builds a full result for a decided category (also used by the CLU recognizer). */
  finish(
    text: string,
    locale: Locale | undefined,
    category: Category,
    alternatives: Alternative[],
    rules: string[],
    source: 'local' | 'clu',
  ): RecognizerResult {
    const confidence = alternatives.find((a) => a.category === category)?.confidence ?? 0;
    let severity: RecognizerResult['severity'] = null;
    if (category === 'complaint') {
      const s = this.severity.classify(text);
      severity = s.severity;
      rules = [...rules, ...s.rules];
    }
    return {
      category,
      severity,
      confidence: round(confidence),
      lowConfidence: confidence < this.threshold,
      alternatives: alternatives.map((a) => ({ category: a.category, confidence: round(a.confidence) })),
      entities: extractEntities(text),
      language: locale ?? detectLanguage(text),
      source,
      rules,
    };
  }
}

const FILLER = new Set(['blah', 'bla', 'lol', 'haha', 'hmm', 'hmmm', 'asdf', 'qwerty', 'test', 'testing', 'abc', 'xyz', 'foo', 'bar']);

/**
 * Latin letters only, and every word a lone letter, a filler, or something no language spells (no
 * vowel, five consonants in a row): "x", "asdfghjkl", "blah blah". Real words the corpus lacks ("mold",
 * "termites", "loo"), Chinese and emoji are not nonsense.
 */
function looksLikeNonsense(text: string): boolean {
  if (CJK.test(text)) return false;
  const words = text.toLowerCase().match(/[a-z]+/g);
  if (!words) return false;
  return words.every((w) => w.length === 1 || FILLER.has(w) || !/[aeiouy]/.test(w) || /[^aeiouy]{5,}/.test(w));
}

/** Characters, character pairs and words; not concepts, length buckets, numbers or punctuation. */
function isWordFeature(feature: string): boolean {
  return !/^(?:c:|len:|#$|\?$|!)/.test(feature);
}

const COMPLAINT_OR_SECURITY: ReadonlySet<Category> = new Set(['complaint', 'security']);

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

/**
 * Puts `category` first with at least `floor` confidence; the others share the rest in their
 * original proportions.
 */
export function forceCategory(alts: Alternative[], category: Category, floor: number): Alternative[] {
  const current = alts.find((a) => a.category === category)?.confidence ?? 0;
  const conf = Math.max(current, floor);
  const others = alts.filter((a) => a.category !== category);
  const rest = others.reduce((s, a) => s + a.confidence, 0);
  const scaled = others.map((a) => ({ category: a.category, confidence: rest > 0 ? (a.confidence / rest) * (1 - conf) : (1 - conf) / others.length }));
  return [{ category, confidence: conf }, ...scaled.sort((a, b) => b.confidence - a.confidence)];
}
