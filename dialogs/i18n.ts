import i18next, { type TFunction } from 'i18next';
import type { Language } from './language.js';
import { archivesEn } from './locales/en/archives.js';
import { commonEn } from './locales/en/common.js';
import { jobsEn } from './locales/en/jobs.js';
import { residentEn } from './locales/en/resident.js';
import { staffEn } from './locales/en/staff.js';
import { archivesZhCN } from './locales/zh-CN/archives.js';
import { commonZhCN } from './locales/zh-CN/common.js';
import { jobsZhCN } from './locales/zh-CN/jobs.js';
import { residentZhCN } from './locales/zh-CN/resident.js';
import { staffZhCN } from './locales/zh-CN/staff.js';

/** The catalogue is split by audience (common, resident, staff, jobs, archives); every key exists in zh-CN and en. */
const zhCN = { ...commonZhCN, ...residentZhCN, ...staffZhCN, ...jobsZhCN, ...archivesZhCN };
const en: Record<keyof typeof zhCN, string> = { ...commonEn, ...residentEn, ...staffEn, ...jobsEn, ...archivesEn };

export type MessageKey = keyof typeof zhCN;
export type Translate = (key: MessageKey, values?: Record<string, unknown>) => string;

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

const translators = new Map<Language, Translate>();

/** The message catalogue in one language: `t('greeting', { property })`. Made once per language (every turn asks). */
export function translator(language: Language): Translate {
  let translate = translators.get(language);
  if (!translate) {
    const t: TFunction = i18n.getFixedT(language);
    translate = (key, values) => String(t(key, values ?? {}));
    translators.set(language, translate);
  }
  return translate;
}
