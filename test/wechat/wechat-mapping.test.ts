import assert from 'node:assert/strict';
import { CardFactory, MessageFactory } from 'botbuilder';
import { pushKey, toActivity } from '../../bot/wechat/wechat-activity-mapper.js';
import { choiceForReply, renderActivity } from '../../bot/wechat/wechat-message-renderer.js';
import { buildWeChatXml, parseWeChatXml } from '../../bot/wechat/wechat-xml.js';

const base = { ToUserName: 'gh_propdesk', FromUserName: 'o-resident-1', CreateTime: '1764100000' };

describe('WeChat pushes as activities, and activities as WeChat text', () => {
  it('parses pushed XML with every value a string (a 64-bit MsgId survives)', () => {
    const fields = parseWeChatXml(
      '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[a ]]]]><![CDATA[> b]]></Content><MsgId>6054768590064713728</MsgId></xml>',
    );
    assert.deepEqual(fields, { ToUserName: 'gh_1', CreateTime: '1348831860', MsgType: 'text', Content: 'a ]]> b', MsgId: '6054768590064713728' });
    assert.equal(parseWeChatXml(buildWeChatXml({ Content: 'x ]]> y' })).Content, 'x ]]> y');
    assert.throws(() => parseWeChatXml('{"json": true}'));
  });

  it('maps text, voice with Recognition, location, subscribe and menu clicks', () => {
    const text = toActivity({ ...base, MsgType: 'text', Content: '厨房漏水', MsgId: '6054768590064713728' }, { serviceUrl: 'http://x' })!;
    assert.equal(text.channelId, 'wechat');
    assert.equal(text.type, 'message');
    assert.equal(text.text, '厨房漏水');
    assert.equal(text.from?.id, 'o-resident-1');
    assert.equal(text.conversation?.id, 'o-resident-1');
    assert.equal(text.id, 'msg:6054768590064713728');
    const voice = toActivity({ ...base, MsgType: 'voice', MediaId: 'm1', Format: 'amr', Recognition: '电梯坏了', MsgId: '2' }, { serviceUrl: 'http://x', attachments: [{ contentType: 'audio/amr', contentUrl: 'propdesk-media:wechat:m1' }] })!;
    assert.equal(voice.text, '电梯坏了');
    assert.equal(voice.attachments?.length, 1);
    const location = toActivity({ ...base, MsgType: 'location', Location_X: '31.82', Location_Y: '117.22', Scale: '15', Label: '恒宇花园3栋', MsgId: '3' }, { serviceUrl: 'http://x' })!;
    assert.equal(location.text, '恒宇花园3栋');
    assert.equal((location.entities?.[0] as { latitude?: number }).latitude, 31.82);
    const subscribe = toActivity({ ...base, MsgType: 'event', Event: 'subscribe' }, { serviceUrl: 'http://x' })!;
    assert.equal(subscribe.type, 'conversationUpdate');
    assert.equal(subscribe.membersAdded?.[0]?.id, 'o-resident-1');
    assert.equal(toActivity({ ...base, MsgType: 'event', Event: 'CLICK', EventKey: 'REPAIR' }, { serviceUrl: 'http://x' })!.text, '报修');
    assert.equal(toActivity({ ...base, MsgType: 'event', Event: 'VIEW', EventKey: 'https://example.com' }, { serviceUrl: 'http://x' }), undefined);
    assert.equal(pushKey({ ...base, MsgType: 'event', Event: 'CLICK' }), 'event:o-resident-1:1764100000:CLICK');
  });

  it('renders suggested actions as numbered lines and maps a number back to the choice', () => {
    const rendered = renderActivity(MessageFactory.suggestedActions(['确认提交', '否'], '请确认'));
    assert.equal(rendered.text, '请确认\n\n1. 确认提交\n2. 否\n（回复数字即可选择）');
    assert.deepEqual(rendered.choices, ['确认提交', '否']);
    assert.equal(choiceForReply('1', rendered.choices), '确认提交');
    assert.equal(choiceForReply(' 2。', rendered.choices), '否');
    assert.equal(choiceForReply('3', rendered.choices), undefined);
    assert.equal(choiceForReply('13800138000', rendered.choices), undefined);
  });

  it('renders an adaptive card as its text blocks, facts and action titles', () => {
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'HY01-20261126-0001 维修' }, { type: 'FactSet', facts: [{ title: '位置', value: '3-2-501' }] }],
      actions: [{ type: 'Action.Execute', title: '接单' }],
    });
    const rendered = renderActivity(MessageFactory.attachment(card));
    assert.equal(rendered.text, 'HY01-20261126-0001 维修\n位置：3-2-501\n（接单）');
    assert.equal(renderActivity({ type: 'typing' }).text, undefined);
  });
});
