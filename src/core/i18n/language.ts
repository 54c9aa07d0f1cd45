/** The languages Techvoice speaks. English is the default where nothing says otherwise. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** What a forum's posts are in: one language, or both with Welsh first, as Welsh institutions publish. */
export const FORUM_LANGUAGES = ['en', 'cy', 'both'] as const;
export type ForumLanguage = (typeof FORUM_LANGUAGES)[number];

/** The locale Intl formats numbers and lists in. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy' };

/**
 * The locale dates are written in. Techvoice's formats set the British day-month-year order
 * themselves; plain 'en' keeps the three-letter months (Sep, not en-GB's Sept) it has always shown.
 */
export const DATE_LOCALES: Record<Language, string> = { en: 'en', cy: 'cy' };

export const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'cy';

/** The language of a platform locale ("cy-GB", "en-US"), or null for one Techvoice does not speak. */
export function languageOfLocale(locale: string | null | undefined): Language | null {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/** The languages a forum's post is written in, in the order they are shown: its own choice, else the network's. */
export function forumLanguages(forum: { language: ForumLanguage | null }, network: { language: Language }): readonly Language[] {
  const chosen = forum.language ?? network.language;
  return chosen === 'both' ? ['cy', 'en'] : [chosen];
}
