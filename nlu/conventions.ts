/**
 * Labelling conventions the classifier cannot learn from the corpus alone, as rules over its answer: each
 * turns the model's category into the one the conventions give (nlu/README.md, "Labelling conventions").
 * They run in order, only when no life-safety rule fired.
 */
import { normalize } from './features.js';
import type { Category } from './types.js';
import type { SeverityCue } from './safety-rules.js';

/**
 * A shared facility that works but slowly or only after several tries (gate barrier, card reader, face
 * recognition, lift buttons and doors, lights that switch off too soon) is a minor complaint by the labelling
 * conventions; not working at all is a repair, and so is a slow drain (a blockage).
 */
const SLUGGISH =
  /(?:按|刷|试|对|摁|点|扫)(?:了)?(?:好几|三四|两三|四五|几|n)(?:下|次|遍)(?:才|都)|要(?:按|刷|试|对|摁|扫)(?:好几|三四|两三|四五|几|半天)|反应(?:很|特别|太|有点|超)?慢|慢吞吞|(?:等|对|晃|按|刷)(?:好|老)?半天才|(?:开|关|合|升|降|抬)得(?:特别|很|太|超)?慢|灭得(?:太|很|特别)?快|几秒就灭|不灵敏|\btakes? (?:ages|forever|a while|so long)\b|\b(?:three|four|several|a few|\d+) (?:taps|tries|goes|attempts)\b|\bso slow(?:ly)?\b|\bvery slow(?:ly)?\b|\bslow to\b/;
const NOT_WORKING_OR_DRAIN =
  /不亮|坏了|完全没|没有?反应了|打不开|关不上|开不了|识别不了|不识别|不工作|不动了|水|下水|马桶|\bdead\b|\bbroken\b|\bnot working\b|\bwon'?t (?:open|work|close)\b|\bdoesn'?t work\b|\bdrain\w*|\bsink\b|\btoilet\b|\bcistern\b|\brefill\w*|\bwater\b/;

function isSluggishButWorking(text: string): boolean {
  const t = normalize(text);
  return SLUGGISH.test(t) && !NOT_WORKING_OR_DRAIN.test(t);
}

/**
 * Questions to the bot about itself, the date or the weather ("你会干什么", "What can you do?", "Will it rain
 * tomorrow?") are chit-chat — "other" by the labelling conventions — not inquiries about the property.
 */
const SMALL_TALK =
  /你是谁|你叫什么|你是(?:不是)?(?:机器人|真人|人工|ai)|你会(?:干|做)?(?:什么|啥)|你几岁|你多大|你(?:们)?喜欢|你吃饭了|你好吗|今天(?:几号|星期几|周几|礼拜几)|现在几点|天气|会(?:不会)?下雨|明天.{0,4}雨|\bwhat can you do\b|\bare you (?:a )?(?:bot|robot|human|real|ai|person)\b|\bwho are you\b|\bwhat'?s your name\b|\bwhat'?s the date\b|\bwhat day is it\b|\bwhat time is it\b|\bwill it rain\b|\bweather\b|\bhow are you\b|\bmenu options\b/;
const ABOUT_THE_PROPERTY =
  /物业|小区|报修|投诉|电梯|停水|停电|缴费|水费|电费|停车|快递|维修|门禁|垃圾|保安|管家|游泳池|会所|问一下|请问|\b(?:fee|repair|lift|elevator|parking|parcel|water|power|rent|maintenance|management|pool|gym)\b/;

function isSmallTalk(text: string): boolean {
  const t = normalize(text);
  return SMALL_TALK.test(t) && !ABOUT_THE_PROPERTY.test(t);
}

/**
 * Praise with nothing against it ("保洁阿姨每天都很认真，楼道特别干净", "Shout out to the night guard") is
 * "other" by the labelling conventions; the classifier takes it for a complaint because it names staff and
 * facilities. Anything negative, a question, or "again" keeps the classifier's answer ("Pool water's cloudy again. Lovely.").
 */
