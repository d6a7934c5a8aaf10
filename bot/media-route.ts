import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import type { MediaStore } from '../store/media.js';
import { MEDIA_ROUTE_PREFIX, type MediaLinks } from './media-links.js';

/** Clients may keep a file this long (at most until its link expires); stored files never change. */
const MAX_CACHE_SECONDS = 24 * 60 * 60;

/** Served as themselves, inline; anything else goes out as a download of application/octet-stream. */
const INLINE_TYPE = /^(image\/(jpeg|png|gif|webp|bmp|heic|heif)|audio\/[\w.+-]+|video\/[\w.+-]+)$/i;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'audio/amr': 'amr',
  'audio/mpeg': 'mp3',
  'video/mp4': 'mp4',
};

export interface MediaRouteDependencies {
  media: Pick<MediaStore, 'get' | 'describe'>;
  links: MediaLinks;
  logger: Logger;
}

function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

function refuse(res: Response, status: number, error: string, message: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(status, { error, message });
}

/** `inline; filename="…"` with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'file';
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return exact === ascii ? `${kind}; filename="${ascii}"` : `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

function fileNameOf(id: string, contentType: string, stored: string | null | undefined): string {
  if (stored?.trim()) return stored.trim();
  const extension = EXTENSIONS[contentType.toLowerCase()];
  const base = id.replace(/^[^:]*:/, '') || 'file';
  return extension ? `${base}.${extension}` : base;
}

/**
 * GET and HEAD /media/:id?exp=…&sig=…: a stored file (a resident's photo) for whoever holds a link
 * the bot signed (a staff card). A missing, wrong or expired signature is 403, an unknown file 404;
 * answers never carry internals.
 */
export function mountMediaRoute(server: Server, deps: MediaRouteDependencies): void {
  const { media, links, logger } = deps;
  const serve = async (req: Request, res: Response): Promise<void> => {
    const id = String((req.params as Record<string, unknown> | undefined)?.id ?? '');
    const { exp, sig } = queryOf(req);
    const check = id ? links.check(id, exp, sig) : 'bad-signature';
    if (check !== 'ok') {
      logger.warn({ path: MEDIA_ROUTE_PREFIX, reason: check }, 'refused a media request');
      refuse(res, 403, 'Forbidden', check === 'expired' ? 'this link has expired; open the ticket card again for a fresh one' : 'this link is not valid');
      return;
    }
    try {
      const head = req.method === 'HEAD';
      const stored = head ? await media.describe(id) : await media.get(id);
      const file: (NonNullable<typeof stored> & { bytes?: Buffer }) | null = stored;
      if (!file) {
        refuse(res, 404, 'NotFound', 'no such file');
        return;
      }
      const storedType = String(file.contentType ?? '').trim();
      const inline = INLINE_TYPE.test(storedType);
      const headers: Record<string, string | number> = {
        'Content-Type': inline ? storedType : 'application/octet-stream',
        'Content-Length': file.bytes?.length ?? Number(file.size),
        'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', fileNameOf(id, storedType, file.fileName)),
        'Cache-Control': `private, max-age=${Math.min(MAX_CACHE_SECONDS, links.secondsLeft(exp!))}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Referrer-Policy': 'no-referrer',
      };
      res.writeHead(200, headers);
      res.end(head ? undefined : file.bytes);
    } catch (err) {
      logger.error({ err, path: MEDIA_ROUTE_PREFIX }, 'serving a stored file failed');
      if (!res.headersSent) refuse(res, 500, 'InternalError', 'the file could not be read');
    }
  };
  server.get(`${MEDIA_ROUTE_PREFIX}/:id`, serve);
  server.head(`${MEDIA_ROUTE_PREFIX}/:id`, serve);
}
