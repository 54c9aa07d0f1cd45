/** The rules every card's inputs share: sizes, required text, ids, flags and the card version. */
import { z } from 'zod';
import { CARD_VERSION } from './cards';

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

export const INCOMPLETE = 'This card is incomplete or damaged. Type **help** and start again.';
export const id = z.string({ error: INCOMPLETE }).trim().min(1, INCOMPLETE).max(LIMITS.id, INCOMPLETE);
export const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => v === true || v === 'true');
export const text = (max: number, what: string) =>
  z
    .string({ error: `${what} is missing.` })
    .trim()
    .min(1, `${what} is empty.`)
    .max(max, { error: (issue) => `${what} can be up to ${max.toLocaleString('en-GB')} characters: yours has ${String(issue.input).trim().length.toLocaleString('en-GB')}. Please shorten it.` });
export const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be up to ${max.toLocaleString('en-GB')} characters. Please shorten it.`)
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
