import { LOCALES, type Language } from './language';

/** One thing Techvoice says: a fixed phrase, or a phrase built from what it is about. */
// `never[]` accepts a function of any parameters while keeping each entry's own type.
type Entry = string | ((...args: never[]) => string);

/** A feature's words in English: the keys every other language must have. */
export type Phrases = { readonly [key: string]: Entry };

/** The same phrases in another language: every key, no more, each a string or a function of the same arguments. */
export type Translation<E extends Phrases> = { readonly [K in keyof E]: E[K] extends string ? string : E[K] };

/** A feature's words, looked up by language. */
export type Catalogue<E extends Phrases> = ((language: Language) => Translation<E>) & { readonly area: string; readonly languages: Record<Language, Translation<E>> };

/** Every catalogue, by the area it was declared for: the list a translation unit reviews. */
const CATALOGUES = new Map<string, Record<Language, Phrases>>();

/**
 * Declares an area's words in English and Welsh together ("pulses", "card:reminder"). A key
 * missing from the Welsh, or one it has and English has not, is a compile error.
 */
export function defineText<const E extends Phrases>(area: string, en: E, cy: Translation<E>): Catalogue<E> {
  if (CATALOGUES.has(area)) throw new Error(`Two catalogues are called ${area}`);
  const languages: Record<Language, Translation<E>> = { en: en as Translation<E>, cy };
  CATALOGUES.set(area, languages);
  return Object.assign((language: Language) => languages[language], { area, languages });
}

// Marks a phrase said before the language is known (a card input's rule, checked by zod).
const MARK = '\u2063';
const SAID = new RegExp(`${MARK}([^${MARK}]+)${MARK}([^${MARK}]+)${MARK}([A-Za-z0-9_-]*)${MARK}`, 'g');

type Arguments<T> = T extends (...args: infer A) => string ? A : [];

/**
 * A phrase to be said later in the listener's language: where text must be a string before
 * anyone's language is known (the messages of an input's rules). `spoken` turns it into words.
 */
export function said<E extends Phrases, K extends keyof E & string>(catalogue: Catalogue<E>, key: K, ...args: Arguments<E[K]>): string {
  // The arguments are encoded so a phrase said inside another keeps its own marks apart.
  return `${MARK}${catalogue.area}${MARK}${key}${MARK}${Buffer.from(JSON.stringify(args)).toString('base64url')}${MARK}`;
}

/** A message in a language, with every phrase `said` earlier put into it (other text is kept as it is). */
export function spoken(message: string, language: Language): string {
  if (!message.includes(MARK)) return message;
  return message.replace(SAID, (whole, area: string, key: string, args: string) => {
    const entry = CATALOGUES.get(area)?.[language][key];
    if (entry === undefined) return whole;
    const parts = (JSON.parse(Buffer.from(args, 'base64url').toString()) as unknown[]).map((arg) => (typeof arg === 'string' ? spoken(arg, language) : arg));
    return typeof entry === 'string' ? entry : (entry as (...values: unknown[]) => string)(...parts);
  });
}

/** The catalogues declared so far (import the features first), by area. */
export function catalogues(): ReadonlyMap<string, Record<Language, Phrases>> {
  return CATALOGUES;
}

/** A count with its word in every plural form a language has: Welsh has six (zero, one, two, few, many, other). */
export type PluralForms = { readonly other: string } & { readonly [F in Intl.LDMLPluralRule]?: string };

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number as people read it in the language: "1,234". */
export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(LOCALES[language])));
  return format.format(value);
}

/** The form of a phrase for a count, with `{n}` replaced by the number: `counted('cy', 2, { two: '{n} ateb', other: '{n} o atebion' })`. */
export function counted(language: Language, count: number, forms: PluralForms): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(LOCALES[language])));
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replace('{n}', formatNumber(count, language));
}
