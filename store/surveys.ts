import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';
import { callbackTaskModel, type CallbackMethod, type CallbackTaskDocument } from './models/callback-task.js';
import { openSurveyModel, surveyModel, type OpenSurveyDocument, type SurveyAnswer, type SurveyDocument } from './models/survey.js';

export type Survey = SurveyDocument;
export type CallbackTask = CallbackTaskDocument;
/** A survey or a callback task, by id. */
export interface CallbackRef {
  kind: 'survey' | 'task';
  id: string;
}

/** A survey still sent or a callback task still open, with its round (null: not known, see `roundOfTask`). */
export interface OpenCallback extends CallbackRef {
  ticketNumber: string;
  round: number | null;
}

/** Callback surveys sent in chat and the callback tasks staff do by phone or in person. */
export class Surveys {
  readonly surveys: Model<SurveyDocument>;
  readonly tasks: Model<CallbackTaskDocument>;
  private readonly open: Model<OpenSurveyDocument>;

  constructor(connection: Connection) {
    this.surveys = surveyModel(connection);
    this.tasks = callbackTaskModel(connection);
    this.open = openSurveyModel(connection);
  }

  static idOf(ticketNumber: string, round: number): string {
    return `${ticketNumber}#${round}`;
  }

  /**
   * A task's round: stored on it, or (tasks made before it was stored) read from its id, "<number>#<round>"
   * or "…#<round>:visit". Null for an id of neither form: callers take it as the ticket's current round,
   * so such a task is never superseded or ignored by mistake.
   */
  static roundOfTask(task: Pick<CallbackTask, '_id' | 'round'>): number | null {
    if (typeof task.round === 'number') return task.round;
    const fromId = /#(\d+)(?::visit)?$/.exec(task._id)?.[1];
    return fromId === undefined ? null : Number(fromId);
  }

  /** Inserts once; false when this survey was already recorded. The resident's account has it open only once `pointAccountAt` says so. */
  async create(survey: Omit<SurveyDocument, 'answer' | 'comment' | 'answeredAt'>): Promise<boolean> {
    return insertOnce(() => this.surveys.create(survey));
  }

  /** Points the resident's account at a survey still open (again, after a run stopped before it did). */
  async pointAccountAt(surveyId: string): Promise<void> {
    const survey = await this.surveys.findById(surveyId).lean();
    if (survey?.status !== 'sent' || !survey.residentAccountId) return;
    await this.open.replaceOne({ _id: survey.residentAccountId }, { surveyId, ticketNumber: survey.ticketNumber, sentAt: survey.sentAt }, { upsert: true });
  }

  /** The survey a ticket's resident has not answered yet (the latest round). */
  async openFor(ticketNumber: string): Promise<Survey | null> {
    return this.surveys.findOne({ ticketNumber, status: 'sent' }).sort({ round: -1 }).lean();
  }

  /** The survey a resident's account has open (the latest sent), for the resident desk to read an answer against. */
  async openForResident(accountId: string): Promise<{ surveyId: string; ticketNumber: string } | null> {
    const open = await this.open.findById(accountId).lean();
    return open ? { surveyId: open.surveyId, ticketNumber: open.ticketNumber } : null;
  }

  /** Marks an open survey answered; false when it was answered, expired or superseded meanwhile. */
  async answer(id: string, answer: SurveyAnswer, comment: string | null, at: Date): Promise<boolean> {
    const result = await this.surveys.updateOne({ _id: id, status: 'sent' }, { $set: { status: 'answered', answer, comment, answeredAt: at } });
    await this.closeFor(id);
    return result.modifiedCount === 1;
  }

  /** What the resident added after answering (what could be better). */
  async addComment(id: string, comment: string): Promise<void> {
    await this.surveys.updateOne({ _id: id }, { $set: { comment } });
  }

  /** The account's pointer moves on to its next open survey, if it has another (two tickets resolved close together). */
  private async closeFor(surveyId: string): Promise<void> {
    const survey = await this.surveys.findById(surveyId, { residentAccountId: 1 }).lean();
    const accountId = survey?.residentAccountId;
    if (!accountId) return;
    const pointer = await this.open.findById(accountId).lean();
    if (pointer?.surveyId !== surveyId) return;
    const next = await this.surveys.findOne({ residentAccountId: accountId, status: 'sent' }).sort({ sentAt: -1 }).lean();
    // the pointer is replaced in one write, so a stop in between cannot lose the next survey's
    if (next) await this.open.replaceOne({ _id: accountId }, { surveyId: next._id, ticketNumber: next.ticketNumber, sentAt: next.sentAt });
    else await this.open.deleteOne({ _id: accountId, surveyId });
  }

  /** Of `numbers`' surveys and callback tasks, those still waiting: surveys sent (not answered, expired or superseded) and tasks open, each with its round. */
  async openCallbacksOf(numbers: readonly string[]): Promise<OpenCallback[]> {
    if (numbers.length === 0) return [];
    return this.openCallbacksWhere({ ticketNumber: { $in: [...numbers] } });
  }

