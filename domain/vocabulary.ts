import { DEPARTMENT_IDS, STAFF_ROLES, type DepartmentId, type StaffRole } from './property.js';

export { DEPARTMENT_IDS, STAFF_ROLES, type DepartmentId, type StaffRole };

export const CATEGORIES = ['complaint', 'repair', 'inquiry', 'security', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Complaint levels (manual §2). Only complaints carry a severity. */
export const SEVERITIES = ['major', 'important', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Nature for statistics (manual §1.3): important = major/important complaints and every security item. */
export const NATURES = ['general', 'important'] as const;
export type Nature = (typeof NATURES)[number];

/** Where a request came from (信息来源, manual §1) plus chat. */
export const SOURCES = [
  'phone',
  'collected',
  'company',
  'walk_in',
  'owners_committee',
  'verbal',
  'written',
  'chat',
] as const;
export type Source = (typeof SOURCES)[number];

export const TICKET_STATUSES = ['new', 'dispatched', 'accepted', 'in_progress', 'resolved', 'closed', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_ACTIONS = [
  'dispatch',
  'accept',
  'start',
  'reply',
  'resolve',
  'reassign',
  'escalate',
  'note',
  'cancel',
  'reopen',
  'close',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** What a ticket's history records: the actions' events plus what happens around them. */
export const TICKET_EVENT_KINDS = [
  'created',
  'dispatched',
  'accepted',
  'started',
  'replied',
  'note',
  'reassigned',
  'escalated',
  'resolved',
  'reopened',
  'closed',
  'cancelled',
  'resident_message',
  'callback',
  'survey',
  'reminded',
  'breached',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

export const ACTOR_KINDS = ['resident', 'staff', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const CATEGORY_LABELS: Readonly<Record<Category, Label>> = {
  complaint: { zh: '投诉建议', en: 'Complaint / suggestion' },
  repair: { zh: '维修报修', en: 'Repair' },
  inquiry: { zh: '咨询', en: 'Inquiry' },
  security: { zh: '公共安全', en: 'Public safety' },
  other: { zh: '其他', en: 'Other' },
};

export const SEVERITY_LABELS: Readonly<Record<Severity, Label>> = {
  major: { zh: '重大投诉', en: 'Major' },
  important: { zh: '重要投诉', en: 'Important' },
  minor: { zh: '轻微投诉', en: 'Minor' },
};

export const NATURE_LABELS: Readonly<Record<Nature, Label>> = {
  general: { zh: '一般', en: 'General' },
  important: { zh: '重要', en: 'Important' },
};

export const SOURCE_LABELS: Readonly<Record<Source, Label>> = {
  phone: { zh: '客户致电', en: 'Phone call to the project office' },
  collected: { zh: '客服部收集', en: 'Collected by customer service' },
  company: { zh: '公司转来', en: 'Forwarded by the company' },
  walk_in: { zh: '业主亲自到前台', en: 'Walk-in at the front desk' },
  owners_committee: { zh: '业主委员会转来', en: "Forwarded by the owners' committee" },
  verbal: { zh: '业主口头告知员工', en: 'Told verbally to a staff member' },
  written: { zh: '书面提交', en: 'Written submission' },
  chat: { zh: '在线聊天', en: 'Chat' },
};

export const STATUS_LABELS: Readonly<Record<TicketStatus, Label>> = {
  new: { zh: '新建', en: 'New' },
  dispatched: { zh: '已派发', en: 'Dispatched' },
  accepted: { zh: '已接单', en: 'Accepted' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

/** The staff card's button words (接单, 回复住户, …), for the same actions anywhere else. */
export const ACTION_LABELS: Readonly<Record<TicketAction, Label>> = {
  dispatch: { zh: '派发', en: 'Dispatch' },
  accept: { zh: '接单', en: 'Accept' },
  start: { zh: '开始处理', en: 'Start' },
  reply: { zh: '回复住户', en: 'Reply to resident' },
  resolve: { zh: '处理完成', en: 'Resolve' },
  reassign: { zh: '转派', en: 'Reassign' },
  escalate: { zh: '升级', en: 'Escalate' },
  note: { zh: '备注', en: 'Note' },
  cancel: { zh: '撤销', en: 'Cancel' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  close: { zh: '关闭', en: 'Close' },
};

export const EVENT_KIND_LABELS: Readonly<Record<TicketEventKind, Label>> = {
  created: { zh: '登记', en: 'Received' },
  dispatched: { zh: '派发', en: 'Dispatched' },
  accepted: { zh: '接单', en: 'Accepted' },
  started: { zh: '开始处理', en: 'Started' },
  replied: { zh: '回复住户', en: 'Replied to resident' },
  note: { zh: '备注', en: 'Note' },
  reassigned: { zh: '转派', en: 'Reassigned' },
  escalated: { zh: '升级', en: 'Escalated' },
  resolved: { zh: '处理完成', en: 'Resolved' },
  reopened: { zh: '重新打开（返工）', en: 'Reopened for rework' },
  closed: { zh: '关闭', en: 'Closed' },
  cancelled: { zh: '住户撤销', en: 'Cancelled by the resident' },
  resident_message: { zh: '住户补充', en: 'Resident added' },
  callback: { zh: '回访', en: 'Callback' },
  survey: { zh: '满意度调查', en: 'Satisfaction survey' },
  reminded: { zh: '时限提醒', en: 'Deadline reminder' },
  breached: { zh: '超时', en: 'Deadline missed' },
};

/** Who did something, where no name says it: a resident is never shown by account id. */
export const ACTOR_KIND_LABELS: Readonly<Record<ActorKind, Label>> = {
  resident: { zh: '住户', en: 'Resident' },
  staff: { zh: '工作人员', en: 'Staff' },
  system: { zh: '系统', en: 'System' },
};

export const DEPARTMENT_LABELS: Readonly<Record<DepartmentId, Label>> = {
  service: { zh: '客户服务部', en: 'Customer service' },
  engineering: { zh: '工程维修部', en: 'Engineering & maintenance' },
  security: { zh: '安全管理部', en: 'Security management' },
  management: { zh: '项目部', en: 'Project management' },
};

export const ROLE_LABELS: Readonly<Record<StaffRole, Label>> = {
  desk: { zh: '前台/中控', en: 'Desk' },
  agent: { zh: '客服专员', en: 'Service agent' },
  technician: { zh: '维修师傅', en: 'Technician' },
  security: { zh: '安管员', en: 'Security officer' },
  'service-head': { zh: '客服主管', en: 'Customer-service head' },
  'project-manager': { zh: '项目经理', en: 'Project manager' },
};

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function isSource(value: unknown): value is Source {
  return typeof value === 'string' && (SOURCES as readonly string[]).includes(value);
}

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

export function isTicketAction(value: unknown): value is TicketAction {
  return typeof value === 'string' && (TICKET_ACTIONS as readonly string[]).includes(value);
}

/**
 * A complaint that has not been graded yet is handled as important: it is reported upward
 * and gets the 1-working-day reply limit until the desk grades it.
 */
export const UNGRADED_COMPLAINT_SEVERITY: Severity = 'important';

/** The severity that governs a ticket: the given one for complaints, none for every other category. */
export function effectiveSeverity(category: Category, severity: Severity | null | undefined): Severity | null {
  if (category !== 'complaint') return null;
  return severity ?? UNGRADED_COMPLAINT_SEVERITY;
}

export function natureOf(category: Category, severity?: Severity | null): Nature {
  if (category === 'security') return 'important';
  const graded = effectiveSeverity(category, severity);
  return graded === 'major' || graded === 'important' ? 'important' : 'general';
}
