import assert from 'node:assert/strict';
import { departmentFor, escalationTarget, escalationTargetFor, routeTicket } from '../../domain/routing.js';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  effectiveSeverity,
  isCategory,
  isSeverity,
  isSource,
  natureOf,
  SOURCE_LABELS,
  SOURCES,
} from '../../domain/vocabulary.js';

describe('vocabulary', () => {
  it('has the manual’s seven sources plus chat, each labelled', () => {
    assert.equal(SOURCES.length, 8);
    assert.ok(SOURCES.includes('chat'));
    assert.equal(SOURCE_LABELS.walk_in.zh, '业主亲自到前台');
    assert.equal(isSource('owners_committee'), true);
    assert.equal(isSource('email'), false);
  });

  it('labels every category and recognises the words', () => {
    for (const category of CATEGORIES) assert.ok(CATEGORY_LABELS[category].zh.length > 0);
    assert.equal(isCategory('repair'), true);
    assert.equal(isCategory('Repair'), false);
    assert.equal(isSeverity('minor'), true);
    assert.equal(isSeverity(null), false);
  });

  it('nature: major and important complaints and every security item are important', () => {
    assert.equal(natureOf('complaint', 'major'), 'important');
    assert.equal(natureOf('complaint', 'important'), 'important');
    assert.equal(natureOf('complaint', 'minor'), 'general');
    assert.equal(natureOf('security'), 'important');
    assert.equal(natureOf('repair', 'major'), 'general');
    assert.equal(natureOf('inquiry'), 'general');
  });

  it('severity applies to complaints only; an ungraded complaint counts as important', () => {
    assert.equal(effectiveSeverity('complaint', undefined), 'important');
    assert.equal(effectiveSeverity('complaint', 'minor'), 'minor');
    assert.equal(effectiveSeverity('repair', 'major'), null);
  });
});

describe('routing', () => {
  it('follows the manual’s table', () => {
    assert.equal(departmentFor('complaint'), 'service');
    assert.equal(departmentFor('inquiry'), 'service');
    assert.equal(departmentFor('other'), 'service');
    assert.equal(departmentFor('repair'), 'engineering');
    assert.equal(departmentFor('security'), 'security');
  });

  it('major complaints also reach the service head and the project manager, at once', () => {
    assert.deepEqual(routeTicket('complaint', 'major'), {
      department: 'service',
      alsoNotify: ['service-head', 'project-manager'],
      immediate: true,
    });
    assert.deepEqual(routeTicket('complaint', 'minor'), { department: 'service', alsoNotify: [], immediate: false });
  });

  it('security items reach security at once', () => {
    assert.deepEqual(routeTicket('security'), { department: 'security', alsoNotify: [], immediate: true });
    assert.equal(routeTicket('repair').immediate, false);
  });

  it('escalates breaches by level: minor → desk, important → service head, major → project manager', () => {
    assert.equal(escalationTarget('minor'), 'desk');
    assert.equal(escalationTarget('important'), 'service-head');
    assert.equal(escalationTarget('major'), 'project-manager');
    assert.equal(escalationTarget('security'), 'project-manager');
    assert.equal(escalationTarget('repair'), 'service-head');
    assert.equal(escalationTarget('inquiry'), 'desk');
    assert.equal(escalationTargetFor('complaint', 'major'), 'project-manager');
    assert.equal(escalationTargetFor('complaint', null), 'service-head');
    assert.equal(escalationTargetFor('other', 'major'), 'desk');
  });
});
