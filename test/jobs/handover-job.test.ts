import assert from 'node:assert/strict';
import { runHandoverJob, shiftBounds } from '../../jobs/handover-job.js';
import { intake, openJobTestBed, type JobTestBed } from './job-fixtures.js';

describe('jobs: shift handover', function () {
  this.timeout(60_000);
  let bed: JobTestBed;
  before(async () => {
    bed = await openJobTestBed('handover_job');
  });
  after(async () => bed?.close());

  it('finds the shift boundaries in the property zone', () => {
    const bounds = shiftBounds(new Date('2026-11-26T00:00:00Z'), ['08:00', '20:00'], 'Asia/Shanghai');
    assert.deepEqual(bounds, {
      previous: new Date('2026-11-25T12:00:00Z'),
      current: new Date('2026-11-26T00:00:00Z'),
      next: new Date('2026-11-26T12:00:00Z'),
    });
  });

  it('hands over to the desk: received this shift, still open by status, due next shift, breached', async () => {
    const system = { kind: 'system' as const, id: 'test' };
    const earlier = await bed.store.tickets.open(intake(new Date('2026-11-25T23:00:00Z'), { text: '昨晚的报修' }));
    const received1 = await bed.store.tickets.open(intake(new Date('2026-11-26T01:00:00Z'), { category: 'inquiry', text: '物业费怎么交' }));
    const received2 = await bed.store.tickets.open(intake(new Date('2026-11-26T11:55:00Z'), { category: 'security', text: '车库有人撬车' }));
    await bed.store.tickets.act(received1.ticket.number, 'dispatch', { by: system, at: new Date('2026-11-26T01:00:00Z') });
    await bed.store.tickets.record(earlier.ticket.number, 'breached', { by: system, at: new Date('2026-11-26T05:00:00Z'), set: { replyBreached: true } });

    const content = await runHandoverJob(bed.store, () => new Date('2026-11-26T12:00:00Z')); // 20:00 in Shanghai
    assert.deepEqual(content.received, [received1.ticket.number, received2.ticket.number]);
    assert.deepEqual(content.openByStatus, { new: 2, dispatched: 1 });
    // the security ticket is to be answered by 20:10, last night's repair by 07:00 tomorrow
    assert.deepEqual(content.dueNextShift, [earlier.ticket.number, received2.ticket.number]);
    assert.deepEqual(content.breached, [earlier.ticket.number]);

    const entries = await bed.store.outbox.entries.find({ _id: /^handover:/ }).lean();
    assert.deepEqual(entries.map((e) => e.conversationKey).sort(), ['conv-desk1']);
    const text = bed.store.outbox.payloadOf<{ key: string; values: Record<string, string> }>(entries[0]!);
    assert.equal(text.key, 'jobHandover');
    assert.equal(text.values.from, '2026-11-26 08:00');
    assert.equal(text.values.to, '2026-11-26 20:00');
    assert.match(text.values.received!, new RegExp(`^2（${received1.ticket.number}, ${received2.ticket.number}）$`));
    assert.equal(text.values.open, '新建 2，已派发 1');
    await runHandoverJob(bed.store, () => new Date('2026-11-26T12:00:00Z'));
    assert.equal(await bed.store.outbox.entries.countDocuments({ _id: /^handover:/ }), 1, 'the same shift is handed over once');
  });
});
