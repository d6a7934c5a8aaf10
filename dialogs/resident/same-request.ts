function bigrams(text: string): Set<string> {
  const compact = text.toLowerCase().replace(/[\s\p{P}\d]+/gu, '');
  const grams = new Set<string>();
  for (let i = 0; i + 1 < compact.length; i += 1) grams.add(compact.slice(i, i + 2));
  if (compact.length === 1) grams.add(compact);
  return grams;
}

/** Character-bigram overlap (Jaccard, 0..1) of two requests; digits and punctuation do not count. */
export function requestSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return shared / (x.size + y.size - shared);
}

export const SAME_REQUEST_SIMILARITY = 0.5;
export const SAME_REQUEST_WINDOW_MS = 30 * 60_000;

export function looksLikeSameRequest(a: string, b: string): boolean {
  return requestSimilarity(a, b) >= SAME_REQUEST_SIMILARITY;
}
