import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { JOBS } from '../../jobs/registry.js';
import { runJobInSlot } from '../../jobs/scheduler.js';
import { RecordingConnector } from '../support/recording-connector.js';
import { uniqueDatabaseName } from '../support/database.js';
import { startTestApp } from '../support/test-app.js';
import { intake, resolvedTicket } from './job-fixtures.js';

const STAFF = [
  ['s-desk-1', 'DESK-4Q8M'],
  ['s-head-1', 'HEAD-6W1R'],
  ['s-eng-1', 'ENG-7F3K'],
  ['s-sec-1', 'SEC-9D4L'],
  ['s-pm-1', 'PM-8K2Z'],
  ['s-agent-1', 'SVC-3H9T'],
] as const;

const T = new Date('2026-11-26T02:00:00Z');
const at = (minutes: number) => new Date(T.getTime() + minutes * 60_000);

describe('jobs: two runners on one database', function () {
  this.timeout(120_000);
  let connector: RecordingConnector;
  let apps: App[] = [];
  let now = T;

  before(async () => {
    connector = await new RecordingConnector().start();
    const databaseName = uniqueDatabaseName('two_runners');
    apps = await Promise.all(
      ['a', 'b'].map((label) => startTestApp({ label, app: { databaseName, clock: () => now, outboxIntervalMs: 0 } })),
    );
    const store = apps[0]!.store;
    const reference = (id: string) => ({ channelId: 'msteams', serviceUrl: connector.url, conversation: { id } as never, user: { id, name: id }, bot: { id: 'propdesk-bot', name: 'PropDesk' } });
    for (const [id, code] of STAFF) {
      const conversationKey = await store.references.save(reference(`staff-${id}`));
      await store.staff.bind(code, { channelId: 'msteams', userId: id, conversationKey });
    }
    const resident = await store.references.save(reference('resident-1'));
    const residentFields = { resident: { accountId: 'msteams:resident-1', conversationKey: resident } };

    await store.tickets.open(intake(T, { category: 'security', text: '车库有人撬车', ...residentFields }));
    await store.tickets.open(intake(T, { category: 'complaint', severity: 'major', text: '电梯夹伤孩子', ...residentFields }));
    for (const day of [1, 3, 5]) {
      await store.tickets.open(intake(new Date(T.getTime() - day * 86_400_000), { category: 'complaint', text: '楼上噪音太大', location: { building: '5', unit: '1', room: '302' }, ...residentFields }));
    }
    await resolvedTicket(store, T, at(30), { category: 'complaint', text: '垃圾没人清理', ...residentFields });
  });
  after(async () => {
    for (const app of apps) await app.stop();
    await connector?.stop();
  });

  it('sends every message exactly once when both run every job for the same slots at the same time', async () => {
    const slots = [at(8), at(12), at(16), at(60), at(121), at(600)];
    for (const slot of slots) {
      now = slot;
      const runs = JOBS.flatMap((job) => apps.map((app) => runJobInSlot(app.store, job, slot)));
      const outcomes = await Promise.all(runs);
      for (const job of JOBS) {
        assert.equal(outcomes.filter((o) => o.job === job.name && o.ran).length, 1, `${job.name} at ${slot.toISOString()} ran once`);
      }
      // a rerun that ignores the slot (e.g. an operator's second CLI run) records nothing new either
      await Promise.all(JOBS.map((job) => job.run(apps[1]!.store, () => slot)));
      await Promise.all(apps.map((app) => app.flushOutbox()));
      await Promise.all(apps.map((app) => app.flushOutbox()));
    }

    const entries = await apps[0]!.store.outbox.entries.find().lean();
    const kinds = new Set(entries.map((e) => apps[0]!.store.outbox.payloadOf<{ key?: string }>(e).key ?? e.kind));
    for (const expected of ['jobSlaReminder', 'jobSlaBreached', 'jobResidentDelayed', 'jobSurveyAsk', 'jobCapaCreated', 'dispatch-card']) assert.ok(kinds.has(expected), expected);
    assert.ok(entries.every((e) => e.status === 'sent'), 'everything delivered');
    const posted = connector.calls.filter((c) => c.method === 'POST');
    assert.equal(posted.length, entries.length, 'one send per outbox entry');
    assert.deepEqual(posted.map((c) => c.activityId).sort(), entries.map((e) => e.sentActivityId).sort());
  });
});
