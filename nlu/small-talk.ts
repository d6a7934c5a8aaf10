/**
 * Questions to the bot about itself, the date or the weather ("你会干什么", "What can you do?", "Will it rain
 * tomorrow?") are chit-chat — "other" by the labelling conventions — not inquiries about the property.
 */
import { normalize } from './features.js';

const SMALL_TALK =
  /你是谁|你叫什么|你是(?:不是)?(?:机器人|真人|人工|ai)|你会(?:干|做)?(?:什么|啥)|你几岁|你多大|你(?:们)?喜欢|你吃饭了|你好吗|今天(?:几号|星期几|周几|礼拜几)|现在几点|天气|会(?:不会)?下雨|明天.{0,4}雨|\bwhat can you do\b|\bare you (?:a )?(?:bot|robot|human|real|ai|person)\b|\bwho are you\b|\bwhat'?s your name\b|\bwhat'?s the date\b|\bwhat day is it\b|\bwhat time is it\b|\bwill it rain\b|\bweather\b|\bhow are you\b|\bmenu options\b/;
const ABOUT_THE_PROPERTY =
  /物业|小区|报修|投诉|电梯|停水|停电|缴费|水费|电费|停车|快递|维修|门禁|垃圾|保安|管家|游泳池|会所|问一下|请问|\b(?:fee|repair|lift|elevator|parking|parcel|water|power|rent|maintenance|management|pool|gym)\b/;

export function isSmallTalk(text: string): boolean {
  const t = normalize(text);
  return SMALL_TALK.test(t) && !ABOUT_THE_PROPERTY.test(t);
}
