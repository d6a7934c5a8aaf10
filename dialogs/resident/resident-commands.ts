import { findTicketNumber, withoutTicketNumber } from './ticket-number.js';

/** What a resident's message asks for, before any intake is considered. */
export type ResidentCommand =
  | { kind: 'menu' }
  | { kind: 'help' }
  | { kind: 'cancel' }
  | { kind: 'myTickets' }
  | { kind: 'showTicket'; number: string }
  | { kind: 'addToTicket'; number: string; note: string }
  | { kind: 'cancelTicket'; number: string }
  | { kind: 'notFixed'; number: string; note: string }
  | { kind: 'linkHousehold' }
  | { kind: 'notices' }
  | { kind: 'emergency' }
  | { kind: 'startCategory'; category: 'repair' | 'complaint' | 'inquiry' };

const MENU = /^(你好|您好|菜单|主菜单|开始|hi|hello|hello there|hey|menu|start)[\s!！。.]*$/i;
const HELP = /^(help|帮助|\?|？|你(?:会|能|可以)(?:干|做)(?:什么|啥)|你是谁|what can you do|what do you do|who are you|how does this work)[\s!！。.?？]*$/i;
const CANCEL = /^(取消|cancel|quit|stop|退出|不要了|算了)[\s!！。.]*$/i;
const MY_TICKETS = /^(查询工单|我的工单|我的报修|查工单|工单查询|my tickets|my requests|check my tickets|status)[\s!！。.]*$/i;
const LINK = /^(关联房屋|关联房号|认证房屋|link (my )?(home|household|flat|apartment)|link household)[\s!！。.]*$/i;
const NOTICES = /^(通知|公告|查看公告|最新公告|notices|current notices|announcements)[\s!！。.?？]*$/i;
const EMERGENCY = /^(紧急求助|紧急|emergency|sos)[\s!！。.]*$/i;
const ADD = /^\s*(补充|追加|add(?: to)?)/i;
/** What the resolution message asks the resident to reply when the problem is still there. */
const NOT_FIXED = /^\s*(没修好|没有修好|还没修好|没解决|没有解决|还没好|问题还在|not fixed|still not fixed|still broken)/i;
const CANCEL_TICKET = /^\s*(取消|撤销|cancel)/i;
const SHORTCUTS: ReadonlyArray<readonly [RegExp, 'repair' | 'complaint' | 'inquiry']> = [
  [/^(报修|我要报修|repair|report a repair)[\s!！。.]*$/i, 'repair'],
  [/^(投诉建议|投诉|建议|complaint|complaint \/ suggestion|suggestion)[\s!！。.]*$/i, 'complaint'],
  [/^(咨询|我要咨询|inquiry|question|ask a question)[\s!！。.]*$/i, 'inquiry'],
];

/** Reads a top-level command; null means "a request in the resident's own words". */
export function readCommand(text: string | undefined): ResidentCommand | null {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return null;
  const number = findTicketNumber(trimmed);
  if (number) {
    if (NOT_FIXED.test(trimmed)) return { kind: 'notFixed', number, note: withoutTicketNumber(trimmed.replace(NOT_FIXED, '')) };
    if (ADD.test(trimmed)) return { kind: 'addToTicket', number, note: withoutTicketNumber(trimmed.replace(ADD, '')) };
    if (CANCEL_TICKET.test(trimmed)) return { kind: 'cancelTicket', number };
    return { kind: 'showTicket', number };
  }
  if (MENU.test(trimmed)) return { kind: 'menu' };
  if (HELP.test(trimmed)) return { kind: 'help' };
  if (CANCEL.test(trimmed)) return { kind: 'cancel' };
  if (MY_TICKETS.test(trimmed)) return { kind: 'myTickets' };
  if (LINK.test(trimmed)) return { kind: 'linkHousehold' };
  if (NOTICES.test(trimmed)) return { kind: 'notices' };
  if (EMERGENCY.test(trimmed)) return { kind: 'emergency' };
  for (const [pattern, category] of SHORTCUTS) if (pattern.test(trimmed)) return { kind: 'startCategory', category };
  return null;
}
