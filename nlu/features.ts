/**
 * Text normalisation and feature extraction for the statistical classifiers.
 * Chinese: character unigrams + bigrams over CJK runs (no segmentation needed for short texts).
 * Latin script: lower-cased word unigrams + bigrams. Digit runs collapse to a single token.
 */
import type { Locale } from './types.js';

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_G = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** NFKC (full-width → half-width, compatibility forms), lower case, whitespace collapsed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** zh-CN when the text has any Han character and Han characters are at least 20% of its letters. */
export function detectLanguage(text: string): Locale {
  const han = (text.match(CJK_G) ?? []).length;
  if (han === 0) return 'en';
  const latin = (text.match(/[a-zA-Z]/g) ?? []).length;
  // An English word is ~5 letters; compare roughly "words" to characters.
  return han >= latin / 5 ? 'zh-CN' : 'en';
}

const EN_STOP = new Set(['the', 'a', 'an', 'is', 'are', 'am', 'to', 'of', 'and', 'in', 'on', 'at', 'my', 'i', 'it', 'for', 'be', 'this', 'that', 'was', 'there']);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Concept lexicons: groups of words that mean the same thing for the category decision. A
 * concept feature lets the classifier generalise from a few examples to their synonyms.
 */
export const CONCEPTS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'broken', pattern: /坏|不亮|不灵|失灵|不工作|没反应|堵|漏水|渗水|滴水|漏了|裂|松了|松动|脱落|不通|打不开|关不上|关不紧|合不上|没电|停电|跳闸|没水|停水|水压|不热|不制冷|不出水|异响|故障|卡住|生锈|\bbroken\b|not working|\bleak|\bclog|\bblocked\b|\bstuck\b|doesn'?t work|won'?t (?:open|close|turn|start|work)|no power|no water|no hot water|\bfaulty\b|\bcracked\b|\bdripping\b|\bflicker/ },
  { name: 'fix', pattern: /修|师傅|派人|派个|来看看|来看一下|换一下|更换|疏通|处理一下|上门|\bfix|\brepair|send someone|send a|\bplumber\b|\belectrician\b|\breplace/ },
  { name: 'question', pattern: /吗|请问|怎么|如何|多少|几点|几号|什么时候|哪里|哪儿|哪个|能不能|可不可以|是否|是不是|有没有|要不要|需要.{0,8}(吗|什么)|[?？]|^(?:how|what|when|where|can|could|is|are|do|does|which|who|will|may)\b|\bhow (?:do|can|much|long|to)\b|\bwhat (?:is|are|time|do)\b|\bis there\b|\bam i\b/ },
  { name: 'procedure', pattern: /物业费|费用|缴费|交费|收费标准|发票|办理|手续|登记|申请|证明|开放时间|上班|营业|预约|资料|流程|标准|规定|政策|\bfees?\b|\bpay\b|\binvoice|\bapply\b|\bpermit\b|\bregister|\bhours\b|\bschedule|\bpolicy\b|\brules?\b|\bdocuments?\b|\bprocedure\b/ },
  { name: 'complain', pattern: /投诉|不满|太差|很差|差劲|怎么回事|什么态度|不负责|不作为|凭什么|为什么|受不了|忍无可忍|气死|恶心|扰民|吵|噪音|乱停|乱放|乱堆|乱扔|占用|占道|脏|臭|没人管|不管|不处理|敷衍|失望|垃圾物业|天天|每天|总是|老是|一直|\bcomplain|unacceptable|ridiculous|disgusting|terrible|awful|\bnois[ey]|\bdirty\b|\brude\b|\buseless\b|fed up|every (?:day|night|morning|weekend)|nothing (?:changed|happens|done)|\bwhy\b|\bnever\b|\bstill\b|\bagain\b|\bworst\b/ },
  { name: 'social', pattern: /谢谢|感谢|多谢|辛苦|点赞|表扬|锦旗|满意|你好|您好|哈喽|在吗|在不|再见|拜拜|好的|知道了|收到|明白|没事了|不用了|好了|^(?:嗯|哦|啊|喂|那个|额)|\bthanks?\b|thank you|\bhello\b|^hi\b|^hey\b|\bbye\b|great job|well done|never ?mind|\bnvm\b|figured it out|\bsolved\b|no need|\bok(?:ay)?\b|got it|^test/ },
  { name: 'danger', pattern: /危险|快来|紧急|救|报警|110|120|119|血|晕|倒地|摔倒|起不来|火|烟|爆|撬|偷|盗|抢|打架|打起来|陌生|可疑|跟踪|尾随|被困|出不去|有人在里|里面有人|砸到人|触电|漏电|溺水|走失|走丢|咬人|\burgent|\bemergency\b|\bdanger|\bpolice\b|\bambulance\b|\bblood|\bbleeding\b|\bfire\b|\bsmoke\b|\bthie(?:f|ves)\b|\bstranger\b|\binside\b|\bhurry\b|\bunconscious\b|\bfainted\b|\bcollapsed\b|\bstolen\b|\bsparks?\b/ },
  { name: 'paid-service', pattern: /付费|有偿|收费服务|开锁|保洁服务|开荒|家电清洗|洗空调|清洗服务|上门.{0,4}(清洗|服务|安装)|搬家|代办|代收|代缴|借.{0,3}(梯子|工具|推车)|帮(我|忙).{0,6}(浇花|喂|看家|装|挂|搬)|(预订|预约|借用|租用).{0,8}(活动室|会所|场地|车位|货梯)|留.{0,3}车位|二手房|出租|happy to pay|\bpaid\b|\bhire\b|\bbook (?:the|a)\b|deep clean|\bcleaner\b|\bassemble\b|water my plants|\bservice lift\b/ },
  { name: 'praise', pattern: /表扬|锦旗|点赞|感谢|辛苦了|感动|很专业|挺好|不错|满意|祝.{0,6}(顺利|快乐|愉快)|愉快|好看|\bkudos\b|\bexcellent\b|great (?:job|work)|well done|\bappreciat|\bthank/ },
  { name: 'lost-found', pattern: /丢了|捡到|失物|跑出去了|(狗|猫|宠物|泰迪|比熊).{0,6}(走丢|不见了|丢了)|lost (?:my|a)\b|found (?:a|an|someone'?s)\b/ },
  { name: 'cancel', pattern: /取消|撤销|不用来了|不需要了|不用修了|已经好了|好了.{0,3}(不用|谢谢)|\bcancel|never ?mind|no need|\bnvm\b|it'?s fixed now|sorted now/ },
  { name: 'person', pattern: /人工|真人|经理|主管|回电|回个电话|call me back|real person|\bmanager\b|speak to (?:someone|a)/ },
  { name: 'duration', pattern: /(好几|几|两|三|四|五|半|一|\d+)(天|周|个星期|星期|个月|月|年)(了|都|还|没)|一个夏天|一个冬天|到现在|至今|还没|还是没|又(坏|停|来|是)|\bfor (?:two|three|four|a|\d+|several) (?:days|weeks|months)\b|\ba (?:week|month) ago\b|\bsince\b|\bagain\b|\bstill\b/ },
  { name: 'suggest', pattern: /建议|能不能.{0,10}(多|换|早|加|改)|可以.{0,6}(换换|多装|多放|增加|改成)|希望|\bsuggest|could you (?:put|add|please add)|would be nice|please (?:consider|add)|\bshould (?:add|have|put)\b/ },
  { name: 'money', pattern: /乱收|多收|收费.{0,4}(不合理|太高|太贵)|退还|退钱|退费|收益|额外.{0,3}钱|\bovercharg|\brefund|\bcharged\b|\bextra money\b/ },
  { name: 'progress', pattern: /进度|什么时候.{0,4}(来|修|到|好)|几点(来|到)|多久.{0,4}(能|修|来)|到哪了|\bany update\b|\bstatus of\b|\bhow long\b/ },
  { name: 'escalate', pattern: /(?<![\dA-Za-z·])12345(?!\d)|市长热线|律师|起诉|法院|打官司|告你们|曝光|媒体|记者|电视台|住建局|房管局|消协|发到网上|发微博|抖音|上热搜|\blawyer|\b(?:to|in|into) court\b|\bsu(?:e|ing)\b|\blawsuit|\blocal news|\bnewspaper|\bjournalist|\breporter|housing bureau|\bgo(?:ing)? public\b|posting (?:it|this) online|social media|\bmedia\b/ },
  { name: 'service-failure', pattern: /(保安|门卫|门岗|保洁|客服|前台|物业|管家|师傅|工作人员).{0,10}(态度|玩手机|睡觉|不管|不在岗|骂|吵架|凶|不让|随便|不理|敷衍|推|不作为|看不见|都不知道|没发现|从来没)|形同虚设|不作为|管理混乱|没人巡逻|从来没见过|监控.{0,6}(坏|不能用|没用|看不到)|\b(?:guard|security|staff|concierge|cleaner)s?\b.{0,25}\b(?:rude|asleep|sleeping|ignor|on (?:his|her|their) phone|does nothing|did nothing|nowhere|never)|cameras? (?:don'?t|didn'?t|doesn'?t) work|\bliable\b|\bnegligen/ },
];

function lengthBucket(norm: string): string {
  const n = norm.replace(/\s+/g, '').length;
  return n <= 3 ? 'len:xs' : n <= 8 ? 'len:s' : n <= 25 ? 'len:m' : 'len:l';
}

/**
 * Features of one text as a list of string keys (duplicates kept: multinomial counts).
 * Token stream: CJK characters one by one, Latin words, "#" for a number, "?" for question marks.
 */
export function extractFeatures(text: string): string[] {
  const norm = normalize(text);
  const out: string[] = [];
  // Split into runs of CJK / latin / digits / punctuation, keeping order.
  const tokens = norm.match(/[\u3400-\u9fff\uf900-\ufaff]|[a-z]+(?:'[a-z]+)?|\d+|[?？!！]/g) ?? [];
  let prevCjk: string | null = null;
  let prevWord: string | null = null;
  for (const tok of tokens) {
    if (CJK.test(tok)) {
      out.push(tok);
      if (prevCjk !== null) out.push(prevCjk + tok);
      else out.push('^' + tok);
      prevCjk = tok;
      prevWord = null;
    } else if (/^[a-z]/.test(tok)) {
      const w = stem(tok);
      if (!EN_STOP.has(tok)) out.push('w:' + w);
      if (prevWord !== null) out.push('w:' + prevWord + '_' + w);
      prevWord = w;
      prevCjk = null;
    } else if (/^\d/.test(tok)) {
      out.push('#');
      prevCjk = null;
      prevWord = null;
    } else {
      out.push(tok === '?' ? '?' : '!');
      prevCjk = null;
      prevWord = null;
    }
  }
  for (const c of CONCEPTS) if (c.pattern.test(norm)) out.push('c:' + c.name);
  out.push(lengthBucket(norm));
  if (/[!！]{2,}/.test(norm)) out.push('!!');
  return out;
}
