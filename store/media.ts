import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';
import { mediaModel, type MediaDocument } from './models/media.js';

export type StoredMedia = MediaDocument;

const MEDIA_URL_PREFIX = 'propdesk-media:';

/** The address tickets and activities use for a stored file. */
export function mediaUrl(id: string): string {
  return `${MEDIA_URL_PREFIX}${id}`;
}

/** The stored file's id when `url` is a `propdesk-media:` address, else null. */
export function mediaIdOf(url: string | null | undefined): string | null {
  return url?.startsWith(MEDIA_URL_PREFIX) && url.length > MEDIA_URL_PREFIX.length ? url.slice(MEDIA_URL_PREFIX.length) : null;
}

/** Files received on a channel, keyed by channel + the channel's media id (a retried download stores nothing twice). */
export class MediaStore {
  private readonly media: Model<MediaDocument>;

  constructor(connection: Connection) {
    this.media = mediaModel(connection);
  }

  static idFor(channelId: string, channelMediaId: string): string {
    return `${channelId}:${channelMediaId}`;
  }

  async save(file: { channelId: string; channelMediaId: string; contentType: string; fileName?: string; bytes: Buffer }, at: Date): Promise<string> {
    const _id = MediaStore.idFor(file.channelId, file.channelMediaId);
    try {
      await this.media.create({ _id, ...file, fileName: file.fileName ?? null, size: file.bytes.length, createdAt: at });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    return _id;
  }

  /** Everything but the bytes (for HEAD). */
  async describe(id: string): Promise<Omit<StoredMedia, 'bytes'> | null> {
    return this.media.findById(id, { bytes: 0 }).lean();
  }

  async get(id: string): Promise<StoredMedia | null> {
    const document = await this.media.findById(id).lean();
    if (!document) return null;
    const stored = document.bytes as unknown as { buffer: Uint8Array } | Buffer;
    const bytes = Buffer.isBuffer(stored) ? stored : Buffer.from(stored.buffer);
    return { ...document, bytes };
  }
}
