import assert from 'node:assert/strict';
import { testServerUri } from '../support/database.js';
import { runNode } from '../support/processes.js';
import { intake, openJobTestBed, type JobTestBed } from './job-fixtures.js';

describe('propdesk job', function () {
  this.timeout(60_000);
  let bed: JobTestBed;
  before(async () => {
    bed = await openJobTestBed('cli_job');
  });
  after(async () => bed?.close());

  it('runs a job once for its slot as if the clock read --now; a second run of the slot does nothing', async () => {
    const { ticket } = await bed.store.tickets.open(intake(new Date('2026-11-26T02:00:00Z'), { category: 'security', text: '车库有人撬车' }));
    const env = { MONGODB_URI: `${testServerUri().replace(/\/$/, '')}/${bed.connection.db!.databaseName}` };
    const first = await runNode(['dist/bot/cli/main.js', 'job', 'sla', '--now', '2026-11-26T10:09:00+08:00'], { env });
    assert.equal(first.code, 0, first.stderr);
    const outcome = JSON.parse(first.stdout);
    assert.deepEqual([outcome.job, outcome.slot, outcome.ran, outcome.result.reminders], ['sla', 'sla:2026-11-26T10:09', true, 1]);
    assert.equal(await bed.store.outbox.entries.countDocuments({ ticketNumber: ticket.number }), 1);

    const again = await runNode(['dist/bot/cli/main.js', 'job', 'sla', '--now', '2026-11-26T10:09:30+08:00'], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).ran, false);

    const bad = await runNode(['dist/bot/cli/main.js', 'job', 'sla', '--now', 'yesterday'], { env });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    const unknown = await runNode(['dist/bot/cli/main.js', 'job', 'nonsense'], { env });
    assert.equal(unknown.code, 2);
  });
});
