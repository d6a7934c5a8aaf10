/**
 * "Same matter" for the repeat rule: a normalised topic key found by keywords (Chinese and
 * English), and for repairs also the place where it is. The first topic in table order whose
 * keyword occurs wins, so a specific cause (leak, staff attitude) outranks where it happened
 * (elevator, parking). Text that matches no topic has no topic and is never counted as a repeat.
 */

export const TOPIC_KEYS = [
  'staff-attitude',
  'leak',
  'elevator',
  'access',
  'plumbing',
  'utilities',
  'lighting',
  'hvac',
  'doors-windows',
  'noise',
  'parking',
  'cleaning',
  'pests',
  'greenery',
  'fees',
  'renovation',
  'pets',
] as const;
export type TopicKey = (typeof TOPIC_KEYS)[number];

export const PLACE_KEYS = ['kitchen', 'bathroom', 'bedroom', 'living-room', 'balcony', 'corridor', 'lobby', 'basement', 'roof'] as const;
export type PlaceKey = (typeof PLACE_KEYS)[number];

interface Keywords {
  /** Chinese keywords, matched anywhere; regular-expression fragments (卫生(?!间): hygiene, not 卫生间 bathroom). */
  readonly zh: readonly string[];
  /** Whole English words or phrases, matched case-insensitively; a trailing * allows any ending. */
  readonly en: readonly string[];
}

export const TOPIC_KEYWORDS: Readonly<Record<TopicKey, Keywords>> = {
  'staff-attitude': {
    zh: ['态度', '不礼貌', '骂人', '不耐烦', '服务差', '推诿'],
    en: ['attitude', 'rude*', 'impolite', 'unfriendly', 'disrespectful'],
  },
  leak: { zh: ['漏水', '渗水', '滴水', '渗漏', '爆管', '水管爆'], en: ['leak*', 'seep*', 'burst pipe', 'water damage'] },
  elevator: { zh: ['电梯', '升降梯', '扶梯'], en: ['elevator*', 'lift', 'lifts', 'escalator*'] },
  access: {
    zh: ['门禁', '门卡', '刷卡', '道闸', '单元门', '对讲', '闸机'],
    en: ['access card*', 'key card*', 'door entry', 'intercom*', 'gate*', 'fob*', 'access control'],
  },
  plumbing: { zh: ['下水道', '堵塞', '堵了', '马桶', '地漏', '排水', '水龙头'], en: ['clog*', 'blocked', 'drain*', 'toilet*', 'tap', 'faucet*'] },
  utilities: {
    zh: ['停水', '停电', '水压', '没水', '没电', '跳闸', '电表', '水表', '燃气', '断电'],
    en: ['power cut*', 'power outage*', 'outage*', 'no water', 'water pressure', 'electricity', 'blackout*', 'gas supply'],
  },
  lighting: { zh: ['路灯', '灯不亮', '照明', '灯坏', '灯泡'], en: ['light*', 'lamp*', 'bulb*'] },
  hvac: { zh: ['空调', '暖气', '供暖', '地暖', '新风'], en: ['air con*', 'air-con*', 'heating', 'radiator*', 'hvac', 'ventilation'] },
  'doors-windows': { zh: ['门窗', '窗户', '玻璃', '门锁', '锁坏', '防盗门'], en: ['window*', 'door lock*', 'lock*', 'glass'] },
  noise: { zh: ['噪音', '噪声', '吵', '扰民'], en: ['nois*', 'loud'] },
  parking: { zh: ['停车', '车位', '车库', '乱停'], en: ['parking', 'car park*', 'parked', 'garage*'] },
  cleaning: {
    zh: ['卫生(?!间)', '垃圾', '保洁', '清洁', '脏', '异味', '臭'],
    en: ['clean*', 'dirty', 'garbage', 'trash', 'rubbish', 'litter*', 'smell*', 'stink*'],
  },
  pests: { zh: ['蟑螂', '老鼠', '蚊子', '虫害', '白蚁'], en: ['pest*', 'cockroach*', 'rat', 'rats', 'mice', 'mouse', 'insect*', 'termite*'] },
  greenery: { zh: ['绿化', '草坪', '树木', '修剪'], en: ['garden*', 'lawn*', 'tree*', 'landscaping', 'greenery'] },
  fees: { zh: ['物业费', '收费', '缴费', '费用', '账单'], en: ['fee', 'fees', 'bill', 'bills', 'billing', 'charge*', 'invoice*'] },
  renovation: { zh: ['装修'], en: ['renovat*', 'remodel*'] },
  pets: { zh: ['宠物', '狗', '猫'], en: ['pet', 'pets', 'dog*', 'cat', 'cats'] },
};

