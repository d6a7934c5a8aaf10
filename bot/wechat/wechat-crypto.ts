import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

/** `sha1(sort([token, timestamp, nonce]).join(''))`: the URL check and the plain-mode push signature. */
export function plainSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** Safe mode: `sha1(sort([token, timestamp, nonce, encrypt]).join(''))`. */
export function messageSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

/** Constant-time comparison of two strings (false at once when the lengths differ). */
export function sameText(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SignedQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  msg_signature?: string;
  encrypt_type?: string;
}

export class WeChatCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeChatCryptoError';
  }
}

/** Signature checks and the safe-mode (AES) envelope of one Official Account. */
export class WeChatCrypto {
  constructor(
    private readonly token: string,
    private readonly appId: string,
    /** Current EncodingAESKey first, then older ones still accepted for decryption. */
    private readonly aesKeys: readonly string[] = [],
  ) {}

  get safeMode(): boolean {
    return this.aesKeys.length > 0;
  }

  hasValidSignature(query: SignedQuery): boolean {
    if (!query.timestamp || !query.nonce) return false;
    return sameText(plainSignature(this.token, query.timestamp, query.nonce), query.signature);
  }

  hasValidMessageSignature(query: SignedQuery, encrypted: string): boolean {
    if (!query.timestamp || !query.nonce) return false;
    return sameText(messageSignature(this.token, query.timestamp, query.nonce, encrypted), query.msg_signature);
  }

  /** Decrypts an `Encrypt` value and checks that it was meant for our AppID. */
  decrypt(encrypted: string): string {
    // A wrong key may still "decrypt" (to garbage), so each key is tried until the AppID matches.
    for (const key of this.aesKeys) {
      let opened: { message: string; id: string };
      try {
        opened = decrypt(key, encrypted);
      } catch {
        continue;
      }
      if (sameText(this.appId, opened.id)) return opened.message;
    }
    throw new WeChatCryptoError('the message does not decrypt to our AppID with our EncodingAESKey');
  }

  /** Encrypts a passive reply; returns the `Encrypt` value and its `MsgSignature`. */
  encrypt(message: string, timestamp: string, nonce: string, random: Buffer = randomBytes(16)): { encrypted: string; signature: string } {
    const key = this.aesKeys[0];
    if (!key) throw new WeChatCryptoError('safe mode needs WECHAT_AES_KEY');
    const encrypted = encrypt(key, message, this.appId, random);
    return { encrypted, signature: messageSignature(this.token, timestamp, nonce, encrypted) };
  }
}
