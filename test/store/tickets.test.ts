import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import { deadlinesFor } from '../../domain/sla-clock.js';
import { IllegalTransitionError } from '../../domain/transitions.js';
import { ensureIndexes } from '../../store/indexes.js';
import type { Actor } from '../../store/models/ticket.js';
import { TicketRepository, type TicketIntake } from '../../store/ticket-repository.js';
import { connectDatabase } from '../../store/database.js';
import { closeTestDatabase, openTestDatabase, testServerUri } from '../support/database.js';

const property = loadConfig({}).property;
const desk: Actor = { kind: 'system', id: 'chat-intake', name: 'PropDesk' };
const technician: Actor = { kind: 'staff', id: 's-eng-1', name: '王师傅' };
const resident: Actor = { kind: 'resident', id: 'emulator:u1' };
const at = new Date('2026-11-26T02:00:00Z'); // 10:00 in Shanghai, a Thursday

let intakeCounter = 0;
function intake(fields: Partial<TicketIntake> = {}): TicketIntake {
  intakeCounter += 1;
  return {
    intakeKey: `emulator:conv-1:activity-${intakeCounter}-${Math.random()}`,
    category: 'repair',
    source: 'chat',
    channel: 'emulator',
    text: '3栋2单元501厨房水管爆了',
    location: { building: '3', unit: '2', room: '501' },
    receiver: desk,
    at,
    ...fields,
  };
}

