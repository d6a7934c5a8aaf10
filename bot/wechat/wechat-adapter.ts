import { randomBytes } from 'node:crypto';
import { BotAdapter, TurnContext, type Activity, type Attachment, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/clock.js';
import { claim } from '../../store/claims.js';
import { MediaStore, mediaUrl } from '../../store/media.js';
import type { ClaimDocument } from '../../store/models/support.js';
import type { ResidentAccounts } from '../../store/resident-accounts.js';
import type { WeChatShownChoices } from '../../store/wechat-choices.js';
import { mediaIdToKeep, pushKey, toActivity, WECHAT_CHANNEL_ID } from './wechat-activity-mapper.js';
import { NOT_SUBSCRIBED, WeChatApiError, type WeChatClient } from './wechat-client.js';
import { WeChatCryptoError, type SignedQuery, type WeChatCrypto } from './wechat-crypto.js';
import { choiceForReply, renderActivity, textMessage } from './wechat-message-renderer.js';
import { buildWeChatXml, parseWeChatXml, WeChatXmlError, type WeChatXmlFields } from './wechat-xml.js';

export interface WeChatAdapterOptions {
  crypto: WeChatCrypto;
  client: WeChatClient;
  /** Stored in activities' serviceUrl (WeChat has no per-conversation service URL). */
  apiBase: string;
  pushClaims: Model<ClaimDocument>;
  media: MediaStore;
  shownChoices: WeChatShownChoices;
  residents: ResidentAccounts;
  clock: Clock;
  logger: Logger;
  /** How long a push may wait for the bot before WeChat gets "success" (WeChat gives up after 5 s). */
  replyBudgetMs: number;
  /** Answer a quick single reply in the HTTP response instead of through the customer-service API. */
  passiveReplies: boolean;
}

export interface WeChatHttpAnswer {
  status: number;
  body: string;
  contentType: 'text/plain' | 'application/xml';
}

type PushQuery = SignedQuery & { echostr?: string; openid?: string };

/** Replies of a turn that began with a push: held back while a passive reply is still possible. */
interface PushReplies {
  holding: boolean;
  held: string[];
  /** Sends in order once replies go out through the customer-service API. */
  sending: Promise<void>;
  shownChoices: string[] | undefined;
}

const PUSH_REPLIES = Symbol('wechatPushReplies');
const SUCCESS: WeChatHttpAnswer = { status: 200, body: 'success', contentType: 'text/plain' };

/**
 * Bot Framework adapter for a WeChat Official Account: verifies and decrypts pushes, runs each
 * push once (a claim per MsgId or sender + CreateTime), answers WeChat within the reply budget,
 * and sends everything the bot says after that through the customer-service message API.
 */
export class WeChatAdapter extends BotAdapter {
  private nextReplyId = 1;

  constructor(private readonly options: WeChatAdapterOptions) {
    super();
  }

  /** GET: the server URL check; echoes `echostr` when the signature is ours. */
  verifyUrl(query: PushQuery): WeChatHttpAnswer {
    if (!this.options.crypto.hasValidSignature(query)) return { status: 401, body: 'bad signature', contentType: 'text/plain' };
    return { status: 200, body: query.echostr ?? '', contentType: 'text/plain' };
  }

  /** POST: a pushed message or event. */
  async receive(query: PushQuery, body: string, logic: (context: TurnContext) => Promise<void>): Promise<WeChatHttpAnswer> {
    const { crypto, logger } = this.options;
    if (!crypto.hasValidSignature(query)) return { status: 401, body: 'bad signature', contentType: 'text/plain' };
    let fields: WeChatXmlFields;
    try {
      fields = parseWeChatXml(body);
      if (query.encrypt_type === 'aes') {
        const encrypted = fields.Encrypt;
        if (!encrypted || !crypto.safeMode) return { status: 400, body: 'safe mode needs WECHAT_AES_KEY', contentType: 'text/plain' };
        if (!crypto.hasValidMessageSignature(query, encrypted)) return { status: 401, body: 'bad msg_signature', contentType: 'text/plain' };
        fields = parseWeChatXml(crypto.decrypt(encrypted));
      }
    } catch (err) {
      if (err instanceof WeChatCryptoError) return { status: 401, body: err.message, contentType: 'text/plain' };
      if (err instanceof WeChatXmlError) return { status: 400, body: err.message, contentType: 'text/plain' };
      throw err;
    }
    const openId = fields.FromUserName;
    if (!openId) return { status: 400, body: 'no FromUserName', contentType: 'text/plain' };
    const event = fields.MsgType === 'event' ? fields.Event?.toLowerCase() : undefined;
    if (event === 'unsubscribe' || event === 'subscribe') {
      await this.options.residents.setUnreachable(WECHAT_CHANNEL_ID, openId, event === 'unsubscribe', this.options.clock());
      if (event === 'unsubscribe') return SUCCESS;
    }
    if (!(await claim(this.options.pushClaims, `wechat:${pushKey(fields)}`, 'wechat-push', this.options.clock()))) {
      logger.info({ push: pushKey(fields) }, 'WeChat retried a push that is already being answered');
      return SUCCESS;
    }
    const replies: PushReplies = { holding: true, held: [], sending: Promise.resolve(), shownChoices: undefined };
    const turn = this.runPush(fields, replies, logic).then(
      () => true,
      (err: unknown) => {
        logger.error({ err, push: pushKey(fields) }, 'WeChat push turn failed');
        return true;
      },
    );
    let budgetTimer: NodeJS.Timeout | undefined;
    const budget = new Promise<false>((resolve) => {
      budgetTimer = setTimeout(() => resolve(false), this.options.replyBudgetMs);
    });
    const finishedInTime = await Promise.race([turn, budget]);
    clearTimeout(budgetTimer);
    replies.holding = false;
    if (finishedInTime && this.options.passiveReplies && replies.held.length === 1) {
      return this.passiveReply(fields, replies.held[0]!, query);
    }
    for (const text of replies.held.splice(0)) this.enqueueSend(replies, openId, text).catch(() => undefined);
    return SUCCESS;
  }

  private async runPush(fields: WeChatXmlFields, replies: PushReplies, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const attachments = await this.keepMedia(fields);
    const activity = toActivity(fields, { serviceUrl: this.options.apiBase, attachments });
    if (!activity) return;
    const openId = fields.FromUserName!;
    const shownBefore = await this.options.shownChoices.lastShown(openId);
    if (activity.type === 'message' && fields.MsgType === 'text') {
      const choice = choiceForReply(activity.text, shownBefore);
      if (choice) activity.text = choice;
    }
    const context = new TurnContext(this, activity);
    context.turnState.set(PUSH_REPLIES, replies);
    await this.runMiddleware(context, logic);
    // Written only when they change: on FerretDB every update by _id reads the whole collection.
    const shownNow = replies.shownChoices;
    if (shownNow !== undefined && shownNow.join('\n') !== shownBefore.join('\n')) {
      await this.options.shownChoices.remember(openId, shownNow, this.options.clock());
    }
    await replies.sending;
  }

  /** Downloads an image or voice message at once and keeps the bytes; the activity refers to the stored copy. */
  private async keepMedia(fields: WeChatXmlFields): Promise<Attachment[]> {
    const mediaId = mediaIdToKeep(fields);
    if (!mediaId) return [];
    try {
      const file = await this.options.client.downloadMedia(mediaId);
      const id = await this.options.media.save({ channelId: WECHAT_CHANNEL_ID, channelMediaId: mediaId, ...file }, this.options.clock());
      const extension = fields.MsgType === 'voice' ? (fields.Format ?? 'amr') : 'jpg';
      return [{ contentType: file.contentType, contentUrl: mediaUrl(id), name: file.fileName ?? `${fields.MsgType}-${mediaId}.${extension}` }];
    } catch (err) {
      this.options.logger.warn({ err, mediaId }, 'could not download WeChat media');
      return fields.PicUrl ? [{ contentType: 'image/jpeg', contentUrl: fields.PicUrl, name: `image-${mediaId}.jpg` }] : [];
    }
  }

  private passiveReply(fields: WeChatXmlFields, text: string, query: PushQuery): WeChatHttpAnswer {
    const now = Math.floor(this.options.clock().getTime() / 1000);
    const reply = buildWeChatXml({ ToUserName: fields.FromUserName!, FromUserName: fields.ToUserName ?? '', CreateTime: now, MsgType: 'text', Content: text });
    if (query.encrypt_type !== 'aes') return { status: 200, body: reply, contentType: 'application/xml' };
    const timestamp = String(now);
    const nonce = query.nonce ?? randomBytes(8).toString('hex');
    const { encrypted, signature } = this.options.crypto.encrypt(reply, timestamp, nonce);
    return { status: 200, body: buildWeChatXml({ Encrypt: encrypted, MsgSignature: signature, TimeStamp: now, Nonce: nonce }), contentType: 'application/xml' };
  }

  /** Sends after the turn's earlier replies; a failed send is logged and does not stop the later ones. */
  private enqueueSend(replies: PushReplies, openId: string, text: string): Promise<void> {
    const sent = replies.sending.then(() => this.sendText(openId, text));
    replies.sending = sent.catch((err: unknown) => this.options.logger.warn({ err, openId }, 'WeChat customer-service message not sent'));
    return sent;
  }

  private async sendText(openId: string, text: string): Promise<void> {
    try {
      await this.options.client.sendCustomMessage({ touser: openId, ...textMessage(text) });
    } catch (err) {
      if (err instanceof WeChatApiError && err.errcode === NOT_SUBSCRIBED) {
        await this.options.residents.setUnreachable(WECHAT_CHANNEL_ID, openId, true, this.options.clock());
      }
      throw err;
    }
  }

  override async sendActivities(context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const openId = context.activity.conversation?.id;
    if (!openId) throw new Error('a WeChat activity needs the OpenID as its conversation id');
    const replies = context.turnState.get(PUSH_REPLIES) as PushReplies | undefined;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, typeof activity.value === 'number' ? activity.value : 1000));
      }
      responses.push({ id: `wechat-${this.nextReplyId++}` });
      const rendered = renderActivity(activity);
      if (!rendered.text) continue;
      if (replies) {
        replies.shownChoices = rendered.choices;
        if (replies.holding) replies.held.push(rendered.text);
        else await this.enqueueSend(replies, openId, rendered.text);
      } else {
        await this.sendText(openId, rendered.text);
        if (rendered.choices.length > 0) await this.options.shownChoices.remember(openId, rendered.choices, this.options.clock());
      }
    }
    return responses;
  }

  /** WeChat messages cannot be edited; a refreshed card is simply not shown there. */
  override async updateActivity(): Promise<ResourceResponse | void> {
    return undefined;
  }

  override async deleteActivity(): Promise<void> {
    return undefined;
  }

  /** Proactive turn (Notifier): whatever the logic sends goes out through the customer-service API. */
  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
