import i18next, { type TFunction } from 'i18next';
import type { Language } from './language.js';
import { en } from './locales/en.js';
import { zhCN } from './locales/zh-CN.js';

export type MessageKey = keyof typeof zhCN;

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The message catalogue in one language: `t('greeting', { property })`. */
export function translator(language: Language): (key: MessageKey, values?: Record<string, unknown>) => string {
  const t: TFunction = i18n.getFixedT(language);
  return (key, values) => String(t(key, values ?? {}));
}
