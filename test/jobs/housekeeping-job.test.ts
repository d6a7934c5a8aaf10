import assert from 'node:assert/strict';
import { runHousekeepingJob } from '../../jobs/housekeeping-job.js';
import { NOTICE_CARD_KIND } from '../../store/notices.js';
import { intake, openJobTestBed, resolvedTicket, type JobTestBed } from './job-fixtures.js';

const DAY = 86_400_000;
const T = new Date('2026-11-26T02:00:00Z');
const daysAgo = (n: number) => new Date(T.getTime() - n * DAY);
const system = { kind: 'system' as const, id: 'test' };

describe('jobs: housekeeping', function () {
  this.timeout(60_000);
  let bed: JobTestBed;
  before(async () => {
    bed = await openJobTestBed('housekeeping_job');
  });
  after(async () => bed?.close());

  async function sentMessage(key: string, ticketNumber: string | undefined, at: Date, kind = 'text', payload: Record<string, unknown> = { text: key }): Promise<void> {
    await bed.store.outbox.record({ key, kind, conversationKey: 'conv-resident', ticketNumber, payload }, at);
    const [entry] = await bed.store.outbox.due(new Date(at.getTime() + 1), 500).then((due) => due.filter((e) => e._id === key));
    assert.ok(entry, key);
    assert.ok(await bed.store.outbox.claimAttempt(entry, at));
    await bed.store.outbox.markSent(entry, `activity-${key}`, at);
  }

  async function stateAt(key: string, at: Date): Promise<void> {
    await bed.store.botState.write({ [key]: { dialog: key } });
    await bed.connection.collection('botState').updateOne({ _id: key as never }, { $set: { updatedAt: at } });
  }

  it('drops what nothing will read again and keeps tickets, open work and recent conversations', async () => {
    const closed = await resolvedTicket(bed.store, daysAgo(60), daysAgo(58));
    await bed.store.tickets.act(closed, 'close', { by: system, at: daysAgo(57) });
    await bed.connection.collection('tickets').updateOne({ _id: closed as never }, { $set: { updatedAt: daysAgo(57) } });
    const open = (await bed.store.tickets.open(intake(daysAgo(45)))).ticket.number;
    const recentlyClosed = await resolvedTicket(bed.store, daysAgo(40), daysAgo(12));
    await bed.store.tickets.act(recentlyClosed, 'close', { by: system, at: daysAgo(10) });

    await sentMessage('old:closed', closed, daysAgo(59), 'dispatch-card');
    await sentMessage('old:open', open, daysAgo(44), 'dispatch-card');
    await sentMessage('old:recently-closed', recentlyClosed, daysAgo(39));
    await sentMessage('old:no-ticket', undefined, daysAgo(40));
    await sentMessage('new:no-ticket', undefined, daysAgo(2));
    await bed.store.outbox.record({ key: 'old:pending', kind: 'text', conversationKey: 'conv-resident', payload: { text: 'x' } }, daysAgo(35));

    await stateAt('msteams/conversations/idle', daysAgo(31));
    await stateAt('msteams/conversations/active', daysAgo(3));
    await stateAt('msteams/users/someone', daysAgo(90));

    const result = await runHousekeepingJob(bed.store, () => T);

    const left = (await bed.store.outbox.entries.find({ _id: { $in: [/^old:/, /^new:/] } }, { _id: 1 }).lean()).map((e) => e._id).sort();
    assert.deepEqual(left, ['new:no-ticket', 'old:open', 'old:pending', 'old:recently-closed']);
    assert.equal(result.outboxEntries, 2);
    assert.deepEqual(await bed.store.outbox.sentCards(closed), []);
    assert.equal(await bed.connection.collection('ticketCards').countDocuments({ _id: closed as never }), 0);
    assert.deepEqual((await bed.store.outbox.sentCards(open)).map((e) => e._id), ['old:open'], 'the card of a ticket in progress can still be refreshed');
    assert.ok((await bed.store.outbox.entries.countDocuments({ ticketNumber: open })) > 0);

    assert.ok(await bed.store.tickets.findByNumber(closed), 'the ticket and its history stay');
    assert.equal(await bed.connection.collection('ticketIntakes').countDocuments({ number: closed }), 0);
    assert.equal(await bed.connection.collection('ticketIntakes').countDocuments({ number: open }), 1);
    assert.equal(result.intakeKeys, 1);

    const states = (await bed.connection.collection('botState').find({}, { projection: { _id: 1 } }).toArray()).map((s) => String(s._id)).sort();
    assert.deepEqual(states, ['msteams/conversations/active', 'msteams/users/someone']);
    assert.equal(result.conversations, 1);
    assert.deepEqual(await bed.store.botState.read(['msteams/conversations/idle']), {}, 'a resident coming back starts afresh');

    assert.equal(await bed.connection.collection('outboxAttemptClaims').countDocuments({ scope: 'old:closed' }), 0, 'the attempt claims of a dropped entry go with it');
    assert.equal(await bed.connection.collection('outboxAttemptClaims').countDocuments({ scope: 'old:open' }), 1);

    const again = await runHousekeepingJob(bed.store, () => T);
    assert.deepEqual(again, { outboxEntries: 0, intakeKeys: 0, conversations: 0 });
  });

  it('keeps the cards of a notice still shown (publishing it again must not send them twice) and drops them once it is archived', async () => {
    await bed.connection.collection('notices').insertMany([
      { _id: 'N-shown' as never, status: 'published' },
      { _id: 'N-over' as never, status: 'archived' },
    ]);
    await sentMessage('notice:N-shown:r1', undefined, daysAgo(50), NOTICE_CARD_KIND, { noticeId: 'N-shown' });
    await sentMessage('notice:N-over:r1', undefined, daysAgo(50), NOTICE_CARD_KIND, { noticeId: 'N-over' });
    await runHousekeepingJob(bed.store, () => T);
    const left = (await bed.store.outbox.entries.find({ kind: NOTICE_CARD_KIND }, { _id: 1 }).lean()).map((e) => e._id);
    assert.deepEqual(left, ['notice:N-shown:r1']);
    assert.equal(await bed.store.outbox.record({ key: 'notice:N-shown:r1', kind: NOTICE_CARD_KIND, conversationKey: 'conv-resident', payload: { noticeId: 'N-shown' } }, T), false);
  });

  it('takes only the dropped cards off a ticket’s card list: a card sent after a reopen stays', async () => {
    const number = await resolvedTicket(bed.store, daysAgo(70), daysAgo(68));
    await bed.store.tickets.act(number, 'close', { by: system, at: daysAgo(67) });
    await bed.connection.collection('tickets').updateOne({ _id: number as never }, { $set: { updatedAt: daysAgo(67) } });
    await sentMessage(`old-card:${number}`, number, daysAgo(69), 'dispatch-card');
    // as if the ticket were reopened and a new card sent between the job's check and its delete
    await bed.connection.collection('ticketCards').updateOne({ _id: number as never }, { $addToSet: { entryIds: 'card-after-reopen' } });
    await runHousekeepingJob(bed.store, () => T);
    assert.deepEqual((await bed.connection.collection('ticketCards').findOne({ _id: number as never }))?.entryIds, ['card-after-reopen']);
  });
});
