import type { Logger } from 'pino';
import type { Clock } from '../../domain/clock.js';
import { claimModel } from '../../store/models/support.js';
import type { Store } from '../../store/store.js';
import { WeChatShownChoices } from '../../store/wechat-choices.js';
import type { WeChatConfig } from '../config.js';
import { WeChatAdapter } from './wechat-adapter.js';
import { WeChatClient } from './wechat-client.js';
import { WeChatCrypto } from './wechat-crypto.js';

export interface WeChatChannelOptions {
  /** Overrides config.replyBudgetMs (tests use a short budget with a slow bot). */
  replyBudgetMs?: number;
  /** Default true: a quick single reply goes back in the HTTP answer. */
  passiveReplies?: boolean;
}

/** The WeChat Official Account adapter, wired to the store. */
export function createWeChatAdapter(config: WeChatConfig, store: Store, clock: Clock, logger: Logger, options: WeChatChannelOptions = {}): WeChatAdapter {
  return new WeChatAdapter({
    crypto: new WeChatCrypto(config.token, config.appId, config.aesKey ? [config.aesKey] : []),
    client: new WeChatClient({ appId: config.appId, appSecret: config.appSecret, apiBase: config.apiBase, clock }),
    apiBase: config.apiBase,
    pushClaims: claimModel(store.connection, 'wechatPushClaims'),
    media: store.media,
    shownChoices: new WeChatShownChoices(store.connection),
    residents: store.residents,
    clock,
    logger: logger.child({ channel: 'wechat' }),
    replyBudgetMs: options.replyBudgetMs ?? config.replyBudgetMs,
    passiveReplies: options.passiveReplies ?? true,
  });
}
