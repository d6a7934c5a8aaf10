import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { Language } from '../../dialogs/language.js';
import { describeEvent, latestNotableEvent } from '../../dialogs/ticket-history.js';
import type { Property } from '../../domain/property.js';
import { CATEGORY_LABELS, DEPARTMENT_LABELS, NATURE_LABELS, SEVERITY_LABELS, STATUS_LABELS, type Label } from '../../domain/vocabulary.js';
import { isOpen } from '../../domain/transitions.js';
import { formatInZone } from '../../domain/zoned-format.js';
import { maskPhone, maskPhonesIn } from '../../store/confidential-access.js';
import { mediaIdOf } from '../../store/media.js';
import type { Store } from '../../store/store.js';
import type { Ticket } from '../../store/ticket-repository.js';
import { directPhotoUrl, type PhotoAttachment, type PhotoUrl } from '../media-links.js';
import { dispatchCardTemplate } from './dispatch-card.template.js';

const LABELS: Record<Language, Record<string, string>> = {
  'zh-CN': {
    number: '工单号', category: '类别', severity: '投诉等级', nature: '性质', status: '状态', location: '位置', phone: '住户电话',
    replyDue: '回复时限', resolveDue: '处理时限', receiver: '首接人', assignee: '处理人', accept: '接单', reply: '回复住户',
    resolve: '处理完成', reassign: '转派', escalate: '升级', note: '备注', send: '发送', confirm: '确定',
    replyPlaceholder: '给住户的回复', resultPlaceholder: '处理结果', title: '新工单', urgentTitle: '紧急工单', toDepartment: '转给部门', toPerson: '或转给个人',
    photosHidden: '📷 {count} 张照片（设置 PROPDESK_PUBLIC_URL 后可在卡片中查看）', photosHiddenOne: '📷 1 张照片（设置 PROPDESK_PUBLIC_URL 后可在卡片中查看）',
  },
  en: {
    number: 'Ticket', category: 'Category', severity: 'Severity', nature: 'Nature', status: 'Status', location: 'Location', phone: 'Resident phone',
    replyDue: 'Reply by', resolveDue: 'Resolve by', receiver: 'Received by', assignee: 'Assignee', accept: 'Accept', reply: 'Reply to resident',
    resolve: 'Resolve', reassign: 'Reassign', escalate: 'Escalate', note: 'Note', send: 'Send', confirm: 'Confirm',
    replyPlaceholder: 'Your reply to the resident', resultPlaceholder: 'What was done', title: 'New ticket', urgentTitle: 'URGENT ticket', toDepartment: 'To a department', toPerson: 'or to a person',
    photosHidden: '📷 {count} photos (set PROPDESK_PUBLIC_URL to view them in the card)', photosHiddenOne: '📷 1 photo (set PROPDESK_PUBLIC_URL to view it in the card)',
  },
};

export interface DispatchCardOptions {
  language: Language;
  property: Property;
  /** The full phone number, only for the assignee after accepting; everyone else sees it masked. */
  fullPhone?: string | null;
  /**
   * Where a client loads each photo from: the app passes its media links (stored files get a signed
   * link when PROPDESK_PUBLIC_URL is set); the default keeps http(s) addresses and skips stored files.
   */
  photoUrl?: PhotoUrl;
}

function pick(label: Label, language: Language): string {
  return language === 'en' ? label.en : label.zh;
}

function locationText(ticket: Ticket): string {
  const l = ticket.location ?? {};
  const parts = [l.building && `${l.building}栋`, l.unit && `${l.unit}单元`, l.room].filter(Boolean).join('');
  return parts || l.raw || l.area || '—';
}

/** The resident's photos: those sent with the report, then those added to the ticket later. */
export function ticketPhotos(ticket: Ticket): PhotoAttachment[] {
  const later = ticket.events.flatMap((event) => {
    const attachments = event.kind === 'resident_message' ? (event.data as { attachments?: unknown } | null | undefined)?.attachments : undefined;
    return Array.isArray(attachments) ? (attachments as PhotoAttachment[]) : [];
  });
  return [...(ticket.attachments ?? []), ...later].filter((a) => typeof a?.contentType === 'string' && a.contentType.startsWith('image/') && Boolean(a.url));
}

