import assert from 'node:assert/strict';
import {
  ACTION_RULES,
  actionBetween,
  applyAction,
  applyActionTo,
  assertTransition,
  IllegalTransitionError,
  isActionAllowed,
  isActionAllowedOn,
  isOpen,
  isTerminal,
  staffWhoTookIt,
} from '../../domain/transitions.js';
import { TICKET_ACTIONS, TICKET_STATUSES, type TicketStatus } from '../../domain/vocabulary.js';

describe('ticket transitions', () => {
  it('walks the happy path new → dispatched → accepted → in_progress → resolved → closed', () => {
    let status: TicketStatus = 'new';
    for (const action of ['dispatch', 'accept', 'start', 'resolve', 'close'] as const) status = applyAction(status, action);
    assert.equal(status, 'closed');
  });

  it('lets a technician resolve on the spot right after accepting', () => {
    assert.equal(applyAction('accepted', 'resolve'), 'resolved');
  });

  it('reopens from resolved or closed back to dispatched', () => {
    assert.equal(applyAction('resolved', 'reopen'), 'dispatched');
    assert.equal(applyAction('closed', 'reopen'), 'dispatched');
    assert.throws(() => applyAction('in_progress', 'reopen'), IllegalTransitionError);
  });

  it('lets the resident cancel only before acceptance', () => {
    assert.equal(applyAction('new', 'cancel', 'resident'), 'cancelled');
    assert.equal(applyAction('dispatched', 'cancel', 'resident'), 'cancelled');
    assert.throws(() => applyAction('accepted', 'cancel', 'resident'), /cannot cancel a ticket that is accepted \(accepted → cancelled is not allowed\)/);
    assert.throws(() => applyAction('new', 'cancel', 'staff'), /only resident may cancel/);
  });

  it('lets the resident cancel only while no staff member has the ticket: a reworked ticket keeps its assignee', () => {
    const technician = { kind: 'staff' as const, id: 's-eng-1' };
    assert.equal(applyActionTo({ status: 'dispatched', assignee: null }, 'cancel', 'resident'), 'cancelled');
    assert.throws(() => applyActionTo({ status: 'dispatched', assignee: technician }, 'cancel', 'resident'), /cannot cancel .*: a staff member has taken the ticket/);
    assert.equal(isActionAllowedOn({ status: 'dispatched', assignee: technician }, 'cancel', 'resident'), false, 'reopened for rework, or assigned by name');
    assert.equal(isActionAllowedOn({ status: 'new' }, 'cancel', 'resident'), true);
    assert.equal(isActionAllowedOn({ status: 'dispatched', assignee: technician }, 'accept'), true, 'only cancelling asks who has it');
    assert.equal(applyActionTo({ status: 'resolved', assignee: technician }, 'reopen'), 'dispatched');
  });

  it('names everyone who had the ticket in hand: its assignee and whoever accepted it', () => {
    const events = [
      { kind: 'accepted', by: { kind: 'staff', id: 's-eng-1' } },
      { kind: 'reassigned', by: { kind: 'staff', id: 's-eng-1' } },
      { kind: 'accepted', by: { kind: 'staff', id: 's-sec-1' } },
      { kind: 'accepted', by: { kind: 'staff', id: 's-eng-1' } },
    ];
    assert.deepEqual(staffWhoTookIt({ status: 'cancelled', assignee: null, events }), ['s-eng-1', 's-sec-1']);
    assert.deepEqual(staffWhoTookIt({ status: 'dispatched', assignee: { kind: 'staff', id: 's-eng-2' }, events: [] }), ['s-eng-2']);
  });

  it('reply, note and escalate keep the status', () => {
    assert.equal(applyAction('dispatched', 'reply'), 'dispatched');
    assert.equal(applyAction('in_progress', 'escalate'), 'in_progress');
    assert.equal(applyAction('closed', 'note'), 'closed');
    assert.throws(() => applyAction('closed', 'escalate'), /cannot escalate a ticket that is closed/);
  });

  it('reassign sends a ticket back to dispatched from any working state', () => {
    for (const from of ['dispatched', 'accepted', 'in_progress'] as const) assert.equal(applyAction(from, 'reassign'), 'dispatched');
    assert.throws(() => applyAction('resolved', 'reassign'), IllegalTransitionError);
  });

  it('an illegal transition names both states and the action', () => {
    assert.throws(() => applyAction('new', 'resolve'), (e: unknown) => {
      assert.ok(e instanceof IllegalTransitionError);
      assert.equal(e.from, 'new');
      assert.equal(e.to, 'resolved');
      assert.equal(e.action, 'resolve');
      assert.equal(e.message, 'cannot resolve a ticket that is new (new → resolved is not allowed)');
      return true;
    });
  });

  it('assertTransition returns the action for a legal move and throws for the rest', () => {
    assert.equal(assertTransition('new', 'dispatched'), 'dispatch');
    assert.equal(assertTransition('accepted', 'dispatched'), 'reassign');
    assert.equal(assertTransition('closed', 'dispatched'), 'reopen');
    assert.throws(() => assertTransition('new', 'closed'), /cannot close a ticket that is new \(new → closed is not allowed\)/);
    assert.throws(() => assertTransition('resolved', 'new'), /cannot move a ticket from resolved to new/);
    assert.throws(() => assertTransition('cancelled', 'dispatched'), /cannot dispatch a ticket that is cancelled/);
  });

  it('no action leaves cancelled except a note, and every status-changing action agrees with actionBetween', () => {
    for (const action of TICKET_ACTIONS) {
      assert.equal(isActionAllowed('cancelled', action), action === 'note', action);
      for (const from of TICKET_STATUSES) {
        const rule = ACTION_RULES[action];
        if (rule.to !== null && isActionAllowed(from, action) && rule.to !== from) {
          assert.notEqual(actionBetween(from, rule.to), null, `${from} -${action}-> ${rule.to}`);
        }
      }
    }
  });

  it('classifies open and terminal statuses', () => {
    assert.deepEqual(TICKET_STATUSES.filter(isOpen), ['new', 'dispatched', 'accepted', 'in_progress']);
    assert.deepEqual(TICKET_STATUSES.filter(isTerminal), ['closed', 'cancelled']);
  });
});
