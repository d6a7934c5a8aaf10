/**
 * Regenerates the committed pre-trained NLU model (nlu/model/model.json) from the training corpus:
 *   npm run nlu:train
 * Run it after changing nlu/corpus/train.jsonl, the features or the training options; a test
 * fails while the committed file differs from what training gives.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultModelPath, packageRoot, writeDefaultModel } from '../../nlu/model-store.js';

const t0 = performance.now();
const models = writeDefaultModel();
console.log(`${path.relative(packageRoot(), defaultModelPath())}: ${models.meta.items} items (${models.meta.trainedOn}), ${Object.keys(models.category.weights).length} features, trained in ${(performance.now() - t0).toFixed(0)} ms`);
