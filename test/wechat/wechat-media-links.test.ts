import assert from 'node:assert/strict';
import type { Attachment } from 'botbuilder';
import type { App } from '../../bot/app.js';
import { dispatchCard } from '../../bot/cards/dispatch-card.js';
import { MediaLinks } from '../../bot/media-links.js';
import { renderActivity } from '../../bot/wechat/wechat-message-renderer.js';
import { mediaUrl } from '../../store/media.js';
import type { Ticket } from '../../store/ticket-repository.js';
import { Settings } from '../../store/settings.js';
import { closeTestDatabase, openTestDatabase, uniqueDatabaseName } from '../support/database.js';
import { BotClient, textsOf } from '../support/bot-client.js';
import { RecordingConnector } from '../support/recording-connector.js';
import { startTestApp } from '../support/test-app.js';
import { WeChatApiStandIn } from '../support/wechat-api-stand-in.js';
import { ticketNumberIn } from '../e2e/resident-harness.js';
import { newMsgId, push, textPush, WECHAT_ENV } from './wechat-push.js';

const PUBLIC_URL = 'https://desk.example.com';
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('a leaking kitchen pipe'), 0x00, 0xff, 0xd9]);

/** The card's images (ImageSet entries) and text lines. */
function cardContent(card: Attachment): { images: string[]; texts: string[] } {
  const images: string[] = [];
  const texts: string[] = [];
  const visit = (elements: unknown): void => {
    for (const element of (Array.isArray(elements) ? elements : []) as Array<Record<string, unknown>>) {
      if (element.type === 'Image' && typeof element.url === 'string') images.push(element.url);
      if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
      visit(element.items);
      visit(element.images);
    }
  };
  visit((card.content as { body?: unknown }).body);
  return { images, texts };
}

/** The link as the bot would be reached behind PROPDESK_PUBLIC_URL: the same path and query on the test server. */
function onTestServer(app: App, link: string): string {
  const url = new URL(link);
  return `${app.url}${url.pathname}${url.search}`;
}

function assertNoInternals(body: string): void {
  assert.doesNotMatch(body, /\bat .*\.js:\d+|\bError:|node_modules|stack/i, body);
}