describe('ticket store', () => {
  let connection: Connection;
  let repository: TicketRepository;
  before(async () => {
    connection = await openTestDatabase('tickets');
    await ensureIndexes(connection);
    repository = new TicketRepository(connection, property);
  });
  after(async () => {
    await closeTestDatabase(connection);
  });

  it('opens a ticket with a readable number, routing, nature and SLA deadlines from the domain', async () => {
    const { ticket, created } = await repository.open(intake({ category: 'complaint', severity: 'major', text: '电梯夹伤了孩子，要求赔偿' }));
    assert.equal(created, true);
    assert.match(ticket.number, /^HY01-20261126-\d{4}$/);
    assert.equal(ticket.department, 'service');
    assert.equal(ticket.nature, 'important');
    assert.equal(ticket.status, 'new');
    assert.equal(ticket.urgent, true);
    const expected = deadlinesFor(property, 'complaint', 'major', at);
    assert.equal(ticket.replyDueAt.getTime(), expected.replyDueAt.getTime());
    assert.equal(ticket.resolveDueAt?.getTime(), expected.resolveDueAt?.getTime());
    assert.deepEqual(ticket.events.map((e) => e.kind), ['created']);
    const stored = await connection.db!.collection('tickets').findOne({ number: ticket.number });
    for (const field of ['number', 'category', 'severity', 'status', 'source', 'channel', 'text', 'location', 'replyDueAt', 'resolveDueAt', 'createdAt', 'events']) {
      assert.ok(stored && field in stored, `stored ticket lacks ${field}`);
    }
  });

  it('walks the whole lifecycle and keeps the history with actors', async () => {
    const { ticket } = await repository.open(intake());
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
    await repository.act(ticket.number, 'dispatch', { by: desk, at: later(1) });
    await repository.act(ticket.number, 'accept', { by: technician, at: later(5), set: { assignee: technician } });
    await repository.act(ticket.number, 'start', { by: technician, at: later(30) });
    await repository.act(ticket.number, 'note', { by: technician, at: later(40), text: '需要更换阀门' });
    await repository.act(ticket.number, 'resolve', { by: technician, at: later(90), text: '已更换阀门' });
    await repository.act(ticket.number, 'reopen', { by: resident, at: later(120), text: '还在漏' });
    await repository.act(ticket.number, 'accept', { by: technician, at: later(125) });
    await repository.act(ticket.number, 'start', { by: technician, at: later(126) });
    await repository.act(ticket.number, 'resolve', { by: technician, at: later(180) });
    const final = await repository.act(ticket.number, 'close', { by: desk, at: later(200) });

    assert.equal(final.status, 'closed');
    assert.deepEqual(
      final.events.map((e) => e.kind),
      ['created', 'dispatched', 'accepted', 'started', 'note', 'resolved', 'reopened', 'accepted', 'started', 'resolved', 'closed'],
    );
    assert.equal(final.events[2]!.by.id, 's-eng-1');
    assert.equal(final.events[4]!.text, '需要更换阀门');
    assert.equal(final.firstReplyAt?.getTime(), later(5).getTime());
    assert.equal(final.resolvedAt?.getTime(), later(180).getTime());
    assert.equal(final.closedAt?.getTime(), later(200).getTime());
    assert.equal(final.assignee?.id, 's-eng-1');
    assert.equal(final.version, 10);
  });

  it('refuses an illegal transition, names it, and changes nothing', async () => {
    const { ticket } = await repository.open(intake());
    await assert.rejects(repository.act(ticket.number, 'resolve', { by: technician, at }), (err: unknown) => {
      assert.ok(err instanceof IllegalTransitionError);
      assert.match(err.message, /resolve/);
      assert.match(err.message, /new/);
      return true;
    });
    await assert.rejects(repository.act(ticket.number, 'cancel', { by: technician, at }), IllegalTransitionError);
    const after = await repository.getByNumber(ticket.number);
    assert.equal(after.status, 'new');
    assert.equal(after.version, 0);
    assert.equal(after.events.length, 1);
    const cancelled = await repository.act(ticket.number, 'cancel', { by: resident, at });
    assert.equal(cancelled.status, 'cancelled');
  });

  it('refuses a resident cancel of a ticket a staff member has, judged on the ticket as stored (a reworked ticket keeps its assignee)', async () => {
    const { ticket } = await repository.open(intake());
    await repository.act(ticket.number, 'dispatch', { by: desk, at });
    const accepted = await repository.act(ticket.number, 'accept', { by: technician, at, set: { assignee: technician } });
    await repository.act(ticket.number, 'resolve', { by: technician, at, text: '已更换阀门' });
    const reworked = await repository.act(ticket.number, 'reopen', { by: desk, at, set: { assignee: accepted.assignee } });
    assert.deepEqual([reworked.status, reworked.assignee?.id], ['dispatched', 's-eng-1']);
    await assert.rejects(repository.act(ticket.number, 'cancel', { by: resident, at }), /a staff member has taken the ticket/);

    const passedOn = await repository.act(ticket.number, 'reassign', { by: technician, at, set: { department: 'security', assignee: null } });
    const guard = { kind: 'staff' as const, id: 's-sec-1', name: '保安' };
    await repository.act(ticket.number, 'reassign', { by: technician, at, set: { department: 'security', assignee: guard } });
    await assert.rejects(repository.act(ticket.number, 'cancel', { by: resident, at, current: passedOn }), /a staff member has taken the ticket/, 'a stale read does not decide');
    await repository.act(ticket.number, 'reassign', { by: technician, at, set: { department: 'engineering', assignee: null } });
    assert.equal((await repository.act(ticket.number, 'cancel', { by: resident, at })).status, 'cancelled', 'passed on to a department: nobody has it');
  });

  it('returns the first ticket when the same activity is taken in twice', async () => {
    const request = intake();
    const first = await repository.open(request);
    const second = await repository.open({ ...request, text: 'retried' });
    assert.equal(second.created, false);
    assert.equal(second.ticket.number, first.ticket.number);
    assert.equal(await repository.tickets.countDocuments({ intakeKey: request.intakeKey }), 1);
  });

  it('opens one ticket for two concurrent intakes of one activity, even from two processes', async () => {
    const other = await connectDatabase(testServerUri(), connection.db!.databaseName);
    try {
      const otherRepository = new TicketRepository(other, property);
      const request = intake();
      const results = await Promise.all([repository.open(request), otherRepository.open(request), repository.open(request)]);
      assert.equal(new Set(results.map((r) => r.ticket.number)).size, 1);
      assert.equal(results.filter((r) => r.created).length, 1);
      assert.equal(await repository.tickets.countDocuments({ intakeKey: request.intakeKey }), 1);
    } finally {
      await other.close();
    }
  });

  it('gives 50 concurrent intakes 50 different numbers, across two processes', async () => {
    const day = new Date('2026-12-01T03:00:00Z');
    const other = await connectDatabase(testServerUri(), connection.db!.databaseName);
    try {
      const otherRepository = new TicketRepository(other, property);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? repository : otherRepository).open(intake({ at: day }))),
      );
      const numbers = results.map((r) => r.ticket.number);
      assert.equal(new Set(numbers).size, 50);
      assert.ok(numbers.every((n) => n.startsWith('HY01-20261201-')));
      assert.equal(await repository.tickets.countDocuments({ number: { $regex: '^HY01-20261201-' } }), 50);
    } finally {
      await other.close();
    }
  });

  it('continues the day’s numbering after a restart', async () => {
    const day = new Date('2026-12-02T03:00:00Z');
    for (let i = 0; i < 5; i += 1) await repository.open(intake({ at: day }));
    const restarted = new TicketRepository(connection, property);
    const { ticket } = await restarted.open(intake({ at: day }));
    assert.equal(ticket.number, 'HY01-20261202-0006');
    assert.equal((await restarted.findByNumber('hy01-20261202-0006'))?.text, ticket.text);
  });

  it('numbers by the property’s day, not UTC’s', async () => {
    const lateEvening = new Date('2026-11-26T17:30:00Z'); // 01:30 on Nov 27 in Shanghai
    const { ticket } = await repository.open(intake({ at: lateEvening }));
    assert.match(ticket.number, /^HY01-20261127-/);
  });

  it('lets only one of two concurrent accepts win', async () => {
    const { ticket } = await repository.open(intake());
    await repository.act(ticket.number, 'dispatch', { by: desk, at });
    const other = { kind: 'staff', id: 's-eng-2', name: '刘师傅' } as const;
    const outcomes = await Promise.allSettled([
      repository.act(ticket.number, 'accept', { by: technician, at, set: { assignee: technician } }),
      repository.act(ticket.number, 'accept', { by: other, at, set: { assignee: other } }),
    ]);
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    assert.ok(rejected.reason instanceof IllegalTransitionError, String(rejected.reason));
    const final = await repository.getByNumber(ticket.number);
    assert.equal(final.events.filter((e) => e.kind === 'accepted').length, 1);
  });
});
