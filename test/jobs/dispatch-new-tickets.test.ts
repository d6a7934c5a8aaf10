import assert from 'node:assert/strict';
import { dispatchNewTickets } from '../../jobs/dispatch-new-tickets.js';
import { intake, openJobTestBed, outboxFor, type JobTestBed } from './job-fixtures.js';

const T = new Date('2026-11-26T02:00:00Z');
const resident = { kind: 'resident' as const, id: 'msteams:resident-1' };

describe('jobs: dispatching new tickets', function () {
  this.timeout(60_000);
  let bed: JobTestBed;
  before(async () => {
    bed = await openJobTestBed('dispatch_new');
  });
  after(async () => bed?.close());

  it('sends a ticket just opened to its department and marks it dispatched, once', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T, { category: 'repair', text: '厨房水管漏水' }));
    assert.deepEqual(await dispatchNewTickets(bed.store, () => T), [ticket.number]);
    assert.equal((await bed.store.tickets.getByNumber(ticket.number)).status, 'dispatched');
    const cards = (await outboxFor(bed.store, ticket.number)).filter((e) => e.kind === 'dispatch-card');
    assert.deepEqual(cards.map((c) => c.conversationKey).sort(), ['conv-eng1', 'conv-eng2']);
    assert.deepEqual(await dispatchNewTickets(bed.store, () => T), []);
  });

  it('does not send a ticket the resident cancelled right after opening it', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T, { category: 'repair', text: '卫生间灯不亮' }));
    await bed.store.tickets.act(ticket.number, 'cancel', { by: resident, at: T });
    assert.deepEqual(await dispatchNewTickets(bed.store, () => T), []);
    assert.equal((await bed.store.tickets.getByNumber(ticket.number)).status, 'cancelled');
    assert.equal((await outboxFor(bed.store, ticket.number)).filter((e) => e.kind === 'dispatch-card').length, 0);
  });

  it('dispatches from a fresh read when the ticket changed after it was opened (a note added)', async () => {
    const { ticket } = await bed.store.tickets.open(intake(T, { category: 'repair', text: '阳台门关不上' }));
    await bed.store.tickets.record(ticket.number, 'resident_message', { by: resident, at: T, text: '晚上在家' });
    assert.deepEqual(await dispatchNewTickets(bed.store, () => T), [ticket.number]);
    const stored = await bed.store.tickets.getByNumber(ticket.number);
    assert.equal(stored.status, 'dispatched');
    assert.deepEqual(stored.events.map((e) => e.kind), ['created', 'resident_message', 'dispatched']);
  });
});