/** Resident on WeChat sends a photo with a repair; staff on Teams see it in the dispatch card through a signed link. */
describe('WeChat photos in staff cards: signed, expiring links on /media/:id', function () {
  this.timeout(60_000);
  const databaseName = uniqueDatabaseName('media_links');
  let app: App;
  let api: WeChatApiStandIn;
  let connector: RecordingConnector;
  let ticket: Ticket;
  let link: string;
  const others: App[] = [];

  before(async () => {
    api = await new WeChatApiStandIn().start();
    connector = await new RecordingConnector().start();
    app = await startTestApp({
      label: 'media_links',
      env: { ...WECHAT_ENV, WECHAT_API_BASE: api.url, PROPDESK_PUBLIC_URL: `${PUBLIC_URL}/` },
      app: { outboxIntervalMs: 0, wechat: { passiveReplies: false }, databaseName },
    });
    const engineer = new BotClient(app.url, { id: 'eng1', name: 'eng1' }, 'staff-conv-eng1', 'msteams', connector.url);
    assert.match(textsOf(await engineer.say('绑定 ENG-7F3K')), /绑定成功/);
  });
  after(async () => {
    for (const other of others) await other.stop();
    await app?.stop();
    await api?.stop();
    await connector?.stop();
  });

  async function startAnother(env: Record<string, string>): Promise<App> {
    const other = await startTestApp({ label: 'media_links_2', env, app: { outboxIntervalMs: 0, databaseName } });
    others.push(other);
    return other;
  }

  it('shows the photo a resident sent on WeChat in the dispatch card, and the link serves the stored bytes with their content type', async () => {
    const openId = 'o-wechat-photo-card';
    api.addMedia('MEDIA-LEAK-1', PHOTO, 'image/jpeg');
    let expected = 0;
    const say = async (fields: Record<string, string>, pattern: RegExp): Promise<string> => {
      await push(app.url, fields);
      expected += 1;
      const texts = await api.waitForTexts(openId, expected);
      expected = texts.length;
      assert.match(texts[texts.length - 1]!, pattern);
      return texts[texts.length - 1]!;
    };
    await say(textPush(openId, '厨房水管漏水了'), /具体位置/);
    await say(textPush(openId, '3栋2单元501'), /联系电话/);
    await say(textPush(openId, '13900139000'), /上门的时间/);
    await say({ FromUserName: openId, MsgType: 'image', PicUrl: 'http://127.0.0.1:1/pic.jpg', MediaId: 'MEDIA-LEAK-1', MsgId: newMsgId() }, /照片：1 张/);
    const number = ticketNumberIn(await say(textPush(openId, '1'), /\d{8}-\d{3}/));
    ticket = await app.store.tickets.getByNumber(number);
    assert.deepEqual(ticket.attachments.map((a) => a.url), [mediaUrl('wechat:MEDIA-LEAK-1')]);

    await app.flushOutbox();
    const cards = connector.to('staff-conv-eng1').filter((call) => JSON.stringify(call.activity).includes(number));
    assert.equal(cards.length, 1);
    const { images, texts } = cardContent(cards[0]!.activity.attachments![0]! as Attachment);
    assert.equal(images.length, 1);
    link = images[0]!;
    assert.ok(link.startsWith(`${PUBLIC_URL}/media/wechat%3AMEDIA-LEAK-1?exp=`), link);
    assert.match(link, /[?&]sig=[A-Za-z0-9_-]{43}$/);
    assert.ok(!JSON.stringify(cards[0]!.activity).includes('propdesk-media:'), 'no propdesk-media address reaches a chat client');
    assert.ok(!texts.some((text) => text.includes('PROPDESK_PUBLIC_URL')));
    const exp = Number(new URL(link).searchParams.get('exp'));
    const days = (exp * 1000 - Date.now()) / 86_400_000;
    assert.ok(days >= 30 && days <= 31, `valid for ${days} days`);

    const response = await fetch(onTestServer(app, link));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), PHOTO);
    assert.equal(response.headers.get('content-length'), String(PHOTO.length));
    assert.match(response.headers.get('content-disposition') ?? '', /^inline; filename="[^"]+"/);
    assert.match(response.headers.get('cache-control') ?? '', /^private, max-age=\d+$/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('answers HEAD with the same headers and no body', async () => {
    const response = await fetch(onTestServer(app, link), { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    assert.equal(response.headers.get('content-length'), String(PHOTO.length));
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await response.arrayBuffer()).byteLength, 0);
  });

  it('refuses a tampered signature, another id, a missing signature and an expired link with 403, never with a stack trace', async () => {
    const url = new URL(onTestServer(app, link));
    const sig = url.searchParams.get('sig')!;
    const variants: Array<[string, (u: URL) => void]> = [
      ['tampered signature', (u) => u.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`)],
      ['truncated signature', (u) => u.searchParams.set('sig', sig.slice(0, 20))],
      ['missing signature', (u) => u.searchParams.delete('sig')],
      ['missing expiry', (u) => u.searchParams.delete('exp')],
      ['later expiry', (u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 86_400))],
      ['another id', (u) => (u.pathname = '/media/wechat%3AMEDIA-PHOTO-OTHER')],
    ];
    for (const [name, change] of variants) {
      const changed = new URL(url);
      change(changed);
      for (const method of ['GET', 'HEAD']) {
        const response = await fetch(changed, { method });
        assert.equal(response.status, 403, `${name} (${method})`);
        const body = await response.text();
        if (method === 'GET') assert.match(body, /Forbidden/, name);
        assertNoInternals(body);
      }
    }

    const expired = new MediaLinks(await app.store.settings.mediaLinkSecret(), PUBLIC_URL, () => new Date(Date.now() - 40 * 86_400_000)).link('wechat:MEDIA-LEAK-1')!;
    const old = await fetch(onTestServer(app, expired));
    assert.equal(old.status, 403);
    const body = await old.text();
    assert.match(body, /expired/);
    assertNoInternals(body);
  });

  it('answers 404 for a validly signed link to a file that is not stored, and 405 for other methods', async () => {
    const unknown = app.mediaLinks.link('wechat:NEVER-STORED')!;
    const response = await fetch(onTestServer(app, unknown));
    assert.equal(response.status, 404);
    assertNoInternals(await response.text());
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const refused = await fetch(onTestServer(app, link), { method });
      assert.equal(refused.status, 405, method);
      assertNoInternals(await refused.text());
    }
  });

  it('lists the signed link for staff who read their cards in WeChat', () => {
    const card = dispatchCard(ticket, { language: 'zh-CN', property: app.store.property, photoUrl: app.mediaLinks.photoUrl });
    const rendered = renderActivity({ type: 'message', attachments: [card] }).text ?? '';
    assert.ok(rendered.includes(`📷 ${PUBLIC_URL}/media/wechat%3AMEDIA-LEAK-1?exp=`), rendered);
  });

  it('keeps http(s) photos (Teams, Emulator uploads) as they are, next to the signed ones, including photos added to the ticket later', () => {
    const withOthers = {
      ...ticket,
      attachments: [...ticket.attachments, { contentType: 'image/png', url: 'https://teams.example.com/attachments/railing.png', name: 'railing.png' }],
      events: [...ticket.events, { kind: 'resident_message', at: new Date(), by: ticket.receiver, text: '', data: { attachments: [{ contentType: 'image/jpeg', url: 'http://127.0.0.1:1/later.jpg' }] } }],
    } as Ticket;
    const { images } = cardContent(dispatchCard(withOthers, { language: 'en', property: app.store.property, photoUrl: app.mediaLinks.photoUrl }));
    assert.equal(images.length, 3);
    assert.ok(images[0]!.startsWith(`${PUBLIC_URL}/media/`));
    assert.equal(images[1], 'https://teams.example.com/attachments/railing.png');
    assert.equal(images[2], 'http://127.0.0.1:1/later.jpg');
  });

  it('without PROPDESK_PUBLIC_URL shows no stored photo in the card but says how many there are (zh-CN, en); http(s) photos still show', async () => {
    const other = await startAnother({});
    const withHttp = { ...ticket, attachments: [...ticket.attachments, { contentType: 'image/png', url: 'https://teams.example.com/a.png' }] } as Ticket;
    const zh = cardContent(dispatchCard(ticket, { language: 'zh-CN', property: other.store.property, photoUrl: other.mediaLinks.photoUrl }));
    assert.deepEqual(zh.images, []);
    assert.ok(zh.texts.includes('📷 1 张照片（设置 PROPDESK_PUBLIC_URL 后可在卡片中查看）'), zh.texts.join('\n'));
    const en = cardContent(dispatchCard(withHttp, { language: 'en', property: other.store.property, photoUrl: other.mediaLinks.photoUrl }));
    assert.deepEqual(en.images, ['https://teams.example.com/a.png']);
    assert.ok(en.texts.includes('📷 1 photo (set PROPDESK_PUBLIC_URL to view it in the card)'), en.texts.join('\n'));
    const two = { ...ticket, attachments: [...ticket.attachments, { contentType: 'image/jpeg', url: mediaUrl('wechat:MEDIA-LEAK-2') }] } as Ticket;
    const twoEn = cardContent(dispatchCard(two, { language: 'en', property: other.store.property, photoUrl: other.mediaLinks.photoUrl }));
    assert.ok(twoEn.texts.includes('📷 2 photos (set PROPDESK_PUBLIC_URL to view them in the card)'), twoEn.texts.join('\n'));
    // the default (no photoUrl given) never puts a propdesk-media address into a card either
    const plain = dispatchCard(ticket, { language: 'zh-CN', property: other.store.property });
    assert.ok(!JSON.stringify(plain.content).includes('propdesk-media:'));
    assert.equal(other.mediaLinks.link('wechat:MEDIA-LEAK-1'), null);
  });

  it('generates the signing secret once and keeps it in the database: a second app on the same database honours the links and signs alike', async () => {
    const settings = app.connection.collection('settings');
    assert.equal(await settings.countDocuments(), 1);
    const other = await startAnother({ PROPDESK_PUBLIC_URL: PUBLIC_URL });
    assert.equal(await settings.countDocuments(), 1, 'no second secret');
    assert.equal(await other.store.settings.mediaLinkSecret(), await app.store.settings.mediaLinkSecret());
    const served = await fetch(onTestServer(other, link));
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), PHOTO);
    assert.equal(other.mediaLinks.link('wechat:MEDIA-LEAK-1'), app.mediaLinks.link('wechat:MEDIA-LEAK-1'), 'same secret, same day: same link');
  });

  it('signs with PROPDESK_MEDIA_SECRET when it is set: links signed with the generated secret no longer open', async () => {
    const other = await startAnother({ PROPDESK_PUBLIC_URL: PUBLIC_URL, PROPDESK_MEDIA_SECRET: 'a-configured-secret-of-at-least-32-characters' });
    assert.equal((await fetch(onTestServer(other, link))).status, 403);
    const own = other.mediaLinks.link('wechat:MEDIA-LEAK-1')!;
    assert.notEqual(own, link);
    const served = await fetch(onTestServer(other, own));
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), PHOTO);
  });

  it('generates the secret once even when several processes ask on an empty database at the same moment', async () => {
    const connection = await openTestDatabase('media_secret_race');
    try {
      const secrets = await Promise.all(Array.from({ length: 4 }, () => new Settings(connection).mediaLinkSecret()));
      assert.equal(new Set(secrets).size, 1, secrets.join(', '));
      assert.ok(secrets[0]!.length >= 43);
      assert.equal(await connection.collection('settings').countDocuments(), 1);
    } finally {
      await closeTestDatabase(connection);
    }
  });
});
