/**
 * High-precision rules. Life-safety words always give the security category; severity cues
 * override the severity classifier for complaints. Rules run on normalised text (NFKC, lower case).
 */
import { normalize } from './features.js';
import type { Severity } from './types.js';

interface Rule {
  name: string;
  pattern: RegExp;
}

/** Life-safety cues (Chinese and English). Each name is the canonical cue reported in `rules`. */
export const SAFETY_RULES: readonly Rule[] = [
  { name: '着火', pattern: /(?<![打点]不?|不)着火|起火|失火|火灾|火警|烧起来|火苗|明火/ },
  { name: '冒烟', pattern: /冒烟|浓烟|冒黑烟|烟雾很大/ },
  { name: '焦糊味', pattern: /焦糊味|糊味|烧焦味|焦味/ },
  { name: '燃气泄漏', pattern: /(煤气|燃气|天然气|液化气)(泄漏|泄露|漏气|漏了|味|的味道|外泄)|漏(煤气|燃气|天然气)/ },
  { name: '被困电梯', pattern: /被困|困在电梯|电梯.{0,6}困(人|住|了)|关在电梯|电梯.{0,4}(出不来|打不开门.{0,3}里面有人)/ },
  { name: '小偷', pattern: /小偷|盗窃|被盗|失窃|入室|偷(东西|车|走|了)|盗贼/ },
  { name: '撬门', pattern: /撬(门|锁|窗|开)/ },
  { name: '打架', pattern: /打架|斗殴|打人|动手打|持刀|拿刀|砍人|行凶/ },
  { name: '可疑人员', pattern: /可疑(人员|的人|人物|男子|女子)|陌生人.{0,6}(尾随|徘徊|敲门|跟踪)|尾随/ },
  { name: '救命', pattern: /救命|快来人|报警了?!|有人晕倒|晕倒了|昏迷/ },
  { name: '爆炸', pattern: /爆炸|炸了(?!锅)/ },
  { name: 'fire', pattern: /\bfire\b(?!\s*(?:extinguisher|door|exit|hydrant|alarm test|drill|escape|lane|hose))|\bon fire\b|\bburning\b|\bflames?\b/ },
  { name: 'smoke', pattern: /\bsmoke\b(?!\s*(?:detector|alarm battery))|\bsmoky\b|burning smell|smell(?:s|ing)? (?:of )?(?:something )?burn/ },
  { name: 'gas', pattern: /\bgas\s*(?:leak|leaking|smell)|smell(?:s|ing)? (?:of )?gas|\bleak(?:ing)? gas/ },
  { name: 'trapped', pattern: /\btrapped\b|\bstuck in (?:the |an |a )?(?:elevator|lift)|(?:elevator|lift) .{0,20}\bstuck\b.{0,20}\b(?:inside|people|someone|kid|child|person|man|woman)/ },
  { name: 'break-in', pattern: /\bbreak[- ]?in\b|\bbroke in(?:to)?\b|\bbreaking in(?:to)?\b|\bburglar|\bburglary\b|\bthie(?:f|ves)\b|\bintruder|\bpicking the lock|\bpried (?:open|the)/ },
  { name: 'fight', pattern: /\bfight(?:ing)?\b|\bassault|\bknife\b|\bstabb/ },
  { name: 'suspicious', pattern: /\bsuspicious (?:person|man|woman|people|guy|stranger|individual)|\bstranger .{0,20}(?:following|lurking|loitering)/ },
  { name: 'help', pattern: /\bhelp!|\bunconscious\b|\bpassed out\b/ },
];

/** Names of the safety cues found in the text (empty when none). */
export function matchSafety(text: string): string[] {
  const t = normalize(text);
  return SAFETY_RULES.filter((r) => r.pattern.test(t)).map((r) => r.name);
}

