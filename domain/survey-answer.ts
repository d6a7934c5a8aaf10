export const SURVEY_ANSWERS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type SurveyAnswer = (typeof SURVEY_ANSWERS)[number];

export interface ParsedSurveyAnswer {
  answer: SurveyAnswer;
  /** What the resident added (what could be better), without the rating itself. */
  comment: string | null;
}

const RATINGS: ReadonlyArray<[RegExp, SurveyAnswer]> = [
  [/^(不满意|很不满意|非常不满意|不太满意|差评|dissatisfied|unsatisfied|not satisfied|bad)/i, 'dissatisfied'],
  [/^(基本满意|还行|一般|还可以|basically satisfied|fairly satisfied|ok|okay)/i, 'basically-satisfied'],
  [/^(非常满意|很满意|满意|好评|very satisfied|satisfied|good|great)/i, 'satisfied'],
];

/** A score out of 5 (5 = most satisfied). */
const SCORES: Readonly<Record<string, SurveyAnswer>> = { '1': 'dissatisfied', '2': 'dissatisfied', '3': 'basically-satisfied', '4': 'satisfied', '5': 'satisfied' };

/**
 * Reads a survey answer: 满意 / 基本满意 / 不满意, their English words, or a score from 1 to 5
 * (5 = most satisfied). Returns null when the message is not an answer.
 */
export function parseSurveyAnswer(text: string): ParsedSurveyAnswer | null {
  const tidy = text.normalize('NFKC').trim();
  const number = /^([1-5])(?:\s*(?:分|星|stars?|points?|\/\s*5))?(?=$|[\s,，。;；:：!！-])/i.exec(tidy);
  if (number) return { answer: SCORES[number[1]!]!, comment: commentAfter(tidy, number[0].length) };
  for (const [pattern, answer] of RATINGS) {
    const match = pattern.exec(tidy);
    if (match) return { answer, comment: commentAfter(tidy, match[0].length) };
  }
  return null;
}

function commentAfter(text: string, index: number): string | null {
  const rest = text.slice(index).replace(/^[\s,，。.;；:：!！、-]+/, '').trim();
  return rest ? rest : null;
}
