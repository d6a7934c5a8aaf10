import pino from 'pino';
import { startApp, type App, type AppOptions } from '../../bot/app.js';
import { loadConfig, type Config } from '../../bot/config.js';
import { testServerUri, uniqueDatabaseName } from './database.js';

export const quietLogger = pino({ level: process.env.PROPDESK_TEST_LOG_LEVEL ?? 'silent' });

export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({ MONGODB_URI: testServerUri(), ...env });
}

/** The whole bot on a free port of 127.0.0.1, on a database of its own. */
export async function startTestApp(options: {
  label: string;
  env?: Record<string, string | undefined>;
  config?: Config;
  app?: Partial<AppOptions>;
}): Promise<App> {
  const config = options.config ?? testConfig(options.env);
  return startApp(config, { logger: quietLogger, host: '127.0.0.1', port: 0, databaseName: uniqueDatabaseName(options.label), scheduleJobs: false, ...options.app });
}
