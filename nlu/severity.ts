/**
 * Complaint severity: the rule layer (major / important cues) first, then a small classifier
 * trained on the complaint items of the corpus; `minor` when neither has anything to say.
 */
import { extractFeatures } from './features.js';
import { LinearModel, trainNaiveBayes, type SerializedLinearModel } from './linear-model.js';
import { matchSeverityCues } from './safety-rules.js';
import { SEVERITIES, type CorpusItem, type Severity } from './types.js';

export interface SeverityDecision {
  severity: Severity;
  confidence: number;
  /** "severity:major:受伤" etc. when a rule decided. */
  rules: string[];
}

export function trainSeverityModel(items: readonly CorpusItem[]): SerializedLinearModel<Severity> | null {
  const examples = items
    .filter((i) => i.category === 'complaint' && i.severity !== null)
    .map((i) => ({ features: extractFeatures(i.text), label: i.severity as Severity }));
  if (examples.length === 0) return null;
  return trainNaiveBayes(SEVERITIES, examples, { alpha: 0.5, temperature: 2 });
}

export class SeverityClassifier {
  private readonly model: LinearModel<Severity> | null;

  constructor(serialized: SerializedLinearModel<Severity> | null) {
    this.model = serialized ? new LinearModel(serialized) : null;
  }

  classify(text: string): SeverityDecision {
    const cue = matchSeverityCues(text);
    if (cue) return { severity: cue.severity, confidence: 0.95, rules: cue.names.map((n) => `severity:${cue.severity}:${n}`) };
    if (!this.model) return { severity: 'minor', confidence: 0.5, rules: [] };
    const p = this.model.predict(extractFeatures(text));
    return { severity: p.label, confidence: p.probability, rules: [] };
  }
}