export const PLACE_KEYWORDS: Readonly<Record<PlaceKey, Keywords>> = {
  kitchen: { zh: ['厨房'], en: ['kitchen*'] },
  bathroom: { zh: ['卫生间', '厕所', '洗手间', '浴室'], en: ['bathroom*', 'washroom*', 'restroom*', 'shower*'] },
  bedroom: { zh: ['卧室', '主卧', '次卧'], en: ['bedroom*'] },
  'living-room': { zh: ['客厅'], en: ['living room*', 'lounge'] },
  balcony: { zh: ['阳台'], en: ['balcon*'] },
  corridor: { zh: ['楼道', '走廊', '楼梯间', '过道'], en: ['corridor*', 'hallway*', 'stairwell*', 'staircase*'] },
  lobby: { zh: ['大堂', '大厅'], en: ['lobby', 'lobbies'] },
  basement: { zh: ['地下室', '地库'], en: ['basement*', 'underground'] },
  roof: { zh: ['屋顶', '天台', '楼顶'], en: ['roof*', 'rooftop*'] },
};

/** Topics about shared facilities: a repeated repair of one is the same repair whoever reports it. */
export const COMMON_AREA_TOPICS: ReadonlySet<TopicKey> = new Set(['elevator', 'access', 'parking', 'greenery']);
export const COMMON_AREA_PLACES: ReadonlySet<PlaceKey> = new Set(['corridor', 'lobby', 'basement', 'roof']);

/** Full-width to half-width (NFKC), lower case, single spaces. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function englishPattern(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  const alternatives = words.map((word) => {
    const open = word.endsWith('*');
    const body = (open ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+');
    return open ? `${body}[a-z]*` : body;
  });
  return new RegExp(`(?<![a-z])(?:${alternatives.join('|')})(?![a-z])`);
}

interface CompiledKeywords<K> {
  readonly key: K;
  readonly pattern: RegExp;
}

function compile<K extends string>(table: Readonly<Record<K, Keywords>>, order: readonly K[]): CompiledKeywords<K>[] {
  return order.map((key) => {
    const english = englishPattern(table[key].en);
    const sources = [...table[key].zh, ...(english ? [english.source] : [])];
    return { key, pattern: new RegExp(sources.join('|')) };
  });
}

const TOPICS = compile(TOPIC_KEYWORDS, TOPIC_KEYS);
const PLACES = compile(PLACE_KEYWORDS, PLACE_KEYS);

function firstMatch<K>(compiled: readonly CompiledKeywords<K>[], text: string): K | null {
  const normalised = normaliseText(text);
  for (const entry of compiled) {
    if (entry.pattern.test(normalised)) return entry.key;
  }
  return null;
}

/** The topic of a request's text, or null when no keyword matches. */
export function topicOf(text: string): TopicKey | null {
  return firstMatch(TOPICS, text);
}

/** Where in a home or building the text says the problem is, or null. */
export function placeOf(text: string): PlaceKey | null {
  return firstMatch(PLACES, text);
}

export function isTopicKey(value: unknown): value is TopicKey {
  return typeof value === 'string' && (TOPIC_KEYS as readonly string[]).includes(value);
}
