import type { Activity } from 'botbuilder';
import { mediaUrl } from '../../store/media.js';
import type { DraftAttachment } from './intake-draft.js';

/** Channels whose adapter stores a resident's media and addresses it as `propdesk-media:` (the WeChat adapter). */
const STORED_MEDIA_CHANNELS: ReadonlySet<string> = new Set(['wechat']);
const STORED_MEDIA_PREFIX = mediaUrl('');

/**
 * Files a resident sent with a message, as kept on a ticket: http(s) addresses as the channel gave
 * them; a stored-media address only from a channel that stores media (anyone else could name
 * another resident's file and have it shown, signed, on the staff card). Cards are not files.
 */
export function residentAttachments(activity: Partial<Activity>): DraftAttachment[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType && a.contentType !== 'application/vnd.microsoft.card.adaptive' && typeof a.contentUrl === 'string')
    .filter((a) => /^https?:\/\//i.test(a.contentUrl!) || (a.contentUrl!.startsWith(STORED_MEDIA_PREFIX) && STORED_MEDIA_CHANNELS.has(activity.channelId ?? '')))
    .map((a) => ({ contentType: a.contentType, url: a.contentUrl, name: a.name }));
}
