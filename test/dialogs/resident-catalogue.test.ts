import assert from 'node:assert/strict';
import { commonZhCN } from '../../dialogs/locales/zh-CN/common.js';
import { residentEn } from '../../dialogs/locales/en/resident.js';
import { residentZhCN } from '../../dialogs/locales/zh-CN/resident.js';
import { staffZhCN } from '../../dialogs/locales/zh-CN/staff.js';

describe('resident message catalogue', () => {
  it('has every key in zh-CN and en, none empty, with the same placeholders', () => {
    assert.deepEqual(Object.keys(residentEn).sort(), Object.keys(residentZhCN).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(residentZhCN)) {
      const en = residentEn[key as keyof typeof residentEn];
      assert.ok(zh && en, key);
      assert.deepEqual(placeholders(en), placeholders(zh), key);
    }
  });

  it('shares no key with the common or staff catalogues (a shared key would silently replace one of them)', () => {
    const others = new Set([...Object.keys(commonZhCN), ...Object.keys(staffZhCN)]);
    assert.deepEqual(Object.keys(residentZhCN).filter((key) => others.has(key)), []);
  });
});