const PRAISE =
  /辛苦|点赞|表扬|锦旗|感谢|谢谢|多谢|很认真|给力|好看|很舒服|很及时|很专业|干净|漂亮|不错|挺好|很好|好评|暖心|负责任|\bthanks?\b|\bthank you\b|\bgreat (?:job|work)\b|\bamazing\b|\blovely\b|\bkudos\b|\bshout ?out\b|\bwell done\b|\bexcellent\b|\bnicer\b|\bappreciat\w*/;
const AGAINST =
  /不|没|差|烂|坏|慢|吵|臭|脏|乱|又|投诉|问题|为什么|怎么|凭什么|但|可是|就是|却|还是|吗|[?？]|\bnot\b|n't\b|\bbut\b|\bno\b|\bnever\b|\bstill\b|\bwhy\b|\bagain\b|\bbroken\b|\bdirty\b|\bworse\b|\bhow\b/;

function isPlainPraise(text: string): boolean {
  const t = normalize(text);
  return PRAISE.test(t) && !AGAINST.test(t);
}

/**
 * Asking whether a paid / special service is offered, what it costs, or booking it ("窗帘能上门拆洗吗 大概多少钱",
 * "Is there pet boarding available?") is "other" by the labelling conventions; the classifier takes the question
 * form for an inquiry. Asking about a free facility, a rule, one's own doing, or a charge one disputes stays as it is.
 */
const SERVICE =
  /保洁服务|上门保洁|家政|打扫|开锁|配钥匙|配.{0,2}把|洗车|寄养|代收(?:快递|包裹|一下)|代缴|送水|桶装水|拆洗|清洗(?:空调|油烟机|窗帘|地毯|沙发)|(?:空调|油烟机|窗帘|地毯|沙发)清洗|洗空调|擦窗|擦玻璃|理发|月嫂|跑腿|代买|\blocksmith\b|\bcar ?wash\b|\bpet (?:boarding|sitting)\b|\bboarding\b|\bcleaning (?:service|lady)\b|\bwindow cleaning\b|\bhaircut\b|\bdog ?walk\w*\b|\bbabysit\w*\b|\bhandyman\b/;
const OFFER =
  /有没有|能不能|能否|可以|能帮|能派|能上门|提供|接不接|多少钱|收费|价格|怎么算|费用|预约|付费|吗|\bhow much\b|\bprice\b|\bcharge\b|\bcost\b|\bavailable\b|\bcan you\b|\bcould you\b|\bdo you\b|\bis there\b|\bany chance\b|\bi'?ll pay\b|\bwe'?ll pay\b|\boffer\b|\bbook\b/;
const NOT_A_REQUEST =
  /自己|推荐|搬家|代收点|快递柜|代收的|广告|投诉|为什么|凭什么|乱收|多收|不合理|太贵|规定|允许|可以在|能在|\bcomplain|\bwhy\b|\ballowed\b|\bovercharg/;

function asksForPaidService(text: string): boolean {
  const t = normalize(text);
  return SERVICE.test(t) && OFFER.test(t) && !NOT_A_REQUEST.test(t);
}

export interface ConventionRule {
  /** Reported in `rules`, e.g. "complaint:sluggish". */
  name: string;
  /** The model's answers the convention corrects. */
  from: ReadonlySet<Category>;
  to: Category;
  applies: (text: string, severityCue: SeverityCue | null) => boolean;
}

export const CONVENTION_RULES: readonly ConventionRule[] = [
  { name: 'complaint:sluggish', from: new Set(['repair']), to: 'complaint', applies: (text) => isSluggishButWorking(text) },
  { name: 'other:small-talk', from: new Set(['inquiry']), to: 'other', applies: (text) => isSmallTalk(text) },
  { name: 'other:praise', from: new Set(['complaint']), to: 'other', applies: (text) => isPlainPraise(text) },
  // a charge against the service (多次反映, 没人管) keeps a paid-service complaint a complaint
  { name: 'other:paid-service', from: new Set(['inquiry', 'complaint']), to: 'other', applies: (text, cue) => cue === null && asksForPaidService(text) },
];
