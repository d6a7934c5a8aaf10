/**
 * Praise with nothing against it ("保洁阿姨每天都很认真，楼道特别干净", "Shout out to the night guard") is
 * "other" by the labelling conventions; the classifier takes it for a complaint because it names staff and
 * facilities. Anything negative, a question, or "again" keeps the classifier's answer ("Pool water's cloudy again. Lovely.").
 */
import { normalize } from './features.js';

const PRAISE =
  /辛苦|点赞|表扬|锦旗|感谢|谢谢|多谢|很认真|给力|好看|很舒服|很及时|很专业|干净|漂亮|不错|挺好|很好|好评|暖心|负责任|\bthanks?\b|\bthank you\b|\bgreat (?:job|work)\b|\bamazing\b|\blovely\b|\bkudos\b|\bshout ?out\b|\bwell done\b|\bexcellent\b|\bnicer\b|\bappreciat\w*/;
const AGAINST =
  /不|没|差|烂|坏|慢|吵|臭|脏|乱|又|投诉|问题|为什么|怎么|凭什么|但|可是|就是|却|还是|吗|[?？]|\bnot\b|n't\b|\bbut\b|\bno\b|\bnever\b|\bstill\b|\bwhy\b|\bagain\b|\bbroken\b|\bdirty\b|\bworse\b|\bhow\b/;

export function isPlainPraise(text: string): boolean {
  const t = normalize(text);
  return PRAISE.test(t) && !AGAINST.test(t);
}
