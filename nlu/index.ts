/**
 * PropDesk NLU: public entry point.
 *   createRecognizer({ clu?, logger? }) → Recognizer (local by default; CLU with local fallback when configured)
 *   classifyJsonLines(lines, recognizer) → JSON Lines for `propdesk classify`
 */
import { CluRecognizer, type CluOptions } from './clu-recognizer.js';
import { FallbackRecognizer } from './fallback-recognizer.js';
import { LocalRecognizer, type LocalRecognizerOptions } from './local-recognizer.js';
import type { Recognizer } from './recognizer.js';
import type { NluLogger } from './types.js';

export * from './types.js';
export { LOW_CONFIDENCE_THRESHOLD, type Recognizer } from './recognizer.js';
export { LocalRecognizer, SAFETY_RULE_CONFIDENCE, type LocalRecognizerOptions } from './local-recognizer.js';
export {
  CluRecognizer,
  CluTimeoutError,
  CluResponseError,
  CLU_DEFAULT_TIMEOUT_MS,
  CLU_SDK_API_VERSION,
  cluOptionsFromEnv,
  mapCluIntent,
  mapCluEntities,
  mapCluPrediction,
  type CluOptions,
} from './clu-recognizer.js';
export { FallbackRecognizer } from './fallback-recognizer.js';
export { classifyJsonLines } from './classify-jsonl.js';
export { extractEntities, extractAddress, parseAddress, extractPhones, extractTimes, resolveTime, extractFacilities, FACILITY_IDS, FACILITY_LABELS } from './entities/index.js';
export { isWhatIfQuestion, matchSafety, matchSeverityCues } from './safety-rules.js';
export { normalize, detectLanguage } from './features.js';
export { loadCorpus, loadModels, trainModels, defaultTrainPath, defaultHeldoutPath, type TrainedModels } from './model-store.js';

export interface CreateRecognizerOptions {
  /** Azure CLU settings; when given, CLU answers first and the local recognizer is the fallback. */
  clu?: CluOptions;
  logger?: NluLogger;
  /** Options of the local recognizer (corpus path, pre-trained models, threshold). */
  local?: LocalRecognizerOptions;
}

/** The local recognizer, or CLU with local fallback when `clu` is given (see cluOptionsFromEnv). */
export function createRecognizer(options: CreateRecognizerOptions = {}): Recognizer {
  const local = new LocalRecognizer(options.local);
  if (!options.clu) return local;
  return new FallbackRecognizer(new CluRecognizer(options.clu, local), local, options.logger);
}
