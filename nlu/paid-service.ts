/**
 * Asking whether a paid / special service is offered, what it costs, or booking it ("窗帘能上门拆洗吗 大概多少钱",
 * "Is there pet boarding available?") is "other" by the labelling conventions; the classifier takes the question
 * form for an inquiry. Asking about a free facility, a rule, one's own doing, or a charge one disputes stays as it is.
 */
import { normalize } from './features.js';

const SERVICE =
  /保洁服务|上门保洁|家政|打扫|开锁|配钥匙|配.{0,2}把|洗车|寄养|代收(?:快递|包裹|一下)|代缴|送水|桶装水|拆洗|清洗(?:空调|油烟机|窗帘|地毯|沙发)|(?:空调|油烟机|窗帘|地毯|沙发)清洗|洗空调|擦窗|擦玻璃|理发|月嫂|跑腿|代买|\blocksmith\b|\bcar ?wash\b|\bpet (?:boarding|sitting)\b|\bboarding\b|\bcleaning (?:service|lady)\b|\bwindow cleaning\b|\bhaircut\b|\bdog ?walk\w*\b|\bbabysit\w*\b|\bhandyman\b/;
const OFFER =
  /有没有|能不能|能否|可以|能帮|能派|能上门|提供|接不接|多少钱|收费|价格|怎么算|费用|预约|付费|吗|\bhow much\b|\bprice\b|\bcharge\b|\bcost\b|\bavailable\b|\bcan you\b|\bcould you\b|\bdo you\b|\bis there\b|\bany chance\b|\bi'?ll pay\b|\bwe'?ll pay\b|\boffer\b|\bbook\b/;
const NOT_A_REQUEST =
  /自己|推荐|搬家|代收点|快递柜|代收的|广告|投诉|为什么|凭什么|乱收|多收|不合理|太贵|规定|允许|可以在|能在|\bcomplain|\bwhy\b|\ballowed\b|\bovercharg/;

export function asksForPaidService(text: string): boolean {
  const t = normalize(text);
  return SERVICE.test(t) && OFFER.test(t) && !NOT_A_REQUEST.test(t);
}
