import type { TurnContext } from 'botbuilder';
import type { Clock } from '../../domain/clock.js';
import { formatInZone } from '../../domain/zoned-format.js';
import type { Store } from '../../store/store.js';
import { residentTurn } from './resident-turn.js';

/** "公告" / "notices": the notices shown now to everyone, and to the resident's own building when their home is linked. */
export async function listCurrentNotices(context: TurnContext, store: Store, clock: Clock): Promise<void> {
  const { t, account } = residentTurn(context);
  const notices = await store.notices.current(clock(), (await account())?.householdId ?? null);
  if (notices.length === 0) {
    await context.sendActivity(t('residentNoticesNone'));
    return;
  }
  const lines = notices.map((n) => t('residentNoticeLine', { title: n.title, body: n.body, until: formatInZone(n.expiresAt!, store.property.timeZone).slice(0, 10) }));
  await context.sendActivity([t('residentNoticesHeader'), ...lines].join('\n'));
}