export const MAJOR_CUES: readonly Rule[] = [
  { name: '受伤', pattern: /受伤|摔伤|砸伤|烫伤|划伤|咬伤|骨折|流血|伤到/ },
  { name: '住院', pattern: /住院|医院|急诊/ },
  { name: '损失', pattern: /损失|泡坏|淹了|砸坏|砸到车|损坏了我|毁了/ },
  { name: '赔偿', pattern: /赔偿|索赔|赔钱|赔我/ },
  { name: '曝光', pattern: /曝光|发到网上|发微博|抖音|上热搜|发朋友圈/ },
  { name: '媒体', pattern: /媒体|记者|电视台|报社|12345|市长热线|消协|住建局|房管局/ },
  { name: '起诉', pattern: /起诉|告你们|法院|律师|打官司|法律途径/ },
  { name: 'injured', pattern: /\binjur|\bhurt\b|\bhospital|\bbroken (?:arm|leg|bone)|\bbleeding\b/ },
  { name: 'loss', pattern: /\bcompensat|\bdamaged my\b|\bruined\b|\bdestroyed\b|\bloss(?:es)?\b/ },
  { name: 'media', pattern: /\bmedia\b|\bjournalist|\breporter|\bnewspaper|\bsocial media\b|\bgo public\b|\bexpose\b/ },
  { name: 'sue', pattern: /\bsue\b|\blawsuit\b|\blawyer|\bcourt\b|\blegal action\b/ },
];

export const IMPORTANT_CUES: readonly Rule[] = [
  { name: '多次反映', pattern: /多次(反映|投诉|反应|打电话|报修|找)|(反映|投诉|反应|说|找)了?(好几|很多|多|无数|[两三四五六七八九十2-9])次|第[二三四五六七八九十2-9]次|又一次|反复(反映|投诉)|一再/ },
  { name: '没人管', pattern: /没人(管|理|处理|来|回复|回应)|无人(管|理|处理|问津)|不管不问|没有人(管|理|处理)|不闻不问|没有下文|石沉大海/ },
  { name: '态度差', pattern: /态度.{0,3}(差|恶劣|不好|很差|极差|蛮横|冷漠)|(骂人|爱答不理|不耐烦|甩脸|凶)/ },
  { name: '推诿', pattern: /推诿|踢皮球|互相推|推来推去|推卸/ },
  { name: '拖着', pattern: /拖着|拖了|一直拖|拖延|拖到现在|迟迟(不|没)|一直(没|不)(修|处理|解决|来)|还是没(修|处理|解决)/ },
  { name: 'repeated', pattern: /\b(?:several|many|multiple|three|four|five|countless|numerous) times\b|\bagain and again\b|\bthird time\b|\brepeatedly\b|\bstill (?:not|hasn't|haven't|no one)/ },
  { name: 'ignored', pattern: /\bnobody (?:cares|came|responds|replied|does)|\bno one (?:cares|came|responds|replied|does|has)|\bignor(?:ed|ing)\b|\bno response\b/ },
  { name: 'rude', pattern: /\brude\b|\battitude\b|\bimpolite\b|\byelled\b|\bshouted at\b/ },
  { name: 'buck-passing', pattern: /\bpass(?:ing|ed)? the buck\b|\bblam(?:e|ing) each other\b|\bdelay(?:ed|ing|s)?\b|\bdragg(?:ing|ed) (?:on|their feet)\b/ },
];

export interface SeverityCue {
  severity: Severity;
  names: string[];
}

/** Severity from the rule layer: major cues win over important cues; null when none fires. */
export function matchSeverityCues(text: string): SeverityCue | null {
  const t = normalize(text);
  const major = MAJOR_CUES.filter((r) => r.pattern.test(t)).map((r) => r.name);
  if (major.length > 0) return { severity: 'major', names: major };
  const important = IMPORTANT_CUES.filter((r) => r.pattern.test(t)).map((r) => r.name);
  if (important.length > 0) return { severity: 'important', names: important };
  return null;
}
