import { z } from 'zod';
import { INCOMPLETE } from '../card-input';
import type { Redraw, Typed } from '../interactions';
import { UserError } from '../errors';
import { LANGUAGES, type Language } from '../i18n/language';
import { defineText, formatNumber } from '../i18n/text';

/** "Mae’r cwestiwn", "Mae eich adborth": Welsh joins the article to the verb. */
const mae = (what: string): string => (/^yr? /.test(what) ? what.replace(/^yr? /, 'Mae’r ') : `Mae ${what}`);

/** What a form says about a text field, for any field: `what` names it ("The question"; Welsh "y cwestiwn"). */
const FIELD_TEXT = defineText(
  'feedback:form-fields',
  {
    missing: (what: string) => `${what} is missing.`,
    empty: (what: string) => `${what} is empty.`,
    tooLong: (what: string, max: string, has: string) => `${what} can be up to ${max} characters: yours has ${has}. Please shorten it.`,
    optionalTooLong: (what: string, max: string) => `${what} can be up to ${max} characters. Please shorten it.`,
    incomplete: INCOMPLETE,
  },
  {
    missing: (what: string) => `${mae(what)} ar goll.`,
    empty: (what: string) => `${mae(what)} yn wag.`,
    tooLong: (what: string, max: string, has: string) => `Gall ${what} fod hyd at ${max} nod: mae ${has} yn eich un chi. Byrhewch y testun, os gwelwch yn dda.`,
    optionalTooLong: (what: string, max: string) => `Gall ${what} fod hyd at ${max} nod. Byrhewch y testun, os gwelwch yn dda.`,
    incomplete: 'Mae’r cerdyn hwn yn anghyflawn neu wedi’i ddifrodi. Teipiwch **cymorth** a dechrau eto.',
  },
);

/** Text a person must write, with its problems said in their language (card-input's `text`, in any language). */
export function requiredText(max: number, what: string, language: Language) {
  const t = FIELD_TEXT(language);
  return z
    .string({ error: t.missing(what) })
    .trim()
    .min(1, t.empty(what))
    .max(max, { error: (issue) => t.tooLong(what, formatNumber(max, language), formatNumber(String(issue.input).trim().length, language)) });
}

/** Text a person may leave empty. */
export function optionalText(max: number, what: string, language: Language) {
  return z
    .string()
    .trim()
    .max(max, FIELD_TEXT(language).optionalTooLong(what, formatNumber(max, language)))
    .optional()
    .transform((v) => v ?? '');
}

/** A card's schema in every language, built once. */
export function inEveryLanguage<S>(build: (language: Language) => S): Record<Language, S> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, build(language)])) as Record<Language, S>;
}

/**
 * The first problem with what a card sent, in the person's language. The dispatcher checks
 * the card with the English schema; a form drawn again for someone else checks what was typed
 * with the schema of their language.
 */
export function problemIn(language: Language, schemas: Record<Language, z.ZodType>, typed: Typed, english: string): string {
  if (language === 'en') return english;
  return problemSaid(language, schemas[language].safeParse(typed).error?.issues[0]?.message ?? english);
}

/** A problem the dispatcher found, in the person's language where it is one of the shared ones. */
export function problemSaid(language: Language, english: string): string {
  return english === INCOMPLETE ? FIELD_TEXT(language).incomplete : english;
}

/** For a button without a form: a damaged card is said in the person's language, and nothing changes. */
export const refuseDamaged: Redraw = async (_deps, session, _typed, english) => {
  throw new UserError(problemSaid(session.language, english));
};
