import { z } from 'zod';
import { base, LIMITS, id, flag, optionalText, text } from '../card-input';
import { said } from '../i18n/text';
import { PULSE_KINDS, THEMES } from '../model';
import { PULSE_INPUT_TEXT } from './text';

/** What the pulse.new button sends. */
export const pulseNewInput = z.object({ ...base });
export type PulseNewInput = z.output<typeof pulseNewInput>;

/** A pulse form's problem, said in the person's language when the card reaches Techvoice. */
const t = (key: keyof typeof PULSE_INPUT_TEXT.languages.en & string): string => said(PULSE_INPUT_TEXT, key);

/** What the pulse.create button sends. */
export const pulseCreateInput = z.object({
  ...base,
  formId: id,
  text: text(LIMITS.pulseQuestion, t('theQuestion')),
  kind: z.enum(PULSE_KINDS, { error: t('chooseKind') }),
  choices: optionalText(LIMITS.pulseChoices, t('theOptions')),
  theme: z.enum(THEMES, { error: t('chooseTheme') }),
  audience: id,
  closesDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t('chooseClosingDate')),
  closesTime: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, t('chooseClosingTime')),
  anonymous: flag,
  repeat: z.enum(['once', 'weekly', 'fortnightly', 'monthly'], { error: t('chooseRepeat') }).optional().default('once'),
  weekday: z.coerce.number({ error: t('chooseDay') }).int().min(1, t('chooseWeekday')).max(5, t('chooseWeekday')).optional().default(1),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:\d{2})?$/, t('chooseTime'))
    .optional()
    .default('10:00')
    .transform((v) => v.slice(0, 5)),
  windowHours: z.coerce.number({ error: t('chooseWindow') }).int().min(1, t('windowTooShort')).max(672, t('windowTooLong')).optional().default(48),
});
export type PulseCreateInput = z.output<typeof pulseCreateInput>;

/** What the pulse.answer button sends. */
export const pulseAnswerInput = z.object({ ...base, roundId: id, answer: text(LIMITS.pulseTextAnswer, t('yourAnswer')) });
export type PulseAnswerInput = z.output<typeof pulseAnswerInput>;

/** What the pulse.open button sends. */
export const pulseOpenInput = z.object({ ...base, roundId: id });
export type PulseOpenInput = z.output<typeof pulseOpenInput>;

/** What the pulse.results button sends. */
export const pulseResultsInput = z.object({ ...base, roundId: id });
export type PulseResultsInput = z.output<typeof pulseResultsInput>;
