import { DateTime } from 'luxon';
import type { Language } from '../language.js';

/** A deadline for people, in the property's zone: "10月8日 15:00" / "Oct 8, 15:00". */
export function formatDeadline(at: Date, zone: string, language: Language): string {
  const local = DateTime.fromJSDate(at).setZone(zone);
  return language === 'en' ? local.setLocale('en').toFormat('LLL d, HH:mm') : local.toFormat('M月d日 HH:mm');
}
