export type Language = 'zh-CN' | 'en';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * The language to answer in: what the resident wrote wins (Chinese characters → zh-CN, Latin words
 * only → en); without text, the channel's locale decides; Chinese is the default.
 */
export function detectLanguage(text: string | undefined, locale?: string): Language {
  if (text && HAN.test(text)) return 'zh-CN';
  if (text && LATIN_WORD.test(text)) return 'en';
  if (locale && /^en\b/i.test(locale)) return 'en';
  return 'zh-CN';
}
