import assert from 'node:assert/strict';
import { archivesEn } from '../../dialogs/locales/en/archives.js';
import { archivesZhCN } from '../../dialogs/locales/zh-CN/archives.js';
import { commonZhCN } from '../../dialogs/locales/zh-CN/common.js';
import { jobsZhCN } from '../../dialogs/locales/zh-CN/jobs.js';
import { residentZhCN } from '../../dialogs/locales/zh-CN/resident.js';
import { staffZhCN } from '../../dialogs/locales/zh-CN/staff.js';
import { ARCHIVE_REQUEST_MESSAGES } from '../../store/internal-archive-access.js';

describe('archives and notices message catalogue', () => {
  it('has every key in zh-CN and en with the same placeholders', () => {
    assert.deepEqual(Object.keys(archivesEn).sort(), Object.keys(archivesZhCN).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(archivesZhCN)) {
      const en = archivesEn[key as keyof typeof archivesEn];
      assert.ok(zh && en, key);
      assert.deepEqual(placeholders(en), placeholders(zh), key);
    }
  });

  it('shares no key with the other catalogues', () => {
    const others = new Set([...Object.keys(commonZhCN), ...Object.keys(residentZhCN), ...Object.keys(staffZhCN), ...Object.keys(jobsZhCN)]);
    assert.deepEqual(Object.keys(archivesZhCN).filter((key) => others.has(key)), []);
  });

  it('has the texts the archive requests record in the outbox', () => {
    for (const key of Object.values(ARCHIVE_REQUEST_MESSAGES)) assert.ok(key in archivesZhCN && key in archivesEn, key);
  });
});
