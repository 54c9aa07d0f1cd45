import { DateTime } from 'luxon';
import { LOCALES, type Language } from '../i18n/language';

/** "4 December 2026" ("4 Rhagfyr 2026") from "2026-12-04"; "" for no date. */
export function longDate(isoDate: string, language: Language): string {
  return isoDate ? DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale(LOCALES[language]).toFormat('d LLLL yyyy') : '';
}
