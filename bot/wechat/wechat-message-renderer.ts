import { CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';

/** A customer-service message body without `touser` (PropDesk sends text only). */
export interface WeChatTextMessage {
  msgtype: 'text';
  text: { content: string };
}

export interface RenderedActivity {
  /** One text per activity; empty when there is nothing to say (typing, events). */
  text: string | undefined;
  /** The choices shown as numbered lines; a reply with the number means that choice. */
  choices: string[];
}

const CHOICE_HINT = '（回复数字即可选择）';

/** Renders an outgoing activity as WeChat text: suggested actions and card buttons become numbered lines. */
export function renderActivity(activity: Partial<Activity>): RenderedActivity {
  if (activity.type && activity.type !== 'message') return { text: undefined, choices: [] };
  const parts: string[] = [];
  const choices: string[] = [];
  if (activity.text?.trim()) parts.push(activity.text.trim());
  for (const attachment of activity.attachments ?? []) {
    const rendered = renderAttachment(attachment);
    if (rendered.text) parts.push(rendered.text);
    choices.push(...rendered.choices);
  }
  choices.push(...(activity.suggestedActions?.actions ?? []).map(choiceOf).filter((c): c is string => Boolean(c)));
  if (choices.length > 0) parts.push(`${choices.map((choice, i) => `${i + 1}. ${choice}`).join('\n')}\n${CHOICE_HINT}`);
  const text = parts.join('\n\n');
  return { text: text || undefined, choices };
}

export function textMessage(content: string): WeChatTextMessage {
  return { msgtype: 'text', text: { content } };
}

/** What a number typed by the user stands for, given the choices last shown to them. */
export function choiceForReply(reply: string | undefined, choices: readonly string[]): string | undefined {
  const match = /^\s*(\d{1,2})\s*[.。、]?\s*$/.exec(reply ?? '');
  if (!match) return undefined;
  return choices[Number(match[1]) - 1];
}

function choiceOf(action: CardAction): string | undefined {
  if (action.type === 'imBack' || action.type === 'postBack' || action.type === 'messageBack') {
    return typeof action.value === 'string' && action.value ? action.value : action.title;
  }
  return action.title;
}

function renderAttachment(attachment: Attachment): { text: string; choices: string[] } {
  const content = (attachment.content ?? {}) as Record<string, unknown>;
  if (attachment.contentType === CardFactory.contentTypes.adaptiveCard) {
    const lines = adaptiveLines(content.body);
    const actions = (content.actions as Array<{ title?: string }> | undefined) ?? [];
    const titles = actions.map((a) => a.title).filter((t): t is string => Boolean(t));
    // Card actions cannot be clicked in WeChat; they are listed so staff know what the desk offers.
    if (titles.length > 0) lines.push(`（${titles.join(' / ')}）`);
    return { text: lines.join('\n'), choices: [] };
  }
  if (attachment.contentType === CardFactory.contentTypes.heroCard || attachment.contentType === CardFactory.contentTypes.thumbnailCard) {
    const lines = [content.title, content.subtitle, content.text].filter((v): v is string => typeof v === 'string' && v.length > 0);
    const buttons = ((content.buttons as CardAction[] | undefined) ?? []).map(choiceOf).filter((c): c is string => Boolean(c));
    return { text: lines.join('\n'), choices: buttons };
  }
  const link = attachment.contentUrl && /^https?:/.test(attachment.contentUrl) ? attachment.contentUrl : undefined;
  return { text: [attachment.name, link].filter(Boolean).join(' '), choices: [] };
}

function adaptiveLines(elements: unknown): string[] {
  if (!Array.isArray(elements)) return [];
  const lines: string[] = [];
  for (const element of elements as Array<Record<string, unknown>>) {
    if (!element || typeof element !== 'object') continue;
    if (element.type === 'TextBlock' && typeof element.text === 'string') lines.push(element.text);
    else if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts as Array<{ title?: string; value?: string }>) lines.push(`${fact.title ?? ''}：${fact.value ?? ''}`);
    } else if (element.type === 'RichTextBlock' && Array.isArray(element.inlines)) {
      lines.push((element.inlines as Array<{ text?: string }>).map((i) => i.text ?? '').join(''));
    } else if (element.type === 'Image' || element.type === 'ImageSet') {
      // WeChat text cannot show images: a link staff can open instead (e.g. a resident's photo)
      const images = element.type === 'Image' ? [element] : Array.isArray(element.images) ? (element.images as Array<Record<string, unknown>>) : [];
      for (const image of images) if (typeof image?.url === 'string' && /^https?:\/\//.test(image.url)) lines.push(`📷 ${image.url}`);
    }
    lines.push(...adaptiveLines(element.items));
    if (Array.isArray(element.columns)) for (const column of element.columns as Array<{ items?: unknown }>) lines.push(...adaptiveLines(column.items));
  }
  return lines;
}
