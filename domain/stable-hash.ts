/**
 * A small, pure, stable string hash for deterministic sampling: FNV-1a (32-bit) over the
 * UTF-8 bytes, finished with MurmurHash3's fmix32 so that near-identical keys (T-0001, T-0002)
 * spread evenly. Not for security.
 */
export function stableHash32(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8Bytes(key)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The key's hash as a number in [0, 1). */
export function stableUnitInterval(key: string): number {
  return stableHash32(key) / 0x1_0000_0000;
}

function* utf8Bytes(text: string): Generator<number> {
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) {
      yield code;
    } else if (code < 0x800) {
      yield 0xc0 | (code >> 6);
      yield 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      yield 0xe0 | (code >> 12);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    } else {
      yield 0xf0 | (code >> 18);
      yield 0x80 | ((code >> 12) & 0x3f);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    }
  }
}
