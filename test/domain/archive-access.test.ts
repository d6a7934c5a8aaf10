import assert from 'node:assert/strict';
import { INTERNAL_ACCESS_WINDOW_MS, internalAccessExpiresAt, internalAccessState, mayApproveInternalAccess, readsWithoutApproval, type ArchiveStaff } from '../../domain/archive-access.js';

const desk: ArchiveStaff = { id: 's-desk-1', department: 'service', role: 'desk' };
const head: ArchiveStaff = { id: 's-head-1', department: 'service', role: 'service-head' };
const pm: ArchiveStaff = { id: 's-pm-1', department: 'management', role: 'project-manager' };
const engineer: ArchiveStaff = { id: 's-eng-1', department: 'engineering', role: 'technician' };
const otherDesk: ArchiveStaff = { id: 's-desk-2', department: 'service', role: 'desk' };

describe('internal archive access rules (manual §3)', () => {
  it('lets heads and the project manager read without approval, nobody else', () => {
    assert.deepEqual([desk, head, pm, engineer].map(readsWithoutApproval), [false, true, true, false]);
  });

  it("a head of the requester's department or the project manager approves; not a colleague, not another department's head, not oneself", () => {
    assert.equal(mayApproveInternalAccess(head, desk), true);
    assert.equal(mayApproveInternalAccess(pm, desk), true);
    assert.equal(mayApproveInternalAccess(pm, engineer), true, 'engineering has no head role: the project manager decides');
    assert.equal(mayApproveInternalAccess(head, engineer), false);
    assert.equal(mayApproveInternalAccess(otherDesk, desk), false);
    assert.equal(mayApproveInternalAccess(pm, pm), false);
  });

  it('an approval grants 24 hours from the moment it is given; a refusal grants nothing', () => {
    const approvedAt = new Date('2026-11-26T02:00:00Z');
    assert.equal(INTERNAL_ACCESS_WINDOW_MS, 86_400_000);
    assert.equal(internalAccessExpiresAt(approvedAt).toISOString(), '2026-11-27T02:00:00.000Z');
    const approved = { outcome: 'approved' as const, at: approvedAt };
    assert.equal(internalAccessState(null, approvedAt), 'pending');
    assert.equal(internalAccessState(approved, new Date('2026-11-27T01:59:59.999Z')), 'granted');
    assert.equal(internalAccessState(approved, new Date('2026-11-27T02:00:00Z')), 'expired');
    assert.equal(internalAccessState({ outcome: 'refused', at: approvedAt }, approvedAt), 'refused');
  });
});
