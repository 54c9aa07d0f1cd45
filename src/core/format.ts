import { DateTime } from 'luxon';
import { FORGOTTEN, PLAN_IMPORT_ACTOR, type RagStatus } from './model';
import { defineText } from './i18n/text';
import { Lru } from './memo';
import { DATE_LOCALES, DEFAULT_LANGUAGE, type Language } from './i18n/language';

const formatted = new Lru<string, string>(2000);

/** "Fri 4 Dec 2026, 17:00" ("Gwe 4 Rhag 2026, 17:00") in the network's time zone. */
export function formatDateTime(iso: string, timeZone: string, language: Language = DEFAULT_LANGUAGE): string {
  return formatted.getOrCompute(`${language} ${timeZone} ${iso}`, () =>
    DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).setLocale(DATE_LOCALES[language]).toFormat('ccc d LLL yyyy, HH:mm'),
  );
}

/** "4 Dec 2026" for a due date, "ongoing" for an action without one. */
export function formatDue(due: string | null, language: Language = DEFAULT_LANGUAGE): string {
  return due === null ? WORDS(language).ongoing : formatDate(due, language);
}

/** "4 Dec 2026" ("4 Rhag 2026") from "2026-12-04". */
export function formatDate(isoDate: string, language: Language = DEFAULT_LANGUAGE): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale(DATE_LOCALES[language]).toFormat('d LLL yyyy');
}

export const RAG_COLOURS: Record<RagStatus, 'attention' | 'warning' | 'good'> = {
  red: 'attention',
  amber: 'warning',
  green: 'good',
};

/** Sorts plan numbers as numbers: 1.2 < 1.10 < 2.1. */
export function compareActionNumbers(a: string, b: string): number {
  return ACTION_NUMBER_ORDER.compare(a, b);
}

/** One collator for every comparison: localeCompare with options builds a new one each call. */
const ACTION_NUMBER_ORDER = new Intl.Collator('en', { numeric: true });

/** A bar of ten blocks for a share between 0 and 1. */
export function bar(share: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, share)) * 10);
  return '▓'.repeat(filled) + '░'.repeat(10 - filled);
}

/** How many actions a summary or digest names before pointing to the paged list. */
export const MAX_LISTED_ACTIONS = 15;

/** An action as a one-line list item names it: its short title, or its text clipped. */
export function actionLabel(action: { title: string; shortTitle: string }, max = 80): string {
  const text = action.shortTitle || action.title.replace(/\s*\n\s*/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The first lines of a long list, then one line saying how many more and where to see them. */
export function firstLines<T>(items: T[], line: (item: T) => string, more: (count: number) => string, max = MAX_LISTED_ACTIONS): { line: string }[] {
  const lines = items.slice(0, max).map((item) => ({ line: line(item) }));
  if (items.length > max) lines.push({ line: more(items.length - max) });
  return lines;
}

/** The name shown for whoever did something: a forgotten member is not named. */
export function actorShown(id: string, name: string, language: Language = DEFAULT_LANGUAGE): string {
  if (id === FORGOTTEN) return WORDS(language).former;
  return id === PLAN_IMPORT_ACTOR ? WORDS(language).planImport : name;
}

const WORDS = defineText(
  'format',
  { ongoing: 'ongoing', former: 'A former member', planImport: 'Plan import' },
  { ongoing: 'parhaus', former: 'Cyn-aelod', planImport: 'Mewnforio’r cynllun' },
);
