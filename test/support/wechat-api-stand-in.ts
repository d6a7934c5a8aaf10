import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalHttpServer } from './local-http-server.js';

export interface WeChatApiCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
}

/**
 * Stands in for api.weixin.qq.com on 127.0.0.1: issues stable tokens, records customer-service
 * messages, serves media bytes, and can answer scripted errors (40001 once, 45015, 43004…).
 */
export class WeChatApiStandIn extends LocalHttpServer {
  readonly calls: WeChatApiCall[] = [];
  private tokensIssued = 0;
  private readonly validTokens = new Set<string>();
  private readonly sendErrors: number[] = [];
  private readonly media = new Map<string, { bytes: Buffer; contentType: string }>();
  url = '';

  async start(): Promise<this> {
    await this.listen();
    this.url = `${this.origin}`;
    return this;
  }

  /** The tokens issued so far stop working (the next call that uses one gets 40001). */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  /** The next customer-service sends answer these error codes, one each. */
  failNextSends(...errcodes: number[]): void {
    this.sendErrors.push(...errcodes);
  }

  addMedia(mediaId: string, bytes: Buffer, contentType: string): void {
    this.media.set(mediaId, { bytes, contentType });
  }

  callsTo(path: string): WeChatApiCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  /** Texts delivered (errcode 0) through the customer-service API to one OpenID. */
  textsTo(openId: string): string[] {
    return this.delivered
      .filter((body) => body.touser === openId)
      .map((body) => (body.text as { content?: string } | undefined)?.content ?? '');
  }

  private readonly delivered: Array<Record<string, unknown>> = [];

  async waitForTexts(openId: string, count: number, timeoutMs = 10_000): Promise<string[]> {
    const until = Date.now() + timeoutMs;
    while (this.textsTo(openId).length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} texts to ${openId}, got ${JSON.stringify(this.textsTo(openId))}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.textsTo(openId);
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    this.calls.push({ method: req.method ?? '', path: url.pathname, query, body });
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      if (body?.appid !== 'wxpropdesktest' || body.secret !== 'test-secret') return json(res, { errcode: 40013, errmsg: 'invalid appid' });
      const token = `token-${++this.tokensIssued}`;
      this.validTokens.add(token);
      return json(res, { access_token: token, expires_in: 7200 });
    }
    if (!this.validTokens.has(query.access_token ?? '')) return json(res, { errcode: 40001, errmsg: 'invalid credential' });
    if (url.pathname === '/cgi-bin/message/custom/send' && req.method === 'POST') {
      const errcode = this.sendErrors.shift();
      if (errcode !== undefined) return json(res, { errcode, errmsg: `scripted ${errcode}` });
      this.delivered.push(body ?? {});
      return json(res, { errcode: 0, errmsg: 'ok' });
    }
    if (url.pathname === '/cgi-bin/media/get' && req.method === 'GET') {
      const file = this.media.get(query.media_id ?? '');
      if (!file) return json(res, { errcode: 40007, errmsg: 'invalid media_id' });
      res.statusCode = 200;
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-disposition', `attachment; filename="${query.media_id}.bin"`);
      res.end(file.bytes);
      return;
    }
    json(res, { errcode: 99999, errmsg: `no stand-in for ${url.pathname}` });
  }
}

function json(res: ServerResponse, body: unknown): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
