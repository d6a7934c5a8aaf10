import { plainSignature, WeChatCrypto } from '../../bot/wechat/wechat-crypto.js';
import { buildWeChatXml } from '../../bot/wechat/wechat-xml.js';

export const WECHAT_ENV = {
  WECHAT_APP_ID: 'wxpropdesktest',
  WECHAT_APP_SECRET: 'test-secret',
  WECHAT_TOKEN: 'propdesk-token',
};
export const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
export const ACCOUNT = 'gh_propdesk';

let nextMsgId = 7_000_000_000_000_000_000n;
export function newMsgId(): string {
  nextMsgId += 1n;
  return nextMsgId.toString();
}

export interface PushAnswer {
  status: number;
  body: string;
  elapsedMs: number;
}

/** Posts a push to /api/wechat as WeChat does: signed query, XML body (encrypted in safe mode). */
export async function push(
  url: string,
  fields: Record<string, string | number>,
  options: { safeMode?: boolean; badSignature?: boolean; timestamp?: string } = {},
): Promise<PushAnswer> {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  let signature = plainSignature(WECHAT_ENV.WECHAT_TOKEN, timestamp, nonce);
  if (options.badSignature) signature = signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  const query = new URLSearchParams({ signature, timestamp, nonce, openid: String(fields.FromUserName) });
  let body = buildWeChatXml({ ToUserName: ACCOUNT, CreateTime: Math.floor(Date.now() / 1000), ...fields });
  if (options.safeMode) {
    const { encrypted, signature: msgSignature } = new WeChatCrypto(WECHAT_ENV.WECHAT_TOKEN, WECHAT_ENV.WECHAT_APP_ID, [AES_KEY]).encrypt(body, timestamp, nonce);
    query.set('encrypt_type', 'aes');
    query.set('msg_signature', msgSignature);
    body = buildWeChatXml({ ToUserName: ACCOUNT, Encrypt: encrypted });
  }
  const started = Date.now();
  const response = await fetch(`${url}/api/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  return { status: response.status, body: await response.text(), elapsedMs: Date.now() - started };
}

export function textPush(openId: string, content: string, msgId = newMsgId()): Record<string, string> {
  return { FromUserName: openId, MsgType: 'text', Content: content, MsgId: msgId };
}
