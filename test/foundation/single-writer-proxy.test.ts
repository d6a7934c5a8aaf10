import assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import mongoose from 'mongoose';
import pino from 'pino';
import { describeRequest, startSingleWriterProxy, type SingleWriterProxy } from '../../store/embedded/single-writer-proxy.js';

const { BSON, MongoClient } = mongoose.mongo;
const quietLogger = pino({ level: 'silent' });

/** An OP_MSG with one body section. */
function opMsg(body: Record<string, unknown>, flagBits = 0, opCode = 2013): Buffer {
  const doc = Buffer.from(BSON.serialize(body));
  const frame = Buffer.alloc(21 + doc.length);
  frame.writeInt32LE(frame.length, 0);
  frame.writeInt32LE(7, 4);
  frame.writeInt32LE(0, 8);
  frame.writeInt32LE(opCode, 12);
  frame.writeUInt32LE(flagBits, 16);
  frame[20] = 0;
  doc.copy(frame, 21);
  return frame;
}

describe('single-writer proxy in front of the embedded database', () => {
  it('tells write commands from reads by the command name, and sees unacknowledged writes', () => {
    assert.deepEqual(describeRequest(opMsg({ insert: 'tickets', documents: [] })), { write: true, expectsReply: true });
    assert.deepEqual(describeRequest(opMsg({ findAndModify: 'counters', query: {} })), { write: true, expectsReply: true });
    assert.deepEqual(describeRequest(opMsg({ createIndexes: 'tickets', indexes: [] })), { write: true, expectsReply: true });
    assert.deepEqual(describeRequest(opMsg({ find: 'tickets', filter: {} })), { write: false, expectsReply: true });
    assert.deepEqual(describeRequest(opMsg({ aggregate: 'tickets', pipeline: [] })), { write: false, expectsReply: true });
    assert.deepEqual(describeRequest(opMsg({ delete: 'tickets', deletes: [] }, 0x2)), { write: true, expectsReply: false });
    assert.equal(describeRequest(opMsg({ isMaster: 1 }, 0, 2004)).write, false);
  });

  describe('against the test database', () => {
    let proxy: SingleWriterProxy;
    const clients: Array<InstanceType<typeof MongoClient>> = [];
    const connect = async (): Promise<InstanceType<typeof MongoClient>> => {
      const client = await MongoClient.connect(proxy.uri, { maxPoolSize: 8, serverSelectionTimeoutMS: 5_000 });
      clients.push(client);
      return client;
    };

    before(async function () {
      const upstream = process.env.PROPDESK_TEST_MONGODB_URI ?? '';
      if (!/^mongodb:\/\/[^:/]+:\d+\//.test(upstream)) this.skip();
      proxy = await startSingleWriterProxy(upstream, quietLogger);
    });
    after(async () => {
      for (const client of clients) await client.close(true).catch(() => undefined);
      await proxy?.close();
    });

    it('passes concurrent writes and reads from many connections, one write at a time, losing none', async () => {
      const db = (await connect()).db('single_writer_concurrent');
      await db.collection('items').insertOne({ _id: 'seed' as never, n: -1 });
      const writes = Array.from({ length: 60 }, (_, n) => db.collection('items').insertOne({ n }));
      const updates = Array.from({ length: 20 }, () => db.collection('counters').updateOne({ _id: 'c' as never }, { $inc: { value: 1 } }, { upsert: true }));
      const reads = Array.from({ length: 20 }, () => db.collection('items').findOne({ _id: 'seed' as never }));
      const [, , found] = await Promise.all([Promise.all(writes), Promise.all(updates), Promise.all(reads)]);
      assert.ok(found.every((doc) => doc?.n === -1));
      assert.equal(await db.collection('items').countDocuments({ n: { $gte: 0 } }), 60);
      assert.equal((await db.collection('counters').findOne({ _id: 'c' as never }))?.value, 20);
    });

    it('frees the gate when a client goes away in the middle of its writes', async () => {
      const leaving = await MongoClient.connect(proxy.uri, { maxPoolSize: 8 });
      const pending = Array.from({ length: 30 }, (_, n) => leaving.db('single_writer_leaving').collection('items').insertOne({ n }).catch(() => 'lost'));
      await new Promise((r) => setImmediate(r));
      await leaving.close(true);
      await Promise.all(pending);
      const db = (await connect()).db('single_writer_leaving');
      await db.collection('after').insertOne({ ok: true });
      assert.equal(await db.collection('after').countDocuments(), 1);
    });

    it('closes a connection that sends a malformed message and keeps serving the others', async () => {
      const socket = createConnection(Number(new URL(proxy.uri).port), '127.0.0.1');
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      socket.write(Buffer.from([3, 0, 0, 0, 1, 2, 3, 4]));
      await closed;
      const db = (await connect()).db('single_writer_malformed');
      await db.collection('items').insertOne({ ok: true });
      assert.equal(await db.collection('items').countDocuments(), 1);
    });
  });
});
