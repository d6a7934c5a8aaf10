import { randomBytes } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import type { ConversationReferences } from './conversation-references.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import type { HouseholdRegistry } from './households.js';
import { idsAmong } from './in-chunks.js';
import { noticeAckModel, noticeModel, type NoticeAckDocument, type NoticeDocument, type NoticeKind, type NoticeStatus } from './models/notice.js';
import type { Outbox } from './outbox.js';
import type { ResidentAccounts } from './resident-accounts.js';
import type { StaffDirectory } from './staff-directory.js';
import { requireStaffRole, type StaffAction } from './staff-permissions.js';

export type Notice = NoticeDocument;

/** A notice without an end date is shown for one week (manual §4). */
export const DEFAULT_NOTICE_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;
export const NOTICE_CARD_KIND = 'notice-card';

export interface NoticeDraft {
  title: string;
  body: string;
  kind: NoticeKind;
  approvingDocument?: string | null;
  validFrom?: Date | null;
  validUntil?: Date | null;
  building?: string | null;
}

/** A step asked of a notice that is not in the state for it, or a draft that breaks a rule. */
export class NoticeRuleError extends Error {
  override name = 'NoticeRuleError';
}

export type AcknowledgeOutcome = { ok: true; householdId: string; already: boolean } | { ok: false; reason: 'not-linked' | 'not-a-recipient' };

export interface NoticeStatusReport {
  notice: Notice;
  acknowledged: Array<{ householdId: string; at: Date }>;
  pending: string[];
}

/** Public notices: draft → checked (customer service) → approved (project manager) → published → archived. */
export class Notices {
  readonly notices: Model<NoticeDocument>;
  readonly acks: Model<NoticeAckDocument>;

  constructor(
    connection: Connection,
    private readonly staff: StaffDirectory,
    private readonly households: HouseholdRegistry,
    private readonly residents: ResidentAccounts,
    private readonly references: ConversationReferences,
    private readonly outbox: Outbox,
  ) {
    this.notices = noticeModel(connection);
    this.acks = noticeAckModel(connection);
  }

  async draft(staffId: string, draft: NoticeDraft, at = new Date()): Promise<Notice> {
    const by = await requireStaffRole(this.staff, staffId, 'draftNotice');
    const title = draft.title?.trim();
    const body = draft.body?.trim();
    if (!title || !body) throw new NoticeRuleError('a notice needs a title and a body');
    if (draft.kind === 'price' && !draft.approvingDocument?.trim()) throw new NoticeRuleError('a price notice must reference the document that approved the prices');
    if (draft.validFrom && draft.validUntil && draft.validUntil <= draft.validFrom) throw new NoticeRuleError('the notice must end after it starts');
    const _id = `N${at.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(2).toString('hex').toUpperCase()}`;
    await this.notices.create({
      _id,
      title,
      body,
      kind: draft.kind,
      approvingDocument: draft.approvingDocument?.trim() || null,
      validFrom: draft.validFrom ?? null,
      validUntil: draft.validUntil ?? null,
      building: draft.building ?? null,
      status: 'draft',
      steps: [{ step: 'drafted', by: { id: by.id, name: by.name }, at }],
      createdAt: at,
    });
    return this.get(_id);
  }

  /** Customer service checks a draft. */
  check(staffId: string, noticeId: string, at = new Date()): Promise<Notice> {
    return this.advance(staffId, noticeId, 'checkNotice', 'draft', 'checked', at);
  }

  /** The project manager approves a checked notice. */
  approve(staffId: string, noticeId: string, at = new Date()): Promise<Notice> {
    return this.advance(staffId, noticeId, 'approveNotice', 'checked', 'approved', at);
  }

