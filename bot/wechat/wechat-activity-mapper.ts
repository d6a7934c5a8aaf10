import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import { translator, type MessageKey } from '../../dialogs/i18n.js';
import type { WeChatXmlFields } from './wechat-xml.js';

export const WECHAT_CHANNEL_ID = 'wechat';

/** Custom-menu CLICK keys (set in the account's menu, see README) and the quick choice each stands for. */
export const MENU_KEYS: Record<string, MessageKey> = {
  REPAIR: 'menuRepair',
  COMPLAINT: 'menuComplaint',
  INQUIRY: 'menuInquiry',
  MY_TICKETS: 'menuTickets',
  EMERGENCY: 'menuEmergency',
  LINK_HOUSEHOLD: 'menuLink',
};

/** Identifies a push across WeChat's retries: MsgId for messages, sender + CreateTime for events. */
export function pushKey(fields: WeChatXmlFields): string {
  if (fields.MsgId) return `msg:${fields.MsgId}`;
  return `event:${fields.FromUserName ?? ''}:${fields.CreateTime ?? ''}:${fields.Event ?? ''}`;
}

/** Pushes whose media the adapter downloads before the turn (temporary media expires after 3 days). */
export function mediaIdToKeep(fields: WeChatXmlFields): string | undefined {
  return (fields.MsgType === 'image' || fields.MsgType === 'voice') && fields.MediaId ? fields.MediaId : undefined;
}

/**
 * The Bot Framework activity for a pushed message or event, with channelId "wechat"; the
 * conversation is the user's OpenID. Undefined for pushes the bot does not answer (unsubscribe, VIEW…).
 */
export function toActivity(fields: WeChatXmlFields, options: { serviceUrl: string; attachments?: Attachment[] }): Partial<Activity> | undefined {
  const openId = fields.FromUserName;
  if (!openId || !fields.MsgType) return undefined;
  const createdAt = Number(fields.CreateTime);
  const base: Partial<Activity> = {
    id: pushKey(fields),
    channelId: WECHAT_CHANNEL_ID,
    serviceUrl: options.serviceUrl,
    timestamp: Number.isFinite(createdAt) && createdAt > 0 ? new Date(createdAt * 1000) : new Date(),
    locale: 'zh-CN',
    from: { id: openId, name: openId, role: 'user' },
    recipient: { id: fields.ToUserName ?? 'wechat-account', name: 'PropDesk', role: 'bot' },
    conversation: { id: openId, isGroup: false, conversationType: 'personal', name: openId },
    channelData: { wechat: fields },
  };
  const message = (text: string, extra: Partial<Activity> = {}): Partial<Activity> => ({ ...base, type: ActivityTypes.Message, text, ...extra });
  const attachments = options.attachments ?? [];
  switch (fields.MsgType) {
    case 'text':
      return message(fields.Content ?? '');
    case 'image':
      return message('', { attachments });
    case 'voice':
      return message(fields.Recognition?.trim() ?? '', { attachments });
    case 'location': {
      const latitude = Number(fields.Location_X);
      const longitude = Number(fields.Location_Y);
      return message(fields.Label?.trim() || `${fields.Location_X},${fields.Location_Y}`, {
        entities: [{ type: 'GeoCoordinates', latitude, longitude, name: fields.Label ?? '' }],
      });
    }
    case 'link':
      return message([fields.Title, fields.Url].filter(Boolean).join(' '));
    case 'event':
      return eventActivity(fields, base);
    default:
      return undefined;
  }
}

function eventActivity(fields: WeChatXmlFields, base: Partial<Activity>): Partial<Activity> | undefined {
  switch ((fields.Event ?? '').toLowerCase()) {
    case 'subscribe':
      return { ...base, type: ActivityTypes.ConversationUpdate, membersAdded: [base.from!] };
    case 'click': {
      const key = fields.EventKey ?? '';
      const label = MENU_KEYS[key.toUpperCase()];
      return { ...base, type: ActivityTypes.Message, text: label ? translator('zh-CN')(label) : key };
    }
    default:
      return undefined;
  }
}
