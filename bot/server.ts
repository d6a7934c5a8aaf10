import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { activityProblem } from './activity-validation.js';
import type { MediaLinks } from './media-links.js';
import { mountMediaRoute, type MediaRouteDependencies } from './media-route.js';
import type { WeChatAdapter } from './wechat/wechat-adapter.js';
import { leaveWeChatBodyRaw, mountWeChatRoutes } from './wechat/wechat-route.js';

export interface ServerDependencies {
  adapter: CloudAdapter;
  /** Runs one turn; the adapter calls it with a TurnContext. */
  logic: (context: TurnContext) => Promise<void>;
  health: () => Promise<{ ok: boolean; details: Record<string, unknown> }>;
  logger: Logger;
  /** The WeChat Official Account channel on /api/wechat, when configured. */
  wechat?: WeChatAdapter;
  /** Stored media on GET/HEAD /media/:id behind signed links. */
  media?: { store: MediaRouteDependencies['media']; links: MediaLinks };
}

const MAX_BODY_BYTES = 1024 * 1024;

export function createHttpServer(deps: ServerDependencies): Server {
  const { adapter, logic, health, logger } = deps;
  const server = restify.createServer({ name: 'propdesk', handleUncaughtExceptions: false });
  if (deps.wechat) server.pre(leaveWeChatBodyRaw);
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES, rejectUnknown: true }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      logger.warn({ problem }, 'rejected a malformed activity');
      res.send(400, { error: 'BadRequest', message: problem });
      return;
    }
    try {
      await adapter.process(req, res, logic);
    } catch (err) {
      logger.error({ err }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'InternalError', message: 'the activity could not be processed' });
    }
  });

  if (deps.wechat) mountWeChatRoutes(server, deps.wechat, logic, logger);
  if (deps.media) mountMediaRoute(server, { media: deps.media.store, links: deps.media.links, logger });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const { ok, details } = await health();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', ...details });
  });

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) logger.error({ err, path: req.path() }, 'request failed');
    else logger.warn({ path: req.path(), status, reason: err.message }, 'request refused');
    callback();
  });
  return server;
}
