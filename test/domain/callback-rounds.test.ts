import assert from 'node:assert/strict';
import { callbackCountsFor, isEarlierRound, recordedCallbackRound, resolutionRound, settledBecause } from '../../domain/callback-rounds.js';

const reopenedTwice = [{ kind: 'created' }, { kind: 'resolved' }, { kind: 'reopened' }, { kind: 'resolved' }, { kind: 'reopened' }, { kind: 'resolved' }];
const resolvedAt = new Date('2026-11-26T02:00:00Z');
const before = new Date(resolvedAt.getTime() - 1);

describe('callback rounds (domain/callback-rounds.ts)', () => {
  it('a ticket’s round is how many times it was reopened; an earlier round is a lower one, an unknown round is never earlier', () => {
    assert.equal(resolutionRound({ events: reopenedTwice }), 2);
    assert.equal(resolutionRound({ events: null }), 0);
    assert.equal(isEarlierRound(1, 2), true);
    assert.equal(isEarlierRound(2, 2), false);
    assert.equal(isEarlierRound(null, 2), false);
  });

  it('a callback counts for the current round, also on an earlier round’s task when made after the current resolution; made before it, or during rework, it counts for none', () => {
    const ticket = { events: reopenedTwice, resolvedAt };
    assert.equal(callbackCountsFor(2, ticket, before), 2, 'the current round’s task');
    assert.equal(callbackCountsFor(null, ticket, before), 2, 'a task of unknown round');
    assert.equal(callbackCountsFor(0, ticket, resolvedAt), 2, 'made at the current resolution');
    assert.equal(callbackCountsFor(1, ticket, new Date(resolvedAt.getTime() + 3_600_000)), 2);
    assert.equal(callbackCountsFor(1, ticket, before), null);
    assert.equal(callbackCountsFor(1, { events: reopenedTwice, resolvedAt: null }, resolvedAt), null, 'back in rework');
  });

  it('a callback already on the history counted for its stored round; one of no stored round for the round the ticket was at when it was recorded', () => {
    const done = (data: Record<string, unknown>) => ({ kind: 'callback', data: { task: 'T#0', done: true, ...data } });
    assert.equal(recordedCallbackRound([...reopenedTwice, done({ round: 0 })], 'T#0'), 0);
    assert.equal(recordedCallbackRound([...reopenedTwice, done({ earlierRound: true })], 'T#0'), null, 'history only');
    assert.equal(recordedCallbackRound([{ kind: 'reopened' }, done({}), { kind: 'reopened' }], 'T#0'), 1, 'recorded before rounds were stored');
    assert.equal(recordedCallbackRound([...reopenedTwice, { kind: 'callback', data: { task: 'T#0', method: 'phone' } }], 'T#0'), undefined, 'the survey job’s note of the task is not a callback made');
    assert.equal(recordedCallbackRound([done({ round: 0 })], 'T#1'), undefined);
    assert.equal(recordedCallbackRound(null, 'T#0'), undefined);
  });

  it('a survey or task waits on nothing once its ticket is closed or cancelled (any round), or its round was reworked', () => {
    assert.equal(settledBecause(2, { status: 'closed', events: reopenedTwice }), 'closed');
    assert.equal(settledBecause(null, { status: 'cancelled', events: [] }), 'cancelled');
    assert.equal(settledBecause(1, { status: 'resolved', events: reopenedTwice }), 'reworked');
    assert.equal(settledBecause(2, { status: 'resolved', events: reopenedTwice }), null);
    assert.equal(settledBecause(null, { status: 'dispatched', events: reopenedTwice }), null);
  });
});
