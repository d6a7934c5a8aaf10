import { randomUUID } from 'node:crypto';

export interface SentActivity {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  suggestedActions?: { actions: Array<{ title: string; value: unknown }> };
  [key: string]: unknown;
}

export interface PostResult {
  status: number;
  body: unknown;
}

/**
 * Talks to the bot over real HTTP as a channel would, asking for the replies in the response
 * (deliveryMode "expectReplies"), so no connector is needed.
 */
export class BotClient {
  readonly conversationId: string;

  constructor(
    private readonly baseUrl: string,
    readonly user: { id: string; name?: string } = { id: `user-${randomUUID()}`, name: 'Resident' },
    conversationId?: string,
    private readonly channelId = 'emulator',
    /** Where the bot sends what it says later (cards, proactive messages): a recording connector's url in tests that look. */
    private readonly serviceUrl = 'http://127.0.0.1:1/unused-connector',
  ) {
    this.conversationId = conversationId ?? `conv-${randomUUID()}`;
  }

  activity(fields: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: this.channelId,
      serviceUrl: this.serviceUrl,
      from: this.user,
      recipient: { id: 'propdesk-bot', name: 'PropDesk' },
      conversation: { id: this.conversationId },
      deliveryMode: 'expectReplies',
      ...fields,
    };
  }

  async post(body: unknown, contentType = 'application/json'): Promise<PostResult> {
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, body: parsed };
  }

  /** Sends a message and returns the bot's replies. */
  async say(text: string, fields: Record<string, unknown> = {}): Promise<SentActivity[]> {
    return this.send(this.activity({ text, ...fields }));
  }

  /** Presses a card button: the Adaptive Card Action.Execute invoke with `verb` and its data. */
  async cardAction(verb: string, data: Record<string, unknown>): Promise<PostResult> {
    return this.post(this.activity({ type: 'invoke', deliveryMode: undefined, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } } } }));
  }

  async send(activity: Record<string, unknown>): Promise<SentActivity[]> {
    const result = await this.post(activity);
    if (result.status !== 200) throw new Error(`the bot answered ${result.status}: ${JSON.stringify(result.body)}`);
    return ((result.body as { activities?: SentActivity[] } | undefined)?.activities ?? []).filter((a) => a.type === 'message');
  }
}

export function textsOf(activities: SentActivity[]): string {
  return activities.map((a) => a.text ?? '').join('\n');
}
