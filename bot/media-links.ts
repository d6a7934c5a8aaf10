import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { mediaIdOf } from '../store/media.js';

/** Where the HTTP server serves stored media: `GET /media/<id>?exp=<unix seconds>&sig=<signature>`. */
export const MEDIA_ROUTE_PREFIX = '/media';

/** How long a link in a card stays valid; cards are rendered afresh (with fresh links) whenever the ticket changes. */
export const MEDIA_LINK_DAYS = 30;

const DAY_SECONDS = 24 * 60 * 60;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const EXPIRY_PATTERN = /^\d{1,12}$/;

/** A ticket attachment as stored (`url` may be `propdesk-media:<id>`). */
export interface PhotoAttachment {
  contentType?: string;
  url?: string | null;
  name?: string | null;
}

/** The address a chat client can load a photo from, or null when there is none. */
export type PhotoUrl = (attachment: PhotoAttachment) => string | null;

/** Without media links: the attachment's own http(s) or data: address; a stored file (`propdesk-media:`) has none a client can load. */
export const directPhotoUrl: PhotoUrl = (attachment) => {
  const url = attachment.url ?? '';
  return /^(https?:\/\/|data:image\/)/i.test(url) ? url : null;
};

export type MediaLinkCheck = 'ok' | 'bad-signature' | 'expired';

/**
 * Signed, expiring links to stored media: `<PROPDESK_PUBLIC_URL>/media/<id>?exp=<unix seconds>&sig=<s>`
 * with s = HMAC-SHA256(secret, "media-v1:" + exp + ":" + id) in base64url. Whoever holds a link (the
 * staff whose card shows it) can load that one file until it expires; nothing else can be fetched.
 */
export class MediaLinks {
  private readonly key: Buffer;

  constructor(
    secret: string,
    /** PROPDESK_PUBLIC_URL without a trailing slash; without it no link can be made (cards then skip stored photos). */
    private readonly publicUrl: string | undefined,
    private readonly clock: Clock,
  ) {
    if (!secret) throw new Error('a media link secret is required');
    this.key = Buffer.from(secret, 'utf8');
  }

  /** True when links can be made (PROPDESK_PUBLIC_URL is set). */
  get enabled(): boolean {
    return this.publicUrl !== undefined;
  }

  /**
   * An absolute link to the stored file, valid for at least `days` days: the expiry is rounded up to
   * the next whole UTC day, so a card rendered again the same day carries the same links (clients cache them).
   */
  link(id: string, days = MEDIA_LINK_DAYS): string | null {
    if (this.publicUrl === undefined) return null;
    const nowSeconds = Math.floor(this.clock().getTime() / 1000);
    const exp = Math.ceil((nowSeconds + days * DAY_SECONDS) / DAY_SECONDS) * DAY_SECONDS;
    return `${this.publicUrl}${MEDIA_ROUTE_PREFIX}/${encodeURIComponent(id)}?exp=${exp}&sig=${this.signature(id, exp)}`;
  }

  /** Stored files get a signed link (or null without PROPDESK_PUBLIC_URL); http(s) addresses stay as they are. */
  readonly photoUrl: PhotoUrl = (attachment) => {
    const id = mediaIdOf(attachment.url);
    return id === null ? directPhotoUrl(attachment) : this.link(id);
  };

  /** Checks a request's `exp` and `sig` for the file `id`: the signature first (in constant time), then the expiry. */
  check(id: string, exp: unknown, sig: unknown): MediaLinkCheck {
    if (typeof exp !== 'string' || typeof sig !== 'string' || !EXPIRY_PATTERN.test(exp) || !SIGNATURE_PATTERN.test(sig)) return 'bad-signature';
    const expected = Buffer.from(this.signature(id, Number(exp)), 'utf8');
    const given = Buffer.from(sig, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature';
    return Number(exp) * 1000 <= this.clock().getTime() ? 'expired' : 'ok';
  }

  /** Seconds the link with this `exp` stays valid (0 once expired). */
  secondsLeft(exp: string): number {
    return Math.max(0, Number(exp) - Math.floor(this.clock().getTime() / 1000));
  }

  private signature(id: string, exp: number): string {
    return createHmac('sha256', this.key).update(`media-v1:${exp}:${id}`, 'utf8').digest('base64url');
  }
}
