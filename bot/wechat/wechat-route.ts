import type { Request, Response, Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { WeChatAdapter, WeChatHttpAnswer } from './wechat-adapter.js';

export const WECHAT_PATH = '/api/wechat';

function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

function rawBody(req: Request): string {
  const body: unknown = req.body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return typeof body === 'string' ? body : '';
}

function answer(res: Response, reply: WeChatHttpAnswer): void {
  res.statusCode = reply.status;
  res.setHeader('content-type', `${reply.contentType}; charset=utf-8`);
  res.end(reply.body);
}

/** Marks WeChat pushes so that the JSON body parser leaves their XML body as read. */
export function leaveWeChatBodyRaw(req: Request, _res: Response, next: () => void): void {
  if (req.path() === WECHAT_PATH) (req as Request & { _parsedBody?: boolean })._parsedBody = true;
  next();
}

/** GET (server URL check) and POST (message push) on /api/wechat. */
export function mountWeChatRoutes(server: Server, adapter: WeChatAdapter, logic: (context: TurnContext) => Promise<void>, logger: Logger): void {
  server.get(WECHAT_PATH, async (req: Request, res: Response) => {
    answer(res, adapter.verifyUrl(queryOf(req)));
  });
  server.post(WECHAT_PATH, async (req: Request, res: Response) => {
    try {
      const reply = await adapter.receive(queryOf(req), rawBody(req), logic);
      if (reply.status !== 200) logger.warn({ status: reply.status, reason: reply.body }, 'refused a WeChat push');
      answer(res, reply);
    } catch (err) {
      logger.error({ err }, 'WeChat push failed');
      answer(res, { status: 500, body: 'error', contentType: 'text/plain' });
    }
  });
}
