import type { MessageKey } from '../i18n.js';

export type Hazard = 'gas' | 'fire' | 'intruder' | 'lift' | 'general';

const HAZARD_WORDS: ReadonlyArray<readonly [Hazard, RegExp]> = [
  ['gas', /煤气|燃气|天然气|气味|gas/i],
  ['fire', /着火|火灾|冒烟|烟雾|起火|浓烟|全是烟|有烟|烟很大|烟味|焦味|糊味|烧焦|fire|smoke|burning/i],
  ['intruder', /撬|小偷|盗|陌生人|闯入|抢|burglar|thief|intruder|break[- ]?in/i],
  ['lift', /被困|困在电梯|电梯.{0,6}(困|出不来|卡住|停了)|trapped|stuck in (?:the |a )?(?:lift|elevator)/i],
];

/** Which safety guidance fits the emergency described. */
export function hazardOf(text: string): Hazard {
  return HAZARD_WORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'general';
}

const DANGER_WORDS = /受伤|流血|危险|着火|爆炸|触电|漏电|被困|倒塌|injur|bleed|danger|explo|electrocut|trapped|collaps/i;

/** A major complaint describing danger to people is handled as an emergency. */
export function mentionsDanger(text: string): boolean {
  return DANGER_WORDS.test(text);
}

const GUIDANCE: Readonly<Record<Hazard, MessageKey>> = {
  gas: 'emergencyGas',
  fire: 'emergencyFire',
  intruder: 'emergencyIntruder',
  lift: 'emergencyLift',
  general: 'emergencyGeneral',
};

/** The safety guidance for a hazard: what to do now, before help arrives. */
export function guidanceFor(hazard: Hazard): MessageKey {
  return GUIDANCE[hazard];
}
