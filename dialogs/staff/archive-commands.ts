import type { TurnContext } from 'botbuilder';
import { AccessRefusedError } from '../../store/confidential-access.js';
import type { StaffMember } from '../../store/staff-directory.js';
import type { Store } from '../../store/store.js';
import type { Translate } from '../i18n.js';

const COMMAND = /^(?:档案|archive)\s+(\S+)(?:\s+(.+))?$/i;

/** "档案 <archive no> <reason>" / "archive <no> <reason>": a household's file in staff chat, read through ConfidentialAccess (reason required, logged). */
export async function handleArchiveCommand(context: TurnContext, staff: StaffMember, store: Store, t: Translate): Promise<boolean> {
  const match = COMMAND.exec((context.activity.text ?? '').trim());
  if (!match) return false;
  const archiveNo = match[1]!.toUpperCase();
  try {
    const archive = await store.confidential.readHouseholdArchive({ id: staff._id, name: staff.name }, archiveNo, match[2]);
    if (!archive) {
      await context.sendActivity(t('staffArchiveNotFound', { archiveNo }));
      return true;
    }
    const members = archive.household.members.map((m) => `${m.name} · ${m.role} · ${m.phone ?? '—'}${m.movedOut ? ' · moved out' : ''}`).join('\n');
    await context.sendActivity(
      t('staffArchive', { archiveNo, members, records: archive.household.records.length, tickets: archive.tickets.length, changes: archive.household.history.length }),
    );
  } catch (err) {
    if (!(err instanceof AccessRefusedError)) throw err;
    await context.sendActivity(t('staffArchiveNeedsReason'));
  }
  return true;
}
