import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState, type TurnContext } from 'botbuilder';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { translator } from '../dialogs/i18n.js';
import { detectLanguage } from '../dialogs/language.js';
import { ResidentDesk } from '../dialogs/resident/resident-desk.js';
import { ResidentSurveyAnswers } from '../jobs/resident-survey-answers.js';
import { CardActions } from '../dialogs/staff/card-actions.js';
import { StaffDesk } from '../dialogs/staff/staff-desk.js';
import { dispatchNewTickets } from '../jobs/dispatch-new-tickets.js';
import { startJobScheduler, type JobScheduler } from '../jobs/scheduler.js';
import type { Clock } from '../domain/clock.js';
import { createRecognizer, type Recognizer } from '../nlu/index.js';
import { connectDatabase, databaseAnswers, isDatabaseUnavailable } from '../store/database.js';
import { Store } from '../store/store.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../store/embedded/embedded-database.js';
import type { Config } from './config.js';
import { MediaLinks } from './media-links.js';
import { Notifier } from './notifier.js';
import { PropDeskBot } from './propdesk-bot.js';
import { createHttpServer } from './server.js';
import type { WeChatAdapter } from './wechat/wechat-adapter.js';
import { createWeChatAdapter, type WeChatChannelOptions } from './wechat/wechat-channel.js';

