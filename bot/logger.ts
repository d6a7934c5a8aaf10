import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stderr, so stdout stays free for CLI output (e.g. `MONGODB_URI=...`). */
export function createLogger(level: string = process.env.PROPDESK_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'propdesk' } }, pino.destination({ fd: 2, sync: true }));
}
