import assert from 'node:assert/strict';
import { messageSignature, plainSignature, WeChatCrypto, WeChatCryptoError } from '../../bot/wechat/wechat-crypto.js';
import { buildWeChatXml, parseWeChatXml } from '../../bot/wechat/wechat-xml.js';

const KEY_B = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

describe('WeChat signatures and safe-mode encryption (official vectors)', () => {
  it('vector A: the Official Account URL-check signature', () => {
    assert.equal(plainSignature('AAAAA', '1714037059', '486452656'), '899cf89e464efb63f54ddac96b0a0a235f53aa78');
    const crypto = new WeChatCrypto('AAAAA', 'wx-any');
    assert.equal(crypto.hasValidSignature({ signature: '899cf89e464efb63f54ddac96b0a0a235f53aa78', timestamp: '1714037059', nonce: '486452656' }), true);
    assert.equal(crypto.hasValidSignature({ signature: '899cf89e464efb63f54ddac96b0a0a235f53aa79', timestamp: '1714037059', nonce: '486452656' }), false);
    assert.equal(crypto.hasValidSignature({ signature: 'short', timestamp: '1714037059', nonce: '486452656' }), false);
    assert.equal(crypto.hasValidSignature({ timestamp: '1714037059', nonce: '486452656' }), false);
  });

  it('vector B: the plain push signature of the official Python sample', () => {
    assert.equal(plainSignature('spamtest', '1409735669', '1320562132'), '16120ec1b8dbb870f510d87ce6bc2463eae6ca1a');
  });

  it('vector C: deterministic encryption of the official Java test', () => {
    const crypto = new WeChatCrypto('any-token', 'wxb11529c136998cb6', [KEY_B]);
    const { encrypted } = crypto.encrypt('我是中文abcd123', '1', '1', Buffer.from('aaaabbbbccccdddd'));
    assert.equal(encrypted, 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==');
    assert.equal(crypto.decrypt(encrypted), '我是中文abcd123');
  });

  it("vector D: WeCom's URL check (msg_signature over the encrypted echostr, decrypts to the plaintext)", () => {
    const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
    const crypto = new WeChatCrypto('QDG6eK', 'wx5823bf96d3bd56c7', ['jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C']);
    const query = { msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', timestamp: '1409659589', nonce: '263014780' };
    assert.equal(crypto.hasValidMessageSignature(query, echostr), true);
    assert.equal(crypto.hasValidMessageSignature({ ...query, nonce: '263014781' }, echostr), false);
    assert.equal(crypto.decrypt(echostr), '1616140317555161061');
  });

  it('round-trips a pushed message through our own encryption, keeping MsgId a string', () => {
    const crypto = new WeChatCrypto('spamtest', 'wx2c2769f8efd9abc2', [KEY_B]);
    const xml = buildWeChatXml({ ToUserName: 'gh_10f6c3c3ac5a', FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs', CreateTime: 1409735668, MsgType: 'text', Content: 'abcdteT', MsgId: '6054768590064713728' });
    const { encrypted, signature } = crypto.encrypt(xml, '1409735669', '1320562132');
    assert.equal(signature, messageSignature('spamtest', '1409735669', '1320562132', encrypted));
    assert.equal(crypto.hasValidMessageSignature({ msg_signature: signature, timestamp: '1409735669', nonce: '1320562132' }, encrypted), true);
    const fields = parseWeChatXml(crypto.decrypt(encrypted));
    assert.equal(fields.Content, 'abcdteT');
    assert.equal(fields.MsgId, '6054768590064713728');
    assert.equal(fields.CreateTime, '1409735668');
  });

  it('refuses a message encrypted for another AppID, and one it cannot decrypt', () => {
    const sender = new WeChatCrypto('t', 'wx-someone-else', [KEY_B]);
    const receiver = new WeChatCrypto('t', 'wx2c2769f8efd9abc2', [KEY_B]);
    const { encrypted } = sender.encrypt('<xml></xml>', '1', '1');
    assert.throws(() => receiver.decrypt(encrypted), WeChatCryptoError);
    const otherKey = new WeChatCrypto('t', 'wx2c2769f8efd9abc2', ['jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C']);
    assert.throws(() => otherKey.decrypt(encrypted), WeChatCryptoError);
  });

  it('decrypts with the previous EncodingAESKey after a key change', () => {
    const old = new WeChatCrypto('t', 'wxapp', [KEY_B]);
    const { encrypted } = old.encrypt('<xml><Content>旧</Content></xml>', '1', '1');
    const rotated = new WeChatCrypto('t', 'wxapp', ['jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', KEY_B]);
    assert.equal(parseWeChatXml(rotated.decrypt(encrypted)).Content, '旧');
  });
});
