export const SURVEY_ANSWERS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type SurveyAnswer = (typeof SURVEY_ANSWERS)[number];

/** How an answer reads to people (staff messages, reports). */
export const SURVEY_ANSWER_LABELS: Readonly<Record<SurveyAnswer, { 'zh-CN': string; en: string }>> = {
  satisfied: { 'zh-CN': '满意', en: 'satisfied' },
  'basically-satisfied': { 'zh-CN': '基本满意', en: 'basically satisfied' },
  dissatisfied: { 'zh-CN': '不满意', en: 'dissatisfied' },
};

export interface ParsedSurveyAnswer {
  answer: SurveyAnswer;
  /** What the resident added (what could be better), without the rating itself. */
  comment: string | null;
}

/**
 * Explicit rating words: the whole message, or followed by a separator (a space counts) and a comment.
 * "满意度" or "badminton" are not ratings: the word must end there.
 */
const EXPLICIT: ReadonlyArray<[RegExp, SurveyAnswer]> = [
  [/^(非常不满意|很不满意|不太满意|不满意|差评|dissatisfied|unsatisfied|not satisfied)/i, 'dissatisfied'],
  [/^(基本满意|basically satisfied|fairly satisfied)/i, 'basically-satisfied'],
  [/^(非常满意|很满意|满意|好评|very satisfied|satisfied)/i, 'satisfied'],
];

/**
 * Words that also start ordinary messages ("一般几点收垃圾", "good morning, the lift…", "ok so my tap
 * leaks"): a rating only as the whole message or before a punctuation mark and a comment.
 */
const CASUAL: ReadonlyArray<[RegExp, SurveyAnswer]> = [
  [/^(poor|bad)/i, 'dissatisfied'],
  [/^(还可以|还行|一般|okay|ok)/i, 'basically-satisfied'],
  [/^(very good|excellent|great|good)/i, 'satisfied'],
];

/** A score out of 5 (5 = most satisfied). */
const SCORES: Readonly<Record<string, SurveyAnswer>> = { '1': 'dissatisfied', '2': 'dissatisfied', '3': 'basically-satisfied', '4': 'satisfied', '5': 'satisfied' };

const END = /^[\s!！。.~～吧啦呀]*$/;
const ANY_SEPARATOR = /^[\s,，。.;；:：!！、-]+\S/;
const PUNCTUATION = /^\s*[,，。.;；:：!！、-]+\s*\S/;

/**
 * Reads a survey answer: 满意 / 基本满意 / 不满意, their English words, or a score from 1 to 5
 * (5 = most satisfied), alone or followed by a comment. Returns null when the message is not an
 * answer — an ordinary request that merely starts with such a word is not one.
 */
export function parseSurveyAnswer(text: string): ParsedSurveyAnswer | null {
  const tidy = text.normalize('NFKC').trim();
  const score = /^([1-5])(\s*(?:分|星|stars?|points?|\/\s*5))?/i.exec(tidy);
  if (score) {
    const rest = tidy.slice(score[0].length);
    const withUnit = score[2] !== undefined;
    if (END.test(rest) || (withUnit ? ANY_SEPARATOR : PUNCTUATION).test(rest)) return { answer: SCORES[score[1]!]!, comment: commentAfter(tidy, score[0].length) };
    return null;
  }
  for (const [pattern, answer] of EXPLICIT) {
    const match = pattern.exec(tidy);
    if (!match) continue;
    const rest = tidy.slice(match[0].length);
    return END.test(rest) || ANY_SEPARATOR.test(rest) ? { answer, comment: commentAfter(tidy, match[0].length) } : null;
  }
  for (const [pattern, answer] of CASUAL) {
    const match = pattern.exec(tidy);
    if (!match) continue;
    const rest = tidy.slice(match[0].length);
    return END.test(rest) || PUNCTUATION.test(rest) ? { answer, comment: commentAfter(tidy, match[0].length) } : null;
  }
  return null;
}

function commentAfter(text: string, index: number): string | null {
  if (END.test(text.slice(index))) return null;
  const rest = text.slice(index).replace(/^[\s,，。.;；:：!！、-]+/, '').trim();
  return rest ? rest : null;
}
