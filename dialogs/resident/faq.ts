/** The property's frequently asked questions; answers live in the message catalogue as `faq.<id>`. */
export const FAQ_IDS = ['officeHours', 'fees', 'parking', 'renovation', 'outage'] as const;
export type FaqId = (typeof FAQ_IDS)[number];

const KEYWORDS: Readonly<Record<FaqId, readonly string[]>> = {
  officeHours: ['上班', '办公时间', '几点', '营业', '工作时间', '开门', 'office hours', 'opening hours', 'open', 'hours'],
  fees: ['物业费', '缴费', '交费', '怎么交', '付款', '收费标准', 'property fee', 'pay', 'fee', 'fees', 'payment'],
  parking: ['停车', '车位', '停车费', '月卡', 'parking', 'car park', 'garage'],
  renovation: ['装修申请', '装修手续', '装修', '办理装修', 'renovation', 'renovate', 'remodel'],
  outage: ['停水', '停电', '停水通知', '停电通知', '什么时候来水', '什么时候来电', 'outage', 'water cut', 'power cut', 'no water', 'no power'],
};

/** The best FAQ for a question, when at least one of its keywords occurs (longest keyword wins). */
export function matchFaq(text: string): FaqId | null {
  const lower = text.toLowerCase();
  let best: { id: FaqId; length: number } | null = null;
  for (const id of FAQ_IDS) {
    for (const keyword of KEYWORDS[id]) {
      const hit = /^[a-z ]+$/.test(keyword) ? new RegExp(`\\b${keyword}\\b`).test(lower) : lower.includes(keyword);
      if (hit && (!best || keyword.length > best.length)) best = { id, length: keyword.length };
    }
  }
  return best?.id ?? null;
}
