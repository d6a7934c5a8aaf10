import { randomUUID } from 'node:crypto';

/** Posts one resident message to the bot with expectReplies, as the bench's simulated clients do. */
export function postMessage(url: string, user: { id: string; name?: string }, conversationId: string, text: string): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      text,
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:1/unused-connector',
      from: user,
      recipient: { id: 'bot' },
      conversation: { id: conversationId },
      deliveryMode: 'expectReplies',
    }),
  });
}
