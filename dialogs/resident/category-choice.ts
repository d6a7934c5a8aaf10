import type { Category } from '../../domain/index.js';

const ANSWERS: ReadonlyArray<readonly [Category, RegExp]> = [
  ['repair', /^(报修|维修|维修报修|repair)$/i],
  ['complaint', /^(投诉|建议|投诉建议|complaint|suggestion|complaint \/ suggestion)$/i],
  ['inquiry', /^(咨询|inquiry|question)$/i],
  ['security', /^(公共安全|安全|紧急|security|public safety|emergency)$/i],
  ['other', /^(其他|other)$/i],
];

/** The category a resident picked (button value or typed name). */
export function categoryFromAnswer(text: string | undefined): Category | null {
  const trimmed = (text ?? '').trim().replace(/[。.!！]+$/u, '');
  return ANSWERS.find(([, pattern]) => pattern.test(trimmed))?.[0] ?? null;
}
