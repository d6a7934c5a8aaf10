import assert from 'node:assert/strict';
import { createConnection, createServer, type Socket } from 'node:net';
import mongoose from 'mongoose';
import pino from 'pino';
import { describeRequest, startSingleWriterProxy, type SingleWriterProxy } from '../../store/embedded/single-writer-proxy.js';

const { BSON, MongoClient } = mongoose.mongo;
const quietLogger = pino({ level: 'silent' });

/** An OP_MSG with one body section. */
function opMsg(body: Record<string, unknown>, flagBits = 0, opCode = 2013, requestId = 7, responseTo = 0): Buffer {
  const doc = Buffer.from(BSON.serialize(body));
  const frame = Buffer.alloc(21 + doc.length);
  frame.writeInt32LE(frame.length, 0);
  frame.writeInt32LE(requestId, 4);
  frame.writeInt32LE(responseTo, 8);
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

  it('lets the next write through only when the answer to the write holding the gate has arrived', async () => {
    const received: Array<{ socket: Socket; requestId: number; command: string }> = [];
    const upstream = createServer((socket) => {
      let pending = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
          const frame = pending.subarray(0, pending.readInt32LE(0));
          pending = pending.subarray(frame.length);
          received.push({ socket, requestId: frame.readInt32LE(4), command: Object.keys(BSON.deserialize(frame.subarray(21)))[0]! });
        }
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const proxy = await startSingleWriterProxy(`mongodb://127.0.0.1:${(upstream.address() as { port: number }).port}/`, quietLogger);
    const connect = () => new Promise<Socket>((resolve) => { const s = createConnection(Number(new URL(proxy.uri).port), '127.0.0.1', () => resolve(s)); });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
    const answer = (requestId: number) => {
      const to = received.find((r) => r.requestId === requestId)!;
      to.socket.write(opMsg({ ok: 1 }, 0, 2013, 1000 + requestId, requestId));
    };
    try {
      const first = await connect();
      const second = await connect();
      first.write(Buffer.concat([opMsg({ find: 'a' }, 0, 2013, 5), opMsg({ insert: 'a' }, 0, 2013, 6)]));
      await settle();
      assert.deepEqual(received.map((r) => r.requestId), [5, 6]);
      second.write(opMsg({ update: 'b' }, 0, 2013, 7));
      await settle();
      assert.deepEqual(received.map((r) => r.requestId), [5, 6], 'the second write waits for the first');
      answer(5);
      await settle();
      assert.deepEqual(received.map((r) => r.requestId), [5, 6], 'the answer to a read does not open the gate');
      answer(6);
      await settle();
      assert.deepEqual(received.map((r) => [r.requestId, r.command]), [[5, 'find'], [6, 'insert'], [7, 'update']]);
      first.destroy();
      second.destroy();
    } finally {
      await proxy.close();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
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