  /** Every survey still sent and callback task still open, each with its ticket and round. */
  async allOpenCallbacks(): Promise<OpenCallback[]> {
    return this.openCallbacksWhere({});
  }

  /** Of `numbers`' callback tasks (phone or visit), those still open, each with its round. */
  async openTasksOf(numbers: readonly string[]): Promise<OpenCallback[]> {
    if (numbers.length === 0) return [];
    return this.openTasksWhere({ ticketNumber: { $in: [...numbers] } });
  }

  private async openCallbacksWhere(filter: { ticketNumber?: { $in: string[] } }): Promise<OpenCallback[]> {
    // surveys before tasks: an expiring survey gets its task before it is marked expired, so a ticket cannot slip between the two reads
    const sent = await this.surveys.find({ ...filter, status: 'sent' }, { ticketNumber: 1, round: 1 }).lean();
    const surveys = sent.map((survey) => ({ kind: 'survey' as const, id: survey._id, ticketNumber: survey.ticketNumber, round: survey.round }));
    return [...surveys, ...(await this.openTasksWhere(filter))];
  }

  private async openTasksWhere(filter: { ticketNumber?: { $in: string[] } }): Promise<OpenCallback[]> {
    const open = await this.tasks.find({ ...filter, status: 'open' }, { ticketNumber: 1, round: 1 }).lean();
    return open.map((task) => ({ kind: 'task' as const, id: task._id, ticketNumber: task.ticketNumber, round: Surveys.roundOfTask(task) }));
  }

  /**
   * Settles surveys and callback tasks that wait on nothing any more (their ticket was reopened for
   * rework, closed or cancelled): a survey is no longer open to an answer nor expires into a task, a
   * task leaves the callback and visit lists (a callback staff made on it all the same can still be
   * recorded). Returns those it changed (one answered, done or superseded meanwhile is left as it is).
   */
  async supersede(callbacks: readonly CallbackRef[], at: Date): Promise<CallbackRef[]> {
    const changed: CallbackRef[] = [];
    for (const { kind, id } of callbacks) {
      const result =
        kind === 'survey'
          ? await this.surveys.updateOne({ _id: id, status: 'sent' }, { $set: { status: 'superseded' } })
          : await this.tasks.updateOne({ _id: id, status: 'open' }, { $set: { status: 'superseded', doneAt: at } });
      if (result.modifiedCount === 1) changed.push({ kind, id });
      // also when superseded before: a pointer set after that (a survey job racing the rework) moves on here
      if (kind === 'survey') await this.closeFor(id);
    }
    return changed;
  }

  async unansweredBy(now: Date, limit = 500): Promise<Survey[]> {
    return this.surveys.find({ status: 'sent', answerDueAt: { $lte: now } }).sort({ answerDueAt: 1 }).limit(limit).lean();
  }

  async expire(id: string): Promise<void> {
    await this.surveys.updateOne({ _id: id, status: 'sent' }, { $set: { status: 'expired' } });
    await this.closeFor(id);
  }

  /** Whether a survey is still open to an answer (sent, not answered, expired or superseded). */
  async isSent(id: string): Promise<boolean> {
    return (await this.surveys.findById(id, { status: 1 }).lean())?.status === 'sent';
  }

  async isOpenTask(id: string): Promise<boolean> {
    // a bare `_id` filter: FerretDB 1.24 serves only that by key
    return (await this.tasks.findById(id, { status: 1 }).lean())?.status === 'open';
  }

  /** Inserts a callback task once (its id is the claim); false when it exists. */
  async createTask(task: Omit<CallbackTaskDocument, 'result' | 'satisfaction' | 'doneAt' | 'doneBy'>): Promise<boolean> {
    return insertOnce(() => this.tasks.create(task));
  }

  async openTasks(method?: CallbackMethod): Promise<CallbackTask[]> {
    return this.tasks.find({ status: 'open', ...(method ? { method } : {}) }).sort({ dueAt: 1 }).lean();
  }

  /** The visit list: open callbacks to be made in person. */
  visitList(): Promise<CallbackTask[]> {
    return this.openTasks('visit');
  }

  /** Records a callback made on an open or superseded task (the call was made all the same); false when it is done already. */
  async completeTask(id: string, outcome: { method: CallbackMethod; result: string; satisfaction?: SurveyAnswer | null; by: string }, at: Date): Promise<boolean> {
    const updated = await this.tasks.updateOne(
      { _id: id, status: { $in: ['open', 'superseded'] } },
      { $set: { status: 'done', method: outcome.method, result: outcome.result, satisfaction: outcome.satisfaction ?? null, doneAt: at, doneBy: outcome.by } },
    );
    return updated.modifiedCount === 1;
  }
}

async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
