const YES = new Set(['是', '是的', '对', '对的', '确认', '好', '好的', '可以', '没问题', '提交', '确认提交', 'yes, submit', 'yes', 'y', 'ok', 'okay', 'confirm', 'sure', 'yep']);
const NO = new Set(['不', '不是', '否', '不对', '错了', '不用', '算了', 'no', 'n', 'nope', 'wrong']);

function normalized(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase().replace(/[\s。.!！,，~～]+$/u, '');
}

/** 是/对/确认/好的/yes/y (and the confirm button's value). */
export function isYes(text: string | undefined): boolean {
  return YES.has(normalized(text));
}

export function isNo(text: string | undefined): boolean {
  return NO.has(normalized(text));
}
