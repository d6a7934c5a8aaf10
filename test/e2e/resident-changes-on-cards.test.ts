import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { RecordingConnector, type RecordedCall } from '../support/recording-connector.js';
import { startTestApp } from '../support/test-app.js';
import { ticketNumberIn } from './resident-harness.js';

/** A chat client whose proactive messages (cards, texts, updates) go through the recording connector. */
function client(app: App, connector: RecordingConnector, id: string, channelId: string): BotClient {
  return new BotClient(app.url, { id, name: id }, `conv-${id}`, channelId, connector.url);
}

interface Card {
  body: Array<{ type: string; text?: string; facts?: Array<{ title: string; value: string }> }>;
  actions?: Array<{ title: string }>;
}

function cardOf(call: RecordedCall): Card {
  const attachment = call.activity.attachments?.[0];
  assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment!.content as unknown as Card;
}

function fact(card: Card, title: string): string | undefined {
  return card.body.flatMap((block) => block.facts ?? []).find((f) => f.title === title)?.value;
}

/** The card's line under the resident's words: its latest event. */
function lastEventLine(card: Card): string | undefined {
  return card.body.filter((block) => block.type === 'TextBlock').at(-1)?.text;
}

describe("staff cards follow the resident's changes (cancel, 没修好, 补充), over HTTP", function () {
  this.timeout(60_000);
  let app: App;
  let connector: RecordingConnector;
  let now = new Date('2026-11-26T02:00:00Z');
  const staff: Record<string, BotClient> = {};
  let residents = 0;

  async function invoke(chat: BotClient, verb: string, data: Record<string, unknown>): Promise<void> {
    const result = await chat.cardAction(verb, data);
    assert.equal((result.body as { statusCode: number }).statusCode, 200, `${verb}: ${JSON.stringify(result.body)}`);
  }

  /** A new resident files a repair in chat; the engineers get its card. */
  async function repairInChat(): Promise<{ resident: BotClient; number: string }> {
    residents += 1;
    const resident = client(app, connector, `r${residents}`, 'emulator');
    await resident.say('3栋2单元501厨房漏水 13800138000');
    const number = ticketNumberIn(textsOf(await resident.say('确认')));
    await app.flushOutbox();
    assert.equal(cardsTo(number, 'POST').length, 2, 'both engineers have the card');
    return { resident, number };
  }

  function cardsTo(number: string, method: 'POST' | 'PUT', since = 0): RecordedCall[] {
    return connector.calls.slice(since).filter((c) => c.method === method && c.activity.attachments?.length && JSON.stringify(c.activity).includes(number));
  }

  function textsTo(conversationId: string, since: number): string[] {
    return connector.calls.slice(since).filter((c) => c.conversationId === conversationId && c.method === 'POST' && !c.activity.attachments?.length).map((c) => c.activity.text ?? '');
  }

  before(async () => {
    connector = await new RecordingConnector().start();
    app = await startTestApp({ label: 'resident_cards', app: { clock: () => now, outboxIntervalMs: 0 } });
    for (const [id, code] of [
      ['eng1', 'ENG-7F3K'],
      ['eng2', 'ENG-2P5X'],
      ['sec1', 'SEC-9D4L'],
    ] as const) {
      staff[id] = client(app, connector, id, 'msteams');
      assert.match(textsOf(await staff[id]!.say(`绑定 ${code}`)), /绑定成功/);
    }
  });
  after(async () => {
    await app?.stop();
    await connector?.stop();
  });

  it('a cancel updates every card at once: 已撤销, nothing left to accept, the resident named as 住户', async () => {
    const { resident, number } = await repairInChat();
    const before = connector.calls.length;
    assert.match(textsOf(await resident.say(`取消 ${number}`)), /已取消/);
    await app.flushOutbox();
    const updates = cardsTo(number, 'PUT', before);
    assert.deepEqual(updates.map((c) => c.conversationId).sort(), ['conv-eng1', 'conv-eng2']);
    for (const update of updates) {
      const card = cardOf(update);
      assert.equal(fact(card, '状态'), '已撤销');
      assert.ok(!(card.actions ?? []).some((a) => a.title === '接单'), 'no accept button on a cancelled ticket');
      assert.equal(lastEventLine(card), '住户撤销 · 住户');
      assert.doesNotMatch(JSON.stringify(card), /emulator:|cancelled|resident/);
    }
    assert.deepEqual(textsTo('conv-eng1', before), [], 'nobody had taken it: no one else to tell');
  });

  it('a ticket passed on after it was accepted can be cancelled, and whoever accepted it is told', async () => {
    const { resident, number } = await repairInChat();
    await invoke(staff.eng1!, 'accept', { ticket: number });
    await invoke(staff.eng1!, 'reassign', { ticket: number, department: 'security' });
    await app.flushOutbox();
    const before = connector.calls.length;
    assert.match(textsOf(await resident.say(`cancel ${number}`, { locale: 'en-US' })), /is cancelled/);
    await app.flushOutbox();
    assert.deepEqual(textsTo('conv-eng1', before), [`住户已撤销工单 ${number}（3栋2单元501厨房漏水 13800138000），无需再处理。`]);
    assert.deepEqual(textsTo('conv-eng2', before), [], 'only who accepted it is told');
    const updates = cardsTo(number, 'PUT', before);
    assert.deepEqual(updates.map((c) => c.conversationId).sort(), ['conv-eng1', 'conv-eng2', 'conv-sec1']);
    assert.ok(updates.every((c) => fact(cardOf(c), '状态') === '已撤销'));
    await app.flushOutbox();
    assert.equal(connector.calls.length, before + 4, 'nothing is sent twice');
  });

  it('没修好 updates every card (back for rework, with the resident’s words), and the reworked ticket, still with its assignee, cannot be cancelled (zh, en)', async () => {
    const { resident, number } = await repairInChat();
    await invoke(staff.eng1!, 'accept', { ticket: number });
    await invoke(staff.eng1!, 'resolve', { ticket: number, text: '已换阀门' });
    await app.flushOutbox();
    const before = connector.calls.length;
    assert.match(textsOf(await resident.say(`没修好 ${number} 还在滴水`)), /已重新打开/);
    await app.flushOutbox();
    const updates = cardsTo(number, 'PUT', before);
    assert.deepEqual(updates.map((c) => c.conversationId).sort(), ['conv-eng1', 'conv-eng2']);
    for (const update of updates) {
      const card = cardOf(update);
      assert.equal(fact(card, '状态'), '已派发');
      assert.equal(fact(card, '处理人'), '王师傅');
      assert.equal(lastEventLine(card), '重新打开（返工） · 住户反馈没修好 · 还在滴水');
    }

    const refused = textsOf(await resident.say(`取消 ${number}`));
    assert.match(refused, /已由工程维修部的王师傅负责处理，无法在线取消/);
    assert.match(refused, new RegExp(`补充 ${number} 不需要了`));
    assert.match(refused, /0551-62880000/);
    const english = textsOf(await resident.say(`cancel ${number}`, { locale: 'en-US' }));
    assert.match(english, new RegExp(`Ticket ${number} is with 王师傅 of Engineering & maintenance and cannot be cancelled online`));
    const stored = await app.store.tickets.getByNumber(number);
    assert.deepEqual([stored.status, stored.assignee?.id], ['dispatched', 's-eng-1']);
    assert.ok(!stored.events.some((e) => e.kind === 'cancelled'));
  });

  it('补充 shows on every card; the staff member who has the ticket is also told', async () => {
    const { resident, number } = await repairInChat();
    let before = connector.calls.length;
    assert.match(textsOf(await resident.say(`补充 ${number} 下午两点后在家`)), /已补充/);
    await app.flushOutbox();
    let updates = cardsTo(number, 'PUT', before);
    assert.deepEqual(updates.map((c) => c.conversationId).sort(), ['conv-eng1', 'conv-eng2']);
    assert.ok(updates.every((c) => lastEventLine(cardOf(c)) === '住户补充 · 住户 · 下午两点后在家'));
    assert.deepEqual([...textsTo('conv-eng1', before), ...textsTo('conv-eng2', before)], [], 'nobody has it yet: the cards say it');

    await invoke(staff.eng2!, 'accept', { ticket: number });
    await app.flushOutbox();
    before = connector.calls.length;
    await resident.say(`补充 ${number} 不需要了，已自己修好`);
    await app.flushOutbox();
    assert.deepEqual(textsTo('conv-eng2', before), [`住户对您负责的工单 ${number} 补充：不需要了，已自己修好`]);
    assert.deepEqual(textsTo('conv-eng1', before), []);
    updates = cardsTo(number, 'PUT', before);
    assert.equal(updates.length, 2);
    assert.ok(updates.every((c) => lastEventLine(cardOf(c)) === '住户补充 · 住户 · 不需要了，已自己修好'));
  });
});