export interface App {
  readonly url: string;
  readonly port: number;
  readonly databaseUri: string;
  readonly connection: Connection;
  readonly adapter: CloudAdapter;
  /** The WeChat Official Account adapter, when WECHAT_* is configured. */
  readonly wechat?: WeChatAdapter;
  readonly store: Store;
  /** Signs the media links in staff cards (and checks them on /media/:id). */
  readonly mediaLinks: MediaLinks;
  /** Dispatches new tickets and delivers every due outbox entry now (the timer does it every few seconds too). */
  flushOutbox(): Promise<void>;
  stop(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  /** Listen address; 0.0.0.0 serves the Bot Framework channels, tests use 127.0.0.1. */
  host?: string;
  /** Overrides config.port; 0 picks a free port. */
  port?: number;
  /** Database name (tests give each file its own); defaults to the one in the URI, else "propdesk". */
  databaseName?: string;
  /** How often new tickets are dispatched and the outbox delivered; 0 turns the timer off (tests flush by hand). */
  outboxIntervalMs?: number;
  /** Where "now" comes from (tests set it). */
  clock?: Clock;
  recognizer?: Recognizer;
  /** Runs the scheduled jobs (SLA, surveys, handover, repeats, monthly report) on node-cron; default on, tests turn it off. */
  scheduleJobs?: boolean;
  wechat?: WeChatChannelOptions;
}

const TURN_DRAIN_TIMEOUT_MS = 10_000;
const FLUSH_DRAIN_TIMEOUT_MS = 5_000;
/** At the first outbox run and then at most this often, also look for new tickets a crash kept off the dispatch list (a full read of `tickets` on FerretDB). */
const SWEEP_EVERY_MS = 10 * 60_000;

/** Composition root: database, adapter, bot and HTTP server, with an orderly stop. */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  let embedded: EmbeddedDatabase | undefined;
  let databaseUri = config.mongodbUri;
  if (!databaseUri) {
    embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, logger, sqliteSync: config.sqliteSync });
    databaseUri = embedded.uri;
  }
  const clock: Clock = options.clock ?? (() => new Date());
  let connection: Connection;
  let store: Store;
  let mediaSecret: string;
  try {
    connection = await connectDatabase(databaseUri, options.databaseName);
    store = await Store.open(connection, config.property);
    mediaSecret = config.mediaSecret ?? (await store.settings.mediaLinkSecret(clock()));
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const mediaLinks = new MediaLinks(mediaSecret, config.publicUrl, clock);
  if (!config.publicUrl) logger.info('PROPDESK_PUBLIC_URL is unset: staff cards count stored photos (WeChat) instead of showing them');
  const recognizer = options.recognizer ?? createRecognizer({ clu: config.clu, logger });

  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(config.auth));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityId: context.activity.id, conversation: context.activity.conversation?.id }, 'turn failed');
    const t = translator(detectLanguage(context.activity.text, context.activity.locale));
    try {
      // A database outage means nothing was stored: say so, never promise a ticket.
      const message = isDatabaseUnavailable(error) ? 'notRecorded' : 'turnError';
      await context.sendActivity(t(message, { dutyPhone: config.property.dutyPhone }));
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the user about the failed turn');
    }
  };
  const wechat = config.wechat ? createWeChatAdapter(config.wechat, store, clock, logger, options.wechat) : undefined;
  if (wechat) wechat.onTurnError = adapter.onTurnError;
  const notifier = new Notifier(adapter, config.auth.MicrosoftAppId ?? '', store, clock, logger, wechat ? { wechat } : {}, mediaLinks.photoUrl);
  let flushing: Promise<void> | undefined;
  let sweptAt: number | undefined;
  /** Set when work is queued during a run, which may have read its lists already: it then runs again. */
  let runAgain = false;
  const flushOutbox = (): Promise<void> => {
    flushing ??= (async () => {
      try {
        do {
          runAgain = false;
          const sweep = sweptAt === undefined || Date.now() - sweptAt >= SWEEP_EVERY_MS;
          await dispatchNewTickets(store, clock, { sweep });
          if (sweep) sweptAt = Date.now();
          await notifier.deliverDue();
        } while (runAgain);
      } finally {
        flushing = undefined;
      }
    })();
    return flushing;
  };
  const flushQuietly = (): void => {
    flushOutbox().catch((err: unknown) => logger.warn({ err }, 'outbox delivery failed'));
  };
  /** After a turn, deliver at once what it queued; other processes' work and retries wait for the timer. */
  const flushWhatTurnsQueued = (): void => {
    const ticketsOpened = store.tickets.queued.take();
    const messagesRecorded = store.outbox.queued.take();
    if (!ticketsOpened && !messagesRecorded) return;
    if (flushing) runAgain = true;
    flushQuietly();
  };
  const intervalMs = options.outboxIntervalMs ?? 3_000;
  const timer = intervalMs > 0 ? setInterval(flushQuietly, intervalMs) : undefined;
  timer?.unref();

  const conversationState = new ConversationState(store.botState);
  const bot = new PropDeskBot({
    store,
    residents: new ResidentDesk({ property: config.property, store, recognizer, conversationState, clock, logger, surveys: new ResidentSurveyAnswers(store, clock) }),
    staff: new StaffDesk(store, clock),
    conversationState,
    userState: new UserState(store.botState),
    cardActions: new CardActions(store, clock),
    logger,
    afterTurn: intervalMs > 0 ? flushWhatTurnsQueued : undefined,
    photoUrl: mediaLinks.photoUrl,
  });

  let turnsInFlight = 0;
  const server: Server = createHttpServer({
    adapter,
    wechat,
    media: { store: store.media, links: mediaLinks },
    logger,
    logic: async (context: TurnContext) => {
      turnsInFlight += 1;
      try {
        await bot.run(context);
      } finally {
        turnsInFlight -= 1;
      }
    },
    health: async () => {
      const ok = await databaseAnswers(connection);
      return { ok, details: { database: ok ? 'up' : 'down', property: config.property.code } };
    },
  });

  const host = options.host ?? '0.0.0.0';
  await new Promise<void>((resolve) => server.listen(options.port ?? config.port, host, resolve));
  const port = (server.address() as { port: number }).port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  logger.info({ url, property: config.property.code, database: embedded ? 'embedded' : 'MONGODB_URI' }, 'PropDesk is listening');
  const scheduler: JobScheduler | undefined = options.scheduleJobs === false ? undefined : startJobScheduler(store, clock, logger);

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    databaseUri,
    connection,
    adapter,
    wechat,
    store,
    mediaLinks,
    flushOutbox,
    stop() {
      stopping ??= (async () => {
        if (timer) clearInterval(timer);
        notifier.close();
        await scheduler?.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        const drainUntil = Date.now() + TURN_DRAIN_TIMEOUT_MS;
        while (turnsInFlight > 0 && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
        // a send stuck on a dead channel is not waited for: another notifier takes its attempt over later
        await Promise.race([flushing?.catch(() => undefined), new Promise((r) => setTimeout(r, FLUSH_DRAIN_TIMEOUT_MS).unref())]);
        await connection.close();
        await embedded?.stop();
        logger.info('PropDesk stopped');
      })();
      return stopping;
    },
  };
}
