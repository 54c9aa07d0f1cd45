import { z } from 'zod';
import { base, LIMITS, id, flag, text, optionalText } from '../card-input';
import { PULSE_KINDS, THEMES } from '../model';

/** What the pulse.new button sends. */
export const pulseNewInput = z.object({ ...base });
export type PulseNewInput = z.output<typeof pulseNewInput>;

/** What the pulse.create button sends. */
export const pulseCreateInput = z.object({
    ...base,
    formId: id,
    text: text(LIMITS.pulseQuestion, 'The question'),
    kind: z.enum(PULSE_KINDS, { error: 'Choose an answer type.' }),
    choices: optionalText(LIMITS.pulseChoices, 'The options'),
    theme: z.enum(THEMES, { error: 'Choose a theme.' }),
    audience: id,
    closesDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose the date the pulse closes.'),
    closesTime: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'Choose the time the pulse closes.'),
    anonymous: flag,
    repeat: z.enum(['once', 'weekly', 'fortnightly', 'monthly'], { error: 'Choose how often the pulse repeats.' }).optional().default('once'),
    weekday: z.coerce.number({ error: 'Choose the day the pulse goes out.' }).int().min(1, 'Choose a weekday from Monday to Friday.').max(5, 'Choose a weekday from Monday to Friday.').optional().default(1),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d(:\d{2})?$/, 'Choose the time the pulse goes out, e.g. 10:00.')
      .optional()
      .default('10:00')
      .transform((v) => v.slice(0, 5)),
    windowHours: z.coerce.number({ error: 'Choose how long each round stays open.' }).int().min(1, 'Each round stays open for at least an hour.').max(672, 'Each round can stay open for four weeks at the most.').optional().default(48),
  });
export type PulseCreateInput = z.output<typeof pulseCreateInput>;

/** What the pulse.answer button sends. */
export const pulseAnswerInput = z.object({ ...base, roundId: id, answer: text(LIMITS.pulseTextAnswer, 'Your answer') });
export type PulseAnswerInput = z.output<typeof pulseAnswerInput>;

/** What the pulse.open button sends. */
export const pulseOpenInput = z.object({ ...base, roundId: id });
export type PulseOpenInput = z.output<typeof pulseOpenInput>;

/** What the pulse.results button sends. */
export const pulseResultsInput = z.object({ ...base, roundId: id });
export type PulseResultsInput = z.output<typeof pulseResultsInput>;
