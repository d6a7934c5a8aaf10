import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger } from '../logger.js';
import { EXIT_USAGE, UsageError } from './exit-codes.js';

/** What every command may ask for, loaded lazily so that `--help` needs no configuration. */
export interface CliContext {
  config(): Config;
  logger(): Logger;
}

export function createCliContext(): CliContext {
  let config: Config | undefined;
  let logger: Logger | undefined;
  return {
    config() {
      if (!config) {
        try {
          config = loadConfig();
        } catch (err) {
          if (err instanceof ConfigError) throw new UsageError(err.problems.map((line) => `config: ${line}`).join('\n'), EXIT_USAGE);
          throw err;
        }
      }
      return config;
    },
    logger() {
      logger ??= createLogger(process.env.PROPDESK_LOG_LEVEL ?? 'warn');
      return logger;
    },
  };
}
