/**
 * JSON Lines classification for `propdesk classify`: input lines {"text": "...", "locale"?: "zh-CN"|"en"},
 * output lines {"text","category","severity","confidence","entities"}. A bad line yields
 * {"error": "...", "line": N} and classification continues.
 */
import type { Recognizer } from './recognizer.js';
import { LOCALES, type Locale } from './types.js';

/**
 * An array holds one line per element; any other (async) iterable is a stream of chunks
 * (e.g. process.stdin with setEncoding('utf8')) split on newlines.
 */
async function* lines(input: AsyncIterable<string | Uint8Array> | Iterable<string>): AsyncIterable<string> {
  if (Array.isArray(input)) {
    for (const item of input as string[]) yield* String(item).split(/\r?\n/);
    return;
  }
  let buf = '';
  // Buffers (process.stdin without setEncoding) are decoded as a stream so that a multi-byte
  // character split across two chunks stays intact.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    buf += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const parts = buf.split(/\r?\n/);
    buf = parts.pop()!;
    yield* parts;
  }
  if (buf !== '') yield buf;
}

export async function* classifyJsonLines(input: AsyncIterable<string | Uint8Array> | Iterable<string>, recognizer: Recognizer): AsyncIterable<string> {
  let n = 0;
  for await (const raw of lines(input)) {
    n++;
    const line = raw.trim();
    if (line === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      yield JSON.stringify({ error: `line ${n}: not valid JSON`, line: n });
      continue;
    }
    const o = obj as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || Array.isArray(o)) {
      yield JSON.stringify({ error: `line ${n}: expected a JSON object`, line: n });
      continue;
    }
    if (typeof o.text !== 'string' || o.text.trim() === '') {
      yield JSON.stringify({ error: `line ${n}: "text" must be a non-empty string`, line: n });
      continue;
    }
    if (o.locale !== undefined && !(LOCALES as readonly unknown[]).includes(o.locale)) {
      yield JSON.stringify({ error: `line ${n}: "locale" must be one of ${LOCALES.join(', ')}`, line: n });
      continue;
    }
    try {
      const r = await recognizer.recognize(o.text, o.locale as Locale | undefined);
      yield JSON.stringify({ text: o.text, category: r.category, severity: r.severity, confidence: r.confidence, entities: r.entities });
    } catch (err) {
      yield JSON.stringify({ error: `line ${n}: ${(err as Error).message ?? String(err)}`, line: n });
    }
  }
}
