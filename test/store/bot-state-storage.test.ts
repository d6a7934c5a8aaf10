import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Storage } from 'botbuilder';
import { DialogSet, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import type { Connection } from 'mongoose';
import { MongoBotStateStorage } from '../../store/bot-state-storage.js';
import { connectDatabase } from '../../store/database.js';
import { closeTestDatabase, openTestDatabase, testServerUri } from '../support/database.js';

describe('bot state storage on MongoDB', () => {
  let connection: Connection;
  let storage: MongoBotStateStorage;
  before(async () => {
    connection = await openTestDatabase('botstate');
    storage = new MongoBotStateStorage(connection);
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('leaves unknown keys out of read', async () => {
    assert.deepEqual(await storage.read(['nobody-wrote-this']), {});
    await storage.write({ known: { a: 1 } });
    const items = await storage.read(['known', 'unknown']);
    assert.deepEqual(Object.keys(items), ['known']);
  });

  it('round-trips items and gives every write a new eTag', async () => {
    await storage.write({ item: { count: 1, nested: { list: [1, 'two', null], when: '2026-11-26' } } });
    const first = (await storage.read(['item'])).item;
    assert.equal(first.count, 1);
    assert.deepEqual(first.nested, { list: [1, 'two', null], when: '2026-11-26' });
    assert.ok(typeof first.eTag === 'string' && first.eTag.length > 0);
    await storage.write({ item: { ...first, count: 2 } });
    const second = (await storage.read(['item'])).item;
    assert.equal(second.count, 2);
    assert.notEqual(second.eTag, first.eTag);
  });

  it('rejects a stale eTag and keeps the newer item', async () => {
    await storage.write({ guarded: { v: 1 } });
    const read = (await storage.read(['guarded'])).guarded;
    await storage.write({ guarded: { ...read, v: 2 } });
    await assert.rejects(storage.write({ guarded: { ...read, v: 3 } }), /eTag conflict/);
    assert.equal((await storage.read(['guarded'])).guarded.v, 2);
  });

  it("overwrites with '*' or without an eTag", async () => {
    await storage.write({ loose: { v: 1 } });
    await storage.write({ loose: { v: 2, eTag: '*' } });
    assert.equal((await storage.read(['loose'])).loose.v, 2);
    await storage.write({ loose: { v: 3 } });
    assert.equal((await storage.read(['loose'])).loose.v, 3);
  });

  it('accepts any key string', async () => {
    const keys = ['emulator/conversations/a.b/c', 'with "quotes" and `backticks`', "it's $weird.key", 'slashes\\and/forward', '中文键', '$', '.', ' '];
    const changes = Object.fromEntries(keys.map((key, i) => [key, { i }]));
    await storage.write(changes);
    const items = await storage.read(keys);
    for (const [i, key] of keys.entries()) assert.equal(items[key]?.i, i, key);
  });

  it('round-trips property names with dots and dollar signs', async () => {
    const state = { 'a.b': 1, $set: { 'x.y': ['$z'] }, deep: { '$ref': 'r', 'dotted.name': { '.': '$' } } };
    await storage.write({ odd: state });
    const { eTag, ...read } = (await storage.read(['odd'])).odd;
    assert.ok(eTag);
    assert.deepEqual(read, state);
  });

  it('deletes known and unknown keys without complaint', async () => {
    await storage.write({ doomed: { v: 1 } });
    await storage.delete(['doomed', 'never-existed']);
    assert.deepEqual(await storage.read(['doomed']), {});
  });

  it('lets one of two storages racing on one key win; the other gets the eTag conflict', async () => {
    const otherConnection = await connectDatabase(testServerUri(), connection.db!.databaseName);
    try {
      const other = new MongoBotStateStorage(otherConnection);
      await storage.write({ contested: { v: 0 } });
      const base = (await storage.read(['contested'])).contested;
      const outcomes = await Promise.allSettled([
        storage.write({ contested: { ...base, v: 'mine' } }),
        other.write({ contested: { ...base, v: 'theirs' } }),
      ]);
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      const loser = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      assert.match(String(loser.reason), /eTag conflict/);
      const winner = outcomes[0]!.status === 'fulfilled' ? 'mine' : 'theirs';
      assert.equal((await storage.read(['contested'])).contested.v, winner);
    } finally {
      await otherConnection.close();
    }
  });

  it('overwrites an item another process stored or deleted since this one last saw it', async () => {
    const otherConnection = await connectDatabase(testServerUri(), connection.db!.databaseName);
    try {
      const other = new MongoBotStateStorage(otherConnection);
      await other.write({ shared: { v: 'theirs', eTag: '*' } });
      await storage.write({ shared: { v: 'mine', eTag: '*' } });
      assert.equal((await other.read(['shared'])).shared.v, 'mine');
      await other.delete(['shared']);
      await storage.write({ shared: { v: 'again', eTag: '*' } });
      assert.equal((await other.read(['shared'])).shared.v, 'again');
    } finally {
      await otherConnection.close();
    }
  });

  it('behaves like botbuilder’s MemoryStorage on the same sequence of operations', async () => {
    const script = async (s: Storage) => {
      const log: unknown[] = [];
      await s.write({ k: { n: 1 } });
      const a = (await s.read(['k'])).k;
      await s.write({ k: { ...a, n: 2 } });
      log.push(await s.write({ k: { ...a, n: 3 } }).then(() => 'ok', () => 'conflict'));
      await s.write({ k: { n: 4, eTag: '*' } });
      const b = (await s.read(['k', 'missing'])) as Record<string, { n: number }>;
      log.push(Object.keys(b), b.k!.n);
      await s.delete(['k']);
      log.push(Object.keys(await s.read(['k'])));
      return log;
    };
    assert.deepEqual(await script(storage), await script(new MemoryStorage()));
  });

  it('keeps a half-finished waterfall dialog across a restart', async () => {
    const databaseName = connection.db!.databaseName;
    function botProcess(processConnection: Connection) {
      const conversationState = new ConversationState(new MongoBotStateStorage(processConnection));
      const dialogState = conversationState.createProperty<DialogState>('dialogState');
      const dialogs = new DialogSet(dialogState);
      dialogs.add(new TextPrompt('text'));
      dialogs.add(
        new WaterfallDialog('intake', [
          async (step) => step.prompt('text', 'Where?'),
          async (step) => {
            (step.values as Record<string, unknown>).where = step.result;
            return step.prompt('text', 'What happened?');
          },
          async (step) => {
            await step.context.sendActivity(`Noted: ${String((step.values as Record<string, unknown>).where)} / ${String(step.result)}`);
            return step.endDialog();
          },
        ]),
      );
      return new TestAdapter(async (context) => {
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === 'empty' && context.activity.type === ActivityTypes.Message) await dc.beginDialog('intake');
        await conversationState.saveChanges(context);
      });
    }

    const firstConnection = await connectDatabase(testServerUri(), databaseName);
    await botProcess(firstConnection).send('report').assertReply('Where?').send('3栋2单元501').assertReply('What happened?');
    await firstConnection.close();

    const secondConnection = await connectDatabase(testServerUri(), databaseName);
    try {
      await botProcess(secondConnection).send('厨房漏水').assertReply('Noted: 3栋2单元501 / 厨房漏水');
    } finally {
      await secondConnection.close();
    }
  });
});