  /**
   * Publishes an approved notice: fixes its recipients (every current household, or one building's)
   * and records a card for each linked resident in the outbox. Running it again records nothing twice.
   */
  async publish(staffId: string, noticeId: string, at = new Date()): Promise<{ notice: Notice; households: number; cards: number }> {
    const by = await requireStaffRole(this.staff, staffId, 'publishNotice');
    let notice = await this.get(noticeId);
    if (notice.status !== 'approved' && notice.status !== 'published') {
      throw new NoticeRuleError(`notice ${noticeId} is ${notice.status}; only an approved notice can be published`);
    }
    if (notice.status === 'approved') {
      const recipients = (await this.households.households.find({ departedAt: null, ...(notice.building ? { building: notice.building } : {}) }, { archiveNo: 1 }).lean()).map((h) => h.archiveNo);
      const start = notice.validFrom && notice.validFrom > at ? notice.validFrom : at;
      const expiresAt = notice.validUntil ?? new Date(start.getTime() + DEFAULT_NOTICE_DAYS * DAY_MS);
      await this.notices.updateOne(
        { _id: noticeId, status: 'approved' },
        { $set: { status: 'published', publishedAt: at, expiresAt, recipients }, $push: { steps: { step: 'published', by: { id: by.id, name: by.name }, at } } },
      );
      notice = await this.get(noticeId);
    }
    let cards = 0;
    const accounts = await this.residents.accounts.find({ householdId: { $in: notice.recipients } }).lean();
    for (const account of accounts) {
      const conversationKey = await this.references.latestKeyFor(account.channelId, account.userId);
      if (!conversationKey) continue;
      const recorded = await this.outbox.record(
        { key: `notice:${noticeId}:${account._id}`, kind: NOTICE_CARD_KIND, conversationKey, payload: { noticeId, language: account.language ?? 'zh-CN' } },
        at,
      );
      if (recorded) cards += 1;
    }
    return { notice, households: notice.recipients.length, cards };
  }

  /** Of `ids`, the notices archived (their validity is over; they are never published again). */
  archivedAmong(ids: readonly string[]): Promise<Set<string>> {
    return idsAmong(this.notices, ids, { status: 'archived' });
  }

  /** A resident acknowledges (签收) for their household; a household acknowledges once. */
  async acknowledge(noticeId: string, channelId: string, userId: string, at = new Date()): Promise<AcknowledgeOutcome> {
    const account = await this.residents.get(channelId, userId);
    if (!account?.householdId) return { ok: false, reason: 'not-linked' };
    const notice = await this.notices.findById(noticeId).lean();
    if (!notice || !notice.recipients.includes(account.householdId)) return { ok: false, reason: 'not-a-recipient' };
    try {
      await this.acks.create({ _id: `${noticeId}:${account.householdId}`, noticeId, householdId: account.householdId, accountId: account._id, at });
      return { ok: true, householdId: account.householdId, already: false };
    } catch (err) {
      if (isDuplicateKeyError(err)) return { ok: true, householdId: account.householdId, already: true };
      throw err;
    }
  }

  async status(noticeId: string): Promise<NoticeStatusReport> {
    const notice = await this.get(noticeId);
    const acks = await this.acks.find({ noticeId }).sort({ at: 1 }).lean();
    const done = new Set(acks.map((a) => a.householdId));
    return {
      notice,
      acknowledged: acks.map((a) => ({ householdId: a.householdId, at: a.at })),
      pending: notice.recipients.filter((h) => !done.has(h)),
    };
  }

  /** The notices shown now: property-wide ones, and those of the household's building. */
  async current(at: Date, householdId?: string | null): Promise<Notice[]> {
    const household = householdId ? await this.households.households.findOne({ archiveNo: householdId }, { building: 1 }).lean() : null;
    const shown = await this.notices.find({ status: 'published', expiresAt: { $gt: at } }).sort({ publishedAt: -1 }).lean();
    return shown.filter((n) => (!n.validFrom || n.validFrom <= at) && (!n.building || n.building === household?.building));
  }

  /** Archives every published notice whose time is up; archived notices are kept, never deleted. */
  async expire(at: Date): Promise<string[]> {
    const due = await this.notices.find({ status: 'published', expiresAt: { $lte: at } }, { _id: 1 }).lean();
    const archived: string[] = [];
    for (const { _id } of due) {
      const updated = await this.notices.updateOne(
        { _id, status: 'published' },
        { $set: { status: 'archived', archivedAt: at }, $push: { steps: { step: 'archived', by: { id: 'system', name: 'notices job' }, at } } },
      );
      if (updated.modifiedCount > 0) archived.push(_id);
    }
    return archived;
  }

  async get(noticeId: string): Promise<Notice> {
    const notice = await this.notices.findById(noticeId).lean();
    if (!notice) throw new NoticeRuleError(`no notice ${noticeId}`);
    return notice;
  }

  private async advance(staffId: string, noticeId: string, action: StaffAction, from: NoticeStatus, to: NoticeStatus, at: Date): Promise<Notice> {
    const by = await requireStaffRole(this.staff, staffId, action);
    const notice = await this.get(noticeId);
    if (notice.status !== from) throw new NoticeRuleError(`notice ${noticeId} is ${notice.status}, not ${from}`);
    const updated = await this.notices.updateOne(
      { _id: noticeId, status: from },
      { $set: { status: to }, $push: { steps: { step: to, by: { id: by.id, name: by.name }, at } } },
    );
    if (updated.modifiedCount === 0) throw new NoticeRuleError(`notice ${noticeId} changed meanwhile`);
    return this.get(noticeId);
  }
}
