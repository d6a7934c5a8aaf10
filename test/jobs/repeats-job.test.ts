import assert from 'node:assert/strict';
import { runRepeatsJob } from '../../jobs/repeats-job.js';
import { capaModel } from '../../store/models/capa.js';
import { intake, openJobTestBed, type JobTestBed } from './job-fixtures.js';

const DAY = 86_400_000;
const T = new Date('2026-11-26T02:00:00Z');
const daysAgo = (n: number) => new Date(T.getTime() - n * DAY);

describe('jobs: repeat complaints → CAPA', function () {
  this.timeout(60_000);
  let bed: JobTestBed;
  before(async () => {
    bed = await openJobTestBed('repeats_job');
  });
  after(async () => bed?.close());

  it('opens one CAPA per cluster and tells the service head and the project manager once', async () => {
    const noise = [];
    for (const ago of [20, 10, 2]) {
      noise.push((await bed.store.tickets.open(intake(daysAgo(ago), { category: 'complaint', severity: 'minor', text: '楼上噪音太大', location: { building: '5', unit: '1', room: '302' } }))).ticket.number);
    }
    const elevator = [];
    for (const [ago, room] of [[25, '101'], [12, '803'], [1, '1202']] as const) {
      elevator.push((await bed.store.tickets.open(intake(daysAgo(ago), { category: 'repair', text: '电梯又坏了', location: { building: '7', unit: '1', room } }))).ticket.number);
    }
    // two of a matter is not a repeat; a different household is another matter
    for (const room of ['401', '402']) await bed.store.tickets.open(intake(daysAgo(3), { category: 'complaint', text: '楼上噪音太大', location: { building: '5', unit: '1', room } }));
    await bed.store.tickets.open(intake(daysAgo(4), { category: 'complaint', text: '楼上噪音太大', location: { building: '5', unit: '1', room: '401' } }));
    await bed.store.tickets.open(intake(daysAgo(5), { category: 'complaint', text: '门口停车太乱', location: { building: '9', unit: '1', room: '101' } }));

    const first = await runRepeatsJob(bed.store, () => T);
    assert.equal(first.created.length, 2, `clusters: ${first.created.join(' | ')}`);
    const capas = await capaModel(bed.connection).find().sort({ matter: 1 }).lean();
    const byTickets = capas.map((c) => c.ticketNumbers.join(','));
    assert.ok(byTickets.includes(noise.join(',')));
    assert.ok(byTickets.includes(elevator.join(',')), 'the same lift in one building, whoever reports it');
    assert.ok(capas.every((c) => c.status === 'open'));

    const messages = await bed.store.outbox.entries.find({ _id: /^capa:/ }).lean();
    assert.equal(messages.length, 2 * 2);
    assert.deepEqual([...new Set(messages.map((m) => m.conversationKey))].sort(), ['conv-head', 'conv-pm']);

    await bed.store.tickets.open(intake(T, { category: 'complaint', text: '楼上噪音太大', location: { building: '5', unit: '1', room: '302' } }));
    const second = await runRepeatsJob(bed.store, () => new Date(T.getTime() + DAY));
    assert.deepEqual(second.created, [], 'a cluster that grows is still the same CAPA');
    assert.equal(await capaModel(bed.connection).countDocuments(), 2);
    assert.equal(await bed.store.outbox.entries.countDocuments({ _id: /^capa:/ }), 4);
  });
});
