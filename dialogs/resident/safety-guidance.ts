import type { MessageKey } from '../i18n.js';

export type Hazard = 'distress' | 'gas' | 'fire' | 'intruder' | 'lift' | 'violence' | 'missing' | 'general';

const HAZARD_WORDS: ReadonlyArray<readonly [Hazard, RegExp]> = [
  ['gas', /煤气|燃气|天然气|气味|gas/i],
  ['fire', /着火|火灾|冒烟|烟雾|起火|浓烟|黑烟|全是烟|有烟|烟很大|烟味|焦味|糊味|烧焦|火光|fire|smoke|burning|alight|ablaze/i],
  ['intruder', /撬|偷|盗|陌生人|闯入|抢|burglar|thief|intruder|break[- ]?in|broken into|someone'?s in my|some(?:one|body) is in my/i],
  ['lift', /被困|困在电梯|困电梯|电梯.{0,6}(困|出不来|卡住|停了)|trapped|stuck in (?:the |a )?(?:lift|elevator)/i],
  ['distress', /(?<![累烦热吵气饿困笑得])想死|不想活|不想再活|自杀|轻生|跳楼|跳下去|结束(?:这一切|生命|自己)|活着没意思|遗书|割腕|安眠药|永别|kill (?:my|him|her)self|suicid|want(?:s)? to die|end (?:it all|my life)|don'?t want to (?:live|be alive)|(?:taken|took) all (?:my|the|of my) pills|\bkms\b/i],
  ['violence', /家暴|打[我她他](?![们的]|[^，。,]{0,4}(?:电话|手机|微信))|打人|打老婆|打架|砍人|持刀|拿刀|踹门|闯进|hitting|beating (?!the)|(?<!heart |panic |asthma )attack|fight|knife/i],
  ['missing', /走丢|走失|失联|失踪|(?:孩子|小孩|儿子|女儿|宝宝|老人|爸|妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|老公|老婆|老伴)[^，。,]{0,6}(?:丢了|找不到|找不着|不见了)|寻人|没回家|没回来|未归|没影|一宿没回|联系不上|下落不明|离家出走|missing|wandered off|out all night|never came (?:home|back)|anyone seen|lost (?:child|kid|little)|can'?t find (?:my|our|him|her)/i],
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
  distress: 'emergencyDistress',
  gas: 'emergencyGas',
  fire: 'emergencyFire',
  intruder: 'emergencyIntruder',
  lift: 'emergencyLift',
  violence: 'emergencyViolence',
  missing: 'emergencyMissing',
  general: 'emergencyGeneral',
};

/** The safety guidance for a hazard: what to do now, before help arrives. */
export function guidanceFor(hazard: Hazard): MessageKey {
  return GUIDANCE[hazard];
}
