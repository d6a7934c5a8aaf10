import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { RecordingConnector, type RecordedCall } from '../support/recording-connector.js';
import { startTestApp } from '../support/test-app.js';

/** A staff member's chat client (Teams-style), whose bot messages go through the recording connector. */
function staffClient(app: App, connector: RecordingConnector, id: string): BotClient {
  return new BotClient(app.url, { id, name: id }, `staff-conv-${id}`, 'msteams', connector.url);
}

function cardOf(call: RecordedCall): Record<string, unknown> {
  const attachment = call.activity.attachments?.[0];
  assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment!.content;
}

function actionTitles(card: Record<string, unknown>): string[] {
  return ((card.actions as Array<{ title: string }>) ?? []).map((a) => a.title);
}

describe('staff side: dispatch cards and card actions', function () {
  this.timeout(60_000);
  let app: App;
  let connector: RecordingConnector;
  let now = new Date('2026-11-26T02:00:00Z');
  const clients: Record<string, BotClient> = {};
  const residentConversation = 'resident-conv-1';

  async function openTicket(fields: Record<string, unknown> & { intakeKey: string }) {
    const conversationKey = await app.store.references.save({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: residentConversation } as never,
      user: { id: 'resident-1', name: 'Resident' },
      bot: { id: 'propdesk-bot', name: 'PropDesk' },
    });
    const { ticket } = await app.store.tickets.open({
      category: 'repair',
      source: 'chat',
      channel: 'msteams',
      text: '3栋2单元501厨房水管爆了',
      location: { building: '3', unit: '2', room: '501' },
      resident: { accountId: 'msteams:resident-1', phone: '13800138000', conversationKey },
      receiver: { kind: 'system', id: 'chat-intake', name: 'PropDesk' },
      at: now,
      ...fields,
    });
    return ticket;
  }

  const invoke = (client: BotClient, verb: string, data: Record<string, unknown>) => client.cardAction(verb, data);

  before(async () => {
    connector = await new RecordingConnector().start();
    app = await startTestApp({ label: 'staff', app: { clock: () => now, outboxIntervalMs: 0 } });
    for (const [id, code] of [
      ['eng1', 'ENG-7F3K'],
      ['eng2', 'ENG-2P5X'],
      ['sec1', 'SEC-9D4L'],
      ['desk1', 'DESK-4Q8M'],
      ['head', 'HEAD-6W1R'],
      ['pm', 'PM-8K2Z'],
    ] as const) {
      clients[id] = staffClient(app, connector, id);
      const replies = await clients[id]!.say(`绑定 ${code}`);
      assert.match(textsOf(replies), /绑定成功/);
    }
  });
  after(async () => {
    await app?.stop();
    await connector?.stop();
  });

  it('refuses unknown and reused bind codes', async () => {
    const stranger = staffClient(app, connector, 'stranger');
    assert.match(textsOf(await stranger.say('bind NOPE-1234')), /not valid/);
    assert.match(textsOf(await stranger.say('绑定 ENG-7F3K')), /已被另一个账号使用/);
  });

  it('sends a repair to every bound engineer, with the number and a masked phone, and marks it dispatched', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-1' });
    await app.flushOutbox();
    const engineers = [...connector.to('staff-conv-eng1'), ...connector.to('staff-conv-eng2')];
    assert.equal(engineers.length, 2);
    for (const call of engineers) {
      const card = cardOf(call);
      assert.equal(card.version, '1.5');
      const text = JSON.stringify(card);
      assert.ok(text.includes(ticket.number));
      assert.ok(text.includes('138****8000'));
      assert.ok(!text.includes('13800138000'));
      assert.ok(actionTitles(card).includes('接单'));
    }
    assert.equal(connector.to('staff-conv-sec1').length, 0);
    assert.equal(connector.to('staff-conv-pm').length, 0);
    assert.equal((await app.store.tickets.getByNumber(ticket.number)).status, 'dispatched');
    await app.flushOutbox();
    assert.equal(connector.calls.filter((c) => JSON.stringify(c.activity).includes(ticket.number)).length, 2, 'a second run sends nothing again');
  });

  it('sends a major complaint to the service department, the service head and the project manager', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-major', category: 'complaint', severity: 'major', text: '电梯夹伤孩子，要求赔偿' });
    await app.flushOutbox();
    const receivers = connector.calls.filter((c) => JSON.stringify(c.activity).includes(ticket.number)).map((c) => c.conversationId).sort();
    assert.deepEqual(receivers, ['staff-conv-desk1', 'staff-conv-head', 'staff-conv-pm']);
  });

  it('accepts from the card: refreshed card in the answer, every copy updated, the resident told', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-accept' });
    await app.flushOutbox();
    const before = connector.calls.length;
    const result = await invoke(clients.eng1!, 'accept', { ticket: ticket.number });
    assert.equal(result.status, 200);
    const body = result.body as { statusCode: number; type: string; value: Record<string, unknown> };
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.ok(!actionTitles(body.value).includes('接单'));
    assert.ok(JSON.stringify(body.value).includes('王师傅'));

    await app.flushOutbox();
    const after = connector.calls.slice(before);
    const updates = after.filter((c) => c.method === 'PUT');
    assert.deepEqual(updates.map((c) => c.conversationId).sort(), ['staff-conv-eng1', 'staff-conv-eng2']);
    assert.ok(updates.every((c) => JSON.stringify(c.activity).includes('王师傅')));
    const toResident = after.filter((c) => c.conversationId === residentConversation);
    assert.equal(toResident.length, 1);
    assert.match(toResident[0]!.activity.text!, new RegExp(`${ticket.number}.*已由工程维修部的王师傅受理`));

    const stored = await app.store.tickets.getByNumber(ticket.number);
    assert.equal(stored.status, 'accepted');
    assert.equal(stored.assignee?.id, 's-eng-1');
    assert.equal(stored.events.at(-1)?.by.id, 's-eng-1');
  });

  it('shows the full phone only on the assignee’s own card, and logs that read', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-phone' });
    await app.flushOutbox();
    const before = connector.calls.length;
    const answer = await invoke(clients.eng1!, 'accept', { ticket: ticket.number });
    assert.ok(JSON.stringify((answer.body as { value: unknown }).value).includes('13800138000'));
    await app.flushOutbox();
    const updates = connector.calls.slice(before).filter((c) => c.method === 'PUT');
    const own = updates.find((c) => c.conversationId === 'staff-conv-eng1')!;
    const colleague = updates.find((c) => c.conversationId === 'staff-conv-eng2')!;
    assert.ok(JSON.stringify(own.activity).includes('13800138000'));
    assert.ok(!JSON.stringify(colleague.activity).includes('13800138000'));
    assert.ok(JSON.stringify(colleague.activity).includes('138****8000'));
    const reads = (await app.store.audit.forStaff('s-eng-1')).filter((e) => e.action === 'read-phone' && e.target?.id === ticket.number);
    assert.ok(reads.length >= 2);
    assert.ok(reads.every((e) => e.outcome === 'allowed' && /assignee/.test(e.reason ?? '')));
  });

  it('reassigns to one person, whose card then arrives', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-person' });
    await app.flushOutbox();
    const before = connector.calls.length;
    const answer = await invoke(clients.eng1!, 'reassign', { ticket: ticket.number, assignee: 's-sec-1' });
    assert.equal((answer.body as { statusCode: number }).statusCode, 200);
    await app.flushOutbox();
    const stored = await app.store.tickets.getByNumber(ticket.number);
    assert.equal(stored.department, 'security');
    assert.equal(stored.assignee?.id, 's-sec-1');
    assert.equal(stored.status, 'dispatched');
    const newCards = connector.calls.slice(before).filter((c) => c.method === 'POST' && JSON.stringify(c.activity).includes(ticket.number) && c.conversationId.startsWith('staff-'));
    assert.deepEqual(newCards.map((c) => c.conversationId), ['staff-conv-sec1']);
    const accepted = await invoke(clients.sec1!, 'accept', { ticket: ticket.number });
    assert.equal((accepted.body as { statusCode: number }).statusCode, 200);
    assert.equal((await app.store.tickets.getByNumber(ticket.number)).status, 'accepted');
  });

  it('replies and resolves from the card, telling the resident each time; a second accept is refused politely', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-resolve' });
    await app.flushOutbox();
    await invoke(clients.eng2!, 'accept', { ticket: ticket.number });
    const second = await invoke(clients.eng1!, 'accept', { ticket: ticket.number });
    assert.equal((second.body as { statusCode: number }).statusCode, 200, 'the answer is the current card');
    assert.equal((await app.store.tickets.getByNumber(ticket.number)).assignee?.id, 's-eng-2');

    await invoke(clients.eng2!, 'reply', { ticket: ticket.number, text: '下午两点上门' });
    await invoke(clients.eng2!, 'resolve', { ticket: ticket.number, text: '已更换阀门' });
    await app.flushOutbox();
    const told = connector.to(residentConversation).map((c) => c.activity.text ?? '').filter((t) => t.includes(ticket.number));
    assert.equal(told.length, 3);
    assert.match(told[1]!, /下午两点上门/);
    assert.match(told[2]!, /已处理完成：已更换阀门/);
    const stored = await app.store.tickets.getByNumber(ticket.number);
    assert.equal(stored.status, 'resolved');
    assert.deepEqual(stored.events.map((e) => e.kind), ['created', 'dispatched', 'accepted', 'replied', 'resolved']);
  });

  it('reassigns to another department, which then gets the card', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-reassign' });
    await app.flushOutbox();
    await invoke(clients.eng1!, 'reassign', { ticket: ticket.number, department: 'security' });
    await app.flushOutbox();
    const stored = await app.store.tickets.getByNumber(ticket.number);
    assert.equal(stored.department, 'security');
    assert.equal(stored.status, 'dispatched');
    assert.equal(connector.to('staff-conv-sec1').filter((c) => c.method === 'POST' && JSON.stringify(c.activity).includes(ticket.number)).length, 1);
  });

  it('refuses a forged action from a resident or another department, changes nothing and logs it', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-forged' });
    await app.flushOutbox();
    const resident = new BotClient(app.url, { id: 'resident-1' }, residentConversation, 'msteams');
    const forged = await invoke(resident, 'accept', { ticket: ticket.number });
    assert.equal((forged.body as { statusCode: number }).statusCode, 403);
    const peek = await invoke(resident, 'refresh', { ticket: ticket.number });
    assert.equal((peek.body as { statusCode: number }).statusCode, 403, 'a resident cannot fetch a dispatch card');
    assert.ok(!JSON.stringify(peek.body).includes(ticket.text));
    const staffRefresh = await invoke(clients.eng1!, 'refresh', { ticket: ticket.number });
    assert.equal((staffRefresh.body as { statusCode: number }).statusCode, 200);
    const otherDepartment = await invoke(clients.sec1!, 'resolve', { ticket: ticket.number, text: 'done' });
    assert.equal((otherDepartment.body as { statusCode: number }).statusCode, 403);
    const submitted = await resident.send(resident.activity({ value: { verb: 'accept', ticket: ticket.number } }));
    assert.match(textsOf(submitted), /无权处理/);

    const stored = await app.store.tickets.getByNumber(ticket.number);
    assert.equal(stored.status, 'dispatched');
    assert.equal(stored.events.length, 2);
    const refusals = (await app.store.audit.forStaff('s-sec-1')).filter((e) => e.target?.id === ticket.number);
    assert.deepEqual(refusals.map((e) => [e.action, e.outcome]), [['card-resolve', 'refused']]);
    const unknown = await app.connection.db!.collection('audit').countDocuments({ 'actor.id': 'msteams:resident-1', outcome: 'refused' });
    assert.equal(unknown, 2);
  });

  it('accepts the Action.Submit fallback as a message carrying the verb', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-submit' });
    await app.flushOutbox();
    const replies = await clients.eng1!.send(clients.eng1!.activity({ value: { verb: 'note', ticket: ticket.number, text: '需要备件' } }));
    assert.equal(textsOf(replies), `已处理：${ticket.number} 备注`, 'the action as the card names it');
    assert.equal((await app.store.tickets.getByNumber(ticket.number)).events.at(-1)?.text, '需要备件');
    const english = await clients.eng1!.send(clients.eng1!.activity({ locale: 'en-US', value: { verb: 'accept', ticket: ticket.number } }));
    assert.equal(textsOf(english), `Done: ${ticket.number} Accept`);
  });

  it('says in words why a Submit action did not work, never the internal names', async () => {
    const ticket = await openTicket({ intakeKey: 'staff-test-submit-refused' });
    await app.flushOutbox();
    await invoke(clients.eng1!, 'accept', { ticket: ticket.number });
    await invoke(clients.eng1!, 'resolve', { ticket: ticket.number, text: '已修好' });
    const late = textsOf(await clients.eng2!.send(clients.eng2!.activity({ value: { verb: 'accept', ticket: ticket.number } })));
    assert.equal(late, `操作未成功：工单 ${ticket.number} 当前状态为“已解决”，不能接单。`);
    const empty = textsOf(await clients.eng1!.send(clients.eng1!.activity({ locale: 'en-US', value: { verb: 'reply', ticket: ticket.number } })));
    assert.match(empty, /"Reply to resident" needs text/);
    for (const text of [late, empty]) assert.doesNotMatch(text, /cannot|resolved|accept\b|reply\b|a reply needs/);
  });

  it('retries after the connector fails, without sending anything twice', async () => {
    await app.flushOutbox();
    const ticket = await openTicket({ intakeKey: 'staff-test-retry' });
    connector.failNext(1000, 403);
    await app.flushOutbox();
    connector.failNext(0);
    const cards = () => connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.activity).includes(ticket.number));
    assert.equal(cards().length, 0);
    const pending = await app.store.outbox.entries.find({ ticketNumber: ticket.number }).lean();
    assert.deepEqual(pending.map((e) => [e.kind, e.status, e.attempts, Boolean(e.lastError)]), [['dispatch-card', 'pending', 1, true], ['dispatch-card', 'pending', 1, true]]);

    await app.flushOutbox();
    assert.equal(cards().length, 0, 'nothing is retried before its backoff');
    now = new Date(now.getTime() + 60_000);
    await app.flushOutbox();
    await app.flushOutbox();
    assert.equal(cards().length, 2);
    assert.deepEqual(cards().map((c) => c.conversationId).sort(), ['staff-conv-eng1', 'staff-conv-eng2']);
  });

  it('answers "我的工单" with the staff member’s open tickets by deadline and "工单 <number>" with the history', async () => {
    const queue = textsOf(await clients.eng1!.say('我的工单'));
    assert.match(queue, /待办工单/);
    const accepted = await app.store.tickets.tickets.findOne({ 'assignee.id': 's-eng-1', status: 'accepted' }).lean();
    assert.ok(accepted && queue.includes(accepted.number));
    const detail = textsOf(await clients.eng1!.say(`工单 ${accepted.number}`));
    assert.match(detail, /接单 · 王师傅/);
    assert.match(detail, /派发 · 系统/);
    assert.doesNotMatch(detail, /accepted|dispatched|dispatcher|PropDesk/);
    const english = textsOf(await clients.eng1!.say(`ticket ${accepted.number}`));
    assert.match(english, /Accepted · 王师傅/);
    assert.match(english, /Dispatched · System/);
    assert.match(textsOf(await clients.sec1!.say(`工单 ${accepted.number}`)), /没有找到/);
  });

  it('answers anything else from staff with the list of their commands', async () => {
    const help = textsOf(await clients.eng1!.say('怎么用'));
    for (const command of ['我的工单', '工单 <编号>', '档案 <档案号> <理由>', '批准查档', '公告审核']) assert.ok(help.includes(command), `${command} in ${help}`);
  });
});
