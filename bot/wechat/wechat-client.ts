import type { Clock } from '../../domain/clock.js';

export const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** The 48-hour customer-service window is closed (45015) or its quota used up (45047). */
export const WINDOW_CLOSED_ERRORS = new Set([45015, 45047]);
export const NOT_SUBSCRIBED = 43004;

/** Refresh this long before the token expires. */
const REFRESH_EARLY_MS = 5 * 60_000;

export class WeChatApiError extends Error {
  /** True when retrying cannot help (closed window, quota, unsubscribed): staff must phone the resident. */
  readonly permanent: boolean;

  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(describeApiError(errcode, errmsg, path));
    this.name = 'WeChatApiError';
    this.permanent = WINDOW_CLOSED_ERRORS.has(errcode) || errcode === NOT_SUBSCRIBED;
  }
}

function describeApiError(errcode: number, errmsg: string, path: string): string {
  if (WINDOW_CLOSED_ERRORS.has(errcode)) {
    return `undeliverable on WeChat (${errcode} ${errmsg}): the customer-service window is closed or its quota used; staff should phone the resident`;
  }
  if (errcode === NOT_SUBSCRIBED) return `undeliverable on WeChat (43004 ${errmsg}): the resident has unfollowed the account; staff should phone the resident`;
  return `WeChat ${path} failed: ${errcode} ${errmsg}`;
}

export interface WeChatClientOptions {
  appId: string;
  appSecret: string;
  apiBase: string;
  clock?: Clock;
}

export interface DownloadedMedia {
  bytes: Buffer;
  contentType: string;
  fileName?: string;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** The Official Account API: stable access token (cached, one refresh in flight), customer-service messages, media. */
export class WeChatClient {
  private cached: CachedToken | undefined;
  private refreshing: Promise<CachedToken> | undefined;
  private readonly clock: Clock;
  private readonly apiBase: string;

  constructor(private readonly options: WeChatClientOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.apiBase = options.apiBase.replace(/\/+$/, '');
  }

  async accessToken(): Promise<string> {
    const now = this.clock().getTime();
    if (this.cached && this.cached.expiresAt - REFRESH_EARLY_MS > now) return this.cached.token;
    return (await this.refresh(false)).token;
  }

  /** One refresh at a time per process; `force` asks stable_token for a new token (after 40001 with an unchanged one). */
  private refresh(force: boolean): Promise<CachedToken> {
    this.refreshing ??= this.fetchToken(force).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async fetchToken(force: boolean): Promise<CachedToken> {
    const body = { grant_type: 'client_credential', appid: this.options.appId, secret: this.options.appSecret, force_refresh: force };
    const answer = await this.postJson('/cgi-bin/stable_token', body);
    if (typeof answer.access_token !== 'string') throw new WeChatApiError(Number(answer.errcode ?? -1), String(answer.errmsg ?? 'no access_token'), '/cgi-bin/stable_token');
    const cached = { token: answer.access_token, expiresAt: this.clock().getTime() + Number(answer.expires_in ?? 7200) * 1000 };
    this.cached = cached;
    return cached;
  }

  /** Runs a call with the current token; on an invalid or expired token, refetches it and retries once. */
  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof WeChatApiError) || !TOKEN_ERRORS.has(err.errcode)) throw err;
      if (this.cached?.token === token) this.cached = undefined;
      let fresh = await this.accessToken();
      if (fresh === token) fresh = (await this.refresh(true)).token;
      return call(fresh);
    }
  }

  /** POST /cgi-bin/message/custom/send. */
  async sendCustomMessage(message: Record<string, unknown>): Promise<void> {
    await this.withToken(async (token) => {
      const answer = await this.postJson(`/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`, message);
      throwOnError(answer, '/cgi-bin/message/custom/send');
    });
  }

  /** GET /cgi-bin/media/get: the bytes of an image or a voice message (errors come back as JSON). */
  async downloadMedia(mediaId: string): Promise<DownloadedMedia> {
    return this.withToken(async (token) => {
      const response = await fetch(`${this.apiBase}/cgi-bin/media/get?access_token=${encodeURIComponent(token)}&media_id=${encodeURIComponent(mediaId)}`);
      const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new WeChatApiError(-1, `HTTP ${response.status}`, '/cgi-bin/media/get');
      if (/json|text\/plain/i.test(contentType)) {
        const answer = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
        throwOnError(answer, '/cgi-bin/media/get');
        throw new WeChatApiError(-1, 'not a file (video media has a video_url instead)', '/cgi-bin/media/get');
      }
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
      return { bytes, contentType: contentType.split(';')[0]!.trim(), fileName };
    });
  }

  private async postJson(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.apiBase}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new WeChatApiError(-1, `HTTP ${response.status}`, path.split('?')[0]!);
    return (await response.json()) as Record<string, unknown>;
  }
}

function throwOnError(answer: Record<string, unknown>, path: string): void {
  const errcode = Number(answer.errcode ?? 0);
  if (errcode !== 0) throw new WeChatApiError(errcode, String(answer.errmsg ?? ''), path);
}