/** The photos a client can show, and how many stored ones it cannot (no PROPDESK_PUBLIC_URL). */
function photosFor(ticket: Ticket, photoUrl: PhotoUrl): { shown: Array<{ url: string }>; hidden: number } {
  const shown: Array<{ url: string }> = [];
  let hidden = 0;
  for (const photo of ticketPhotos(ticket)) {
    const url = photoUrl(photo);
    if (url) shown.push({ url });
    else if (mediaIdOf(photo.url)) hidden += 1;
  }
  return { shown, hidden };
}

/** The dispatch card for a ticket as it is now: its state, who took it, and the actions still open. */
export function dispatchCard(ticket: Ticket, options: DispatchCardOptions): Attachment {
  const { language, property } = options;
  const labels = LABELS[language];
  const zone = property.timeZone;
  const last = latestNotableEvent(ticket.events);
  const photos = photosFor(ticket, options.photoUrl ?? directPhotoUrl);
  const data = {
    title: `${ticket.urgent ? labels.urgentTitle : labels.title} ${ticket.number} · ${pick(CATEGORY_LABELS[ticket.category], language)}`,
    urgent: ticket.urgent,
    labels,
    number: ticket.number,
    category: pick(CATEGORY_LABELS[ticket.category], language),
    severity: ticket.severity ? pick(SEVERITY_LABELS[ticket.severity], language) : '',
    nature: pick(NATURE_LABELS[ticket.nature], language),
    status: pick(STATUS_LABELS[ticket.status], language),
    location: locationText(ticket),
    phone: options.fullPhone ?? (maskPhone(ticket.resident?.phone) || '—'),
    replyDueAt: formatInZone(ticket.replyDueAt, zone).replace('T', ' ').slice(0, 16),
    resolveDueAt: ticket.resolveDueAt ? formatInZone(ticket.resolveDueAt, zone).replace('T', ' ').slice(0, 16) : '',
    receiver: ticket.receiver?.name ?? ticket.receiver?.id ?? '',
    assignee: ticket.assignee ? ticket.assignee.name ?? ticket.assignee.id : '',
    text: options.fullPhone ? ticket.text : maskPhonesIn(ticket.text),
    photos: photos.shown,
    photosHidden: photos.hidden === 0 ? '' : photos.hidden === 1 ? labels.photosHiddenOne! : labels.photosHidden!.replace('{count}', String(photos.hidden)),
    lastEvent: last ? (options.fullPhone ? describeEvent(last, language) : maskPhonesIn(describeEvent(last, language))) : '',
    open: isOpen(ticket.status),
    canAccept: ticket.status === 'dispatched' || ticket.status === 'new',
    canResolve: ticket.status === 'accepted' || ticket.status === 'in_progress',
    departments: property.departments.map((d) => ({ title: d.name || pick(DEPARTMENT_LABELS[d.id], language), value: d.id })),
    people: property.staff.map((s) => ({ title: `${s.name} · ${pick(DEPARTMENT_LABELS[s.department], language)}`, value: s.id })),
  };
  const card = new Template(dispatchCardTemplate).expand({ $root: data }) as Record<string, unknown>;
  return CardFactory.adaptiveCard(withSubmitFallback(card));
}

/** Clients without Action.Execute get Action.Submit with the same data (and `verb`). */
function withSubmitFallback(card: Record<string, unknown>): Record<string, unknown> {
  const visit = (action: Record<string, unknown>): Record<string, unknown> => {
    if (action.type === 'Action.Execute') return { ...action, fallback: { type: 'Action.Submit', title: action.title, data: action.data } };
    if (action.type === 'Action.ShowCard') {
      const inner = action.card as Record<string, unknown>;
      return { ...action, card: { ...inner, actions: ((inner.actions as Record<string, unknown>[]) ?? []).map(visit) } };
    }
    return action;
  };
  return { ...card, actions: ((card.actions as Record<string, unknown>[]) ?? []).map(visit) };
}

/** The resident's full phone for the assignee's own card; the read is audited like every confidential read. */
export async function assigneePhone(store: Store, ticket: Ticket): Promise<string | null> {
  if (!ticket.assignee || ticket.assignee.kind !== 'staff') return null;
  return store.confidential.readResidentPhone({ id: ticket.assignee.id, name: ticket.assignee.name ?? undefined }, ticket.number, ASSIGNEE_PHONE_REASON);
}

export const ASSIGNEE_PHONE_REASON = '接单人联系住户 / assignee contacting the resident';
