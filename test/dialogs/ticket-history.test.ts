import assert from 'node:assert/strict';
import { EVENT_KIND_LABELS } from '../../domain/vocabulary.js';
import { TICKET_EVENT_KINDS } from '../../store/models/ticket.js';
import { actionLabel, describeEvent, latestNotableEvent, type HistoryEvent } from '../../dialogs/ticket-history.js';

describe('ticket history for people (zh, en)', () => {
  const resident = { kind: 'resident' as const, id: 'emulator:r30', name: 'User' };
  const system = { kind: 'system' as const, id: 'dispatcher', name: 'PropDesk' };
  const technician = { kind: 'staff' as const, id: 's-eng-1', name: '王师傅' };

  it('names every event kind in both languages', () => {
    for (const kind of TICKET_EVENT_KINDS) assert.ok(EVENT_KIND_LABELS[kind].zh && EVENT_KIND_LABELS[kind].en, kind);
  });

  it('shows a resident as 住户 / Resident, never by account id; staff by name; the system as 系统 / System', () => {
    const added: HistoryEvent = { kind: 'resident_message', by: resident, text: '下午两点后在家' };
    assert.equal(describeEvent(added, 'zh-CN'), '住户补充 · 住户 · 下午两点后在家');
    assert.equal(describeEvent({ kind: 'cancelled', by: resident }, 'en'), 'Cancelled by the resident · Resident');
    assert.equal(describeEvent({ kind: 'accepted', by: technician }, 'zh-CN'), '接单 · 王师傅');
    assert.equal(describeEvent({ kind: 'dispatched', by: system }, 'en'), 'Dispatched · System');
    for (const language of ['zh-CN', 'en'] as const) assert.doesNotMatch(describeEvent(added, language), /emulator|r30|resident_message/);
  });

  it('says who asked for a rework', () => {
    const reopened: HistoryEvent = { kind: 'reopened', by: { kind: 'system', id: 'resident' }, data: { reason: 'resident', round: 0 }, text: '还在滴水' };
    assert.equal(describeEvent(reopened, 'zh-CN'), '重新打开（返工） · 住户反馈没修好 · 还在滴水');
    assert.equal(describeEvent({ ...reopened, data: { reason: 'callback' }, text: undefined }, 'en'), 'Reopened for rework · dissatisfied at the callback');
  });

  it('names card verbs as the card buttons do', () => {
    assert.equal(actionLabel('accept', 'zh-CN'), '接单');
    assert.equal(actionLabel('note', 'en'), 'Note');
  });

  it('puts on a card what a person did or a change of status, not the system’s bookkeeping', () => {
    const events: HistoryEvent[] = [
      { kind: 'created', by: system },
      { kind: 'dispatched', by: system, from: 'new', to: 'dispatched' },
      { kind: 'reopened', by: system, from: 'resolved', to: 'dispatched' },
      { kind: 'callback', by: system, text: 'superseded: the ticket was reopened for rework since' },
      { kind: 'reminded', by: system },
    ];
    assert.equal(latestNotableEvent(events)?.kind, 'reopened');
    assert.equal(latestNotableEvent([...events, { kind: 'note', by: technician, from: 'dispatched', to: 'dispatched' }])?.kind, 'note');
    assert.equal(latestNotableEvent(events.slice(0, 1)), undefined);
  });
});
