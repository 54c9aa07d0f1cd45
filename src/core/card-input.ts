/** The rules every card's inputs share: sizes, required text, ids, flags and the card version. */
import { z } from 'zod';
import { CARD_VERSION } from './cards';
import { defineText, formatNumber, said } from './i18n/text';

export const LIMITS = {
  feedbackText: 2000,
  feedbackReply: 1000,
  pulseQuestion: 300,
  pulseChoices: 500,
  pulseTextAnswer: 1000,
  actionNote: 2000,
  actionEvidence: 1000,
  email: 254,
  id: 200,
} as const;

/** "Mae’r cwestiwn", "Mae eich adborth": Welsh joins the article to the verb. */
const mae = (what: string): string => (/^yr? /.test(what) ? what.replace(/^yr? /, 'Mae’r ') : `Mae ${what}`);

const inputText = defineText(
  'inputs',
  {
    incomplete: 'This card is incomplete or damaged. Type **help** and start again.',
    missing: (what: string) => `${what} is missing.`,
    empty: (what: string) => `${what} is empty.`,
    tooLong: (what: string, max: number, length: number) =>
      `${what} can be up to ${formatNumber(max, 'en')} characters: yours has ${formatNumber(length, 'en')}. Please shorten it.`,
    optionalTooLong: (what: string, max: number) => `${what} can be up to ${formatNumber(max, 'en')} characters. Please shorten it.`,
  },
  {
    incomplete: 'Mae’r cerdyn hwn yn anghyflawn neu wedi’i ddifrodi. Teipiwch **cymorth** a dechrau eto.',
    missing: (what: string) => `${mae(what)} ar goll.`,
    empty: (what: string) => `${mae(what)} yn wag.`,
    tooLong: (what: string, max: number, length: number) =>
      `Gall ${what} fod hyd at ${formatNumber(max, 'cy')} nod: mae ${formatNumber(length, 'cy')} yn eich un chi. Byrhewch y testun, os gwelwch yn dda.`,
    optionalTooLong: (what: string, max: number) => `Gall ${what} fod hyd at ${formatNumber(max, 'cy')} nod. Byrhewch y testun, os gwelwch yn dda.`,
  },
);

/** Said in the person's language when the card reaches Techvoice (see `said` and `spoken`). */
export const INCOMPLETE = said(inputText, 'incomplete');
export const id = z.string({ error: INCOMPLETE }).trim().min(1, INCOMPLETE).max(LIMITS.id, INCOMPLETE);
export const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => v === true || v === 'true');
/** Required text of at most `max` characters; `what` names it in the messages (a phrase `said` from a catalogue, or plain text). */
export const text = (max: number, what: string) =>
  z
    .string({ error: said(inputText, 'missing', what) })
    .trim()
    .min(1, said(inputText, 'empty', what))
    .max(max, { error: (issue) => said(inputText, 'tooLong', what, max, String(issue.input).trim().length) });
export const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, said(inputText, 'optionalTooLong', what, max))
    .optional()
    .transform((v) => v ?? '');

/** The fields every card action carries. */
export const base = { cv: z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE) };

/** A whole number of at least 1 (a feedback or page number) that a card sends. */
export const positiveNumber = z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(1, INCOMPLETE);

/** An object's version as the card saw it: saving checks nobody changed it since. */
export const version = z.coerce.number({ error: INCOMPLETE }).int(INCOMPLETE).min(0, INCOMPLETE);

export function isCurrentCard(data: Record<string, unknown>): boolean {
  return Number(data.cv) === CARD_VERSION;
}
