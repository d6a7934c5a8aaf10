import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../store/database.js';

/** The address of the run's database server (set by the root hook). */
export function testServerUri(): string {
  const uri = process.env.PROPDESK_TEST_MONGODB_URI;
  if (!uri) throw new Error('PROPDESK_TEST_MONGODB_URI is not set: run the tests through mocha with the root hooks');
  return uri;
}

/** A database name of its own for one test file or test. */
export function uniqueDatabaseName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(3).toString('hex')}`;
}

export async function openTestDatabase(label: string): Promise<Connection> {
  return connectDatabase(testServerUri(), uniqueDatabaseName(label));
}

/** Drops the test database and closes the connection. */
export async function closeTestDatabase(connection: Connection | undefined): Promise<void> {
  if (!connection) return;
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
}
