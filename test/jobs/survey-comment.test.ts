import assert from 'node:assert/strict';
import { ResidentSurveyAnswers } from '../../jobs/resident-survey-answers.js';
import { runSurveyJob } from '../../jobs/survey-job.js';
import { Surveys } from '../../store/surveys.js';
import { hours, messageKeyOf, openJobTestBed, outboxFor, resolvedTicket, type JobTestBed } from './job-fixtures.js';

const RESOLVED = new Date('2026-11-26T02:00:00Z');

describe('jobs: what a resident says could be better after a survey', function () {
  this.timeout(60_000);
  let bed: JobTestBed;
  before(async () => {
    bed = await openJobTestBed('survey_comment');
  });
  after(async () => bed?.close());

  it('is kept on the survey and the ticket and sent to the department and the service head once (manual §2: every suggestion is followed up)', async () => {
    const number = await resolvedTicket(bed.store, new Date(RESOLVED.getTime() - hours(3)), RESOLVED, { category: 'complaint', severity: 'minor', text: '楼道装修噪音' });
    await runSurveyJob(bed.store, () => new Date(RESOLVED.getTime() + hours(1)));
    const answers = new ResidentSurveyAnswers(bed.store, () => new Date(RESOLVED.getTime() + hours(2)));
    await answers.answer(number, 'basically-satisfied', null);
    const survey = (await new Surveys(bed.connection).surveys.findOne({ ticketNumber: number }).lean())!;
    await answers.comment(survey._id, number, 'msteams:resident-1', '希望施工时间能提前通知');
    await answers.comment(survey._id, number, 'msteams:resident-1', '希望施工时间能提前通知');

    const texts = (await outboxFor(bed.store, number)).filter((entry) => messageKeyOf(bed.store, entry) === 'jobSurveyComment');
    assert.deepEqual(texts.map((entry) => entry.conversationKey).sort(), ['conv-agent1', 'conv-desk1', 'conv-head'], 'the customer service department and its head, once each');
    const values = bed.store.outbox.payloadOf<{ values: Record<string, string> }>(texts[0]!).values;
    assert.deepEqual(values, { number, answer: '基本满意', comment: '希望施工时间能提前通知' });
    assert.equal((await bed.store.tickets.getByNumber(number)).events.filter((e) => e.kind === 'survey' && e.text === '希望施工时间能提前通知').length, 2);
  });
});
