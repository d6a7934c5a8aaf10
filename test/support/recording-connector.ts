import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalHttpServer } from './local-http-server.js';

export interface RecordedCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  activityId?: string;
  activity: Record<string, unknown> & { text?: string; attachments?: Array<{ contentType: string; content: Record<string, unknown> }> };
}

/**
 * Stands in for a channel's connector (the activity's serviceUrl): records every proactive send and
 * update the bot makes, answers with activity ids, and can be told to fail the next requests.
 */
export class RecordingConnector extends LocalHttpServer {
  readonly calls: RecordedCall[] = [];
  private failuresLeft = 0;
  private failureStatus = 503;
  private nextId = 1;
  url = '';

  async start(): Promise<this> {
    await this.listen();
    this.url = `${this.origin}/`;
    return this;
  }

  /** Fails the next `count` requests with `status` (the connector SDK retries 5xx itself, a 4xx it does not). */
  failNext(count: number, status = 503): void {
    this.failuresLeft = count;
    this.failureStatus = status;
  }

  to(conversationId: string): RecordedCall[] {
    return this.calls.filter((c) => c.conversationId === conversationId);
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      reply(res, 404, '');
      return;
    }
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      reply(res, this.failureStatus, JSON.stringify({ error: { code: 'Unavailable', message: 'connector refuses' } }));
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    const activity = JSON.parse(body || '{}') as RecordedCall['activity'];
    const activityId = req.method === 'PUT' ? decodeURIComponent(match[2]!) : `activity-${this.nextId++}`;
    this.calls.push({ method: req.method as 'POST' | 'PUT', conversationId, activityId, activity });
    reply(res, 200, JSON.stringify({ id: activityId }));
  }
}

/** restify patches http.ServerResponse in this process, so writeHead() cannot be chained. */
function reply(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(body);
}
