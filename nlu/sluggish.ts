/**
 * A shared facility that works but slowly or only after several tries (gate barrier, card reader, face
 * recognition, lift buttons and doors, lights that switch off too soon) is a minor complaint by the labelling
 * conventions; not working at all is a repair, and so is a slow drain (a blockage).
 */
import { normalize } from './features.js';

const SLUGGISH =
  /(?:按|刷|试|对|摁|点|扫)(?:了)?(?:好几|三四|两三|四五|几|n)(?:下|次|遍)(?:才|都)|要(?:按|刷|试|对|摁|扫)(?:好几|三四|两三|四五|几|半天)|反应(?:很|特别|太|有点|超)?慢|慢吞吞|(?:等|对|晃|按|刷)(?:好|老)?半天才|(?:开|关|合|升|降|抬)得(?:特别|很|太|超)?慢|灭得(?:太|很|特别)?快|几秒就灭|不灵敏|\btakes? (?:ages|forever|a while|so long)\b|\b(?:three|four|several|a few|\d+) (?:taps|tries|goes|attempts)\b|\bso slow(?:ly)?\b|\bvery slow(?:ly)?\b|\bslow to\b/;
const NOT_WORKING_OR_DRAIN =
  /不亮|坏了|完全没|没有?反应了|打不开|关不上|开不了|识别不了|不识别|不工作|不动了|水|下水|马桶|\bdead\b|\bbroken\b|\bnot working\b|\bwon'?t (?:open|work|close)\b|\bdoesn'?t work\b|\bdrain\w*|\bsink\b|\btoilet\b|\bcistern\b|\brefill\w*|\bwater\b/;

export function isSluggishButWorking(text: string): boolean {
  const t = normalize(text);
  return SLUGGISH.test(t) && !NOT_WORKING_OR_DRAIN.test(t);
}
