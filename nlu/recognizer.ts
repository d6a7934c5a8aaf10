import type { Locale, RecognizerResult } from './types.js';

/** Text (+ locale) → category, complaint severity, confidence, alternatives, entities, language. */
export interface Recognizer {
  recognize(text: string, locale?: Locale): Promise<RecognizerResult>;
}

/**
 * Below this confidence the result carries `lowConfidence: true` and the dialog asks the
 * resident to choose among `alternatives`.
 */
export const LOW_CONFIDENCE_THRESHOLD = 0.55;
