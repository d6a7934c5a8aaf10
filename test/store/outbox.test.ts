import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { ensureIndexes } from '../../store/indexes.js';
import { Outbox } from '../../store/outbox.js';
import { closeTestDatabase, openTestDatabase } from '../support/database.js';

describe('outbox', () => {
  let connection: Connection;
  let outbox: Outbox;
  const at = new Date('2026-11-26T02:00:00Z');
  const message = (key: string) => ({ key, kind: 'staff-text', conversationKey: 'msteams:c1', ticketNumber: 'HY01-20261126-0001', payload: { key: 'queueEmpty' } });

  before(async () => {
    connection = await openTestDatabase('outbox');
    await ensureIndexes(connection);
    outbox = new Outbox(connection);
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('records a key once and queues it for delivery', async () => {
    assert.equal(await outbox.record(message('m1'), at), true);
    assert.equal(await outbox.record(message('m1'), at), false);
    assert.deepEqual((await outbox.due(at)).map((e) => e._id), ['m1']);
    assert.deepEqual(await outbox.due(new Date(at.getTime() - 1)), []);
  });

  it('leaves the queue once sent, but keeps the log', async () => {
    const [entry] = await outbox.due(at);
    await outbox.markSent(entry!, 'activity-1', at);
    assert.deepEqual(await outbox.due(at), []);
    assert.equal((await outbox.entries.findById('m1').lean())?.status, 'sent');
    assert.equal(await outbox.record(message('m1'), at), false, 'a sent message is never queued again');
    assert.deepEqual(await outbox.due(at), []);
  });

  it('re-queues a message whose queue entry was lost between the two writes', async () => {
    await outbox.record(message('m2'), at);
    await connection.db!.collection('outboxQueue').deleteOne({ _id: 'm2' as never });
    assert.deepEqual(await outbox.due(at), []);
    assert.equal(await outbox.record(message('m2'), at), false);
    assert.deepEqual((await outbox.due(at)).map((e) => e._id), ['m2']);
  });

  it('backs off after a failure and gives up after the last attempt', async () => {
    let [entry] = await outbox.due(at);
    await outbox.markFailed(entry!, 'connector down', at);
    assert.deepEqual(await outbox.due(at), []);
    const later = new Date(at.getTime() + 3_000);
    [entry] = await outbox.due(later);
    assert.equal(entry?.attempts, 1);
    let now = later;
    while (entry) {
      await outbox.markFailed(entry, 'connector down', now);
      now = new Date(now.getTime() + 3_600_000);
      [entry] = await outbox.due(now);
    }
    assert.equal((await outbox.entries.findById('m2').lean())?.status, 'failed');
  });

  it('lets one other notifier take over an attempt whose sender stopped mid-send, but only once it is clearly abandoned', async () => {
    await outbox.record(message('m-stuck'), at);
    const [entry] = (await outbox.due(at)).filter((e) => e._id === 'm-stuck');
    assert.equal(await outbox.claimAttempt(entry!, at), true, 'the first notifier takes the attempt, then stops without marking it');
    const minute = 60_000;
    assert.equal(await outbox.claimAttempt(entry!, new Date(at.getTime() + minute)), false, 'a send may still be under way');
    const later = new Date(at.getTime() + 6 * minute);
    assert.equal(await outbox.claimAttempt(entry!, later), true, 'abandoned: taken over');
    assert.equal(await outbox.claimAttempt(entry!, later), false, 'by one notifier only');
    await outbox.markSent(entry!, 'activity-9', later);
    assert.equal((await outbox.entries.findById('m-stuck').lean())?.status, 'sent');
  });
});
