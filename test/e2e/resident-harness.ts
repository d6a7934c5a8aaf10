import { startApp, type App } from '../../bot/app.js';
import type { Config } from '../../bot/config.js';
import { uniqueDatabaseName } from '../support/database.js';
import { quietLogger, testConfig } from '../support/test-app.js';

/** A settable clock: 2026-10-08 10:00 in Shanghai unless a test moves it. */
export class TestClock {
  now = new Date('2026-10-08T10:00:00+08:00');
  readonly read = (): Date => new Date(this.now.getTime());
  advance(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }
}

/** The whole bot on 127.0.0.1 with a clock the test controls, on a database of its own. */
export async function startResidentApp(label: string, clock: TestClock, config: Config = testConfig()): Promise<App> {
  return startApp(config, { logger: quietLogger, host: '127.0.0.1', port: 0, databaseName: uniqueDatabaseName(label), clock: clock.read });
}

export const TICKET_NUMBER = /HY01-\d{8}-\d{4}/;

export function ticketNumberIn(text: string): string {
  const match = TICKET_NUMBER.exec(text);
  if (!match) throw new Error(`no ticket number in: ${text}`);
  return match[0];
}
