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

  it('counts an attempt abandoned mid-send as failed once it is clearly abandoned, so the next attempt goes ahead, every time', async () => {
    await outbox.record(message('m-stuck'), at);
    const minute = 60_000;
    const find = async (now: Date) => (await outbox.due(now)).find((e) => e._id === 'm-stuck')!;
    let entry = await find(at);
    assert.equal(await outbox.claimAttempt(entry, at), true, 'the first notifier takes attempt 1, then stops without marking it');
    assert.equal(await outbox.claimAttempt(entry, new Date(at.getTime() + minute)), false, 'a send may still be under way');
    let now = new Date(at.getTime() + 6 * minute);
    assert.equal(await outbox.claimAttempt(entry, now), false, 'abandoned: counted as failed, not sent here');
    now = new Date(now.getTime() + 10 * minute);
    entry = await find(now);
    assert.equal(entry.attempts, 1);
    assert.equal(await outbox.claimAttempt(entry, now), true, 'attempt 2 is taken, and abandoned too');
    now = new Date(now.getTime() + 6 * minute);
    assert.equal(await outbox.claimAttempt(entry, now), false);
    now = new Date(now.getTime() + 10 * minute);
    entry = await find(now);
    assert.equal(entry.attempts, 2);
    assert.equal(await outbox.claimAttempt(entry, now), true, 'attempt 3 goes ahead');
    await outbox.markSent(entry, 'activity-9', now);
    assert.equal((await outbox.entries.findById('m-stuck').lean())?.status, 'sent');
  });

  it('drops a queue row whose entry was already settled (a crash between the two writes)', async () => {
    await outbox.record(message('m-settled'), at);
    await connection.db!.collection('outbox').updateOne({ _id: 'm-settled' as never }, { $set: { status: 'sent' } });
    assert.deepEqual((await outbox.due(at)).filter((e) => e._id === 'm-settled'), []);
    assert.equal(await connection.db!.collection('outboxQueue').countDocuments({ _id: 'm-settled' as never }), 0);
  });
});
