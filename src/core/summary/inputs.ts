import { z } from 'zod';
import { base, LIMITS } from '../card-input';
import type { Language } from '../i18n/language';
import { REPORTS } from './report-schedules';
import { scheduleText } from './schedule-text';

const say = scheduleText('en');

/** What the schedule.set button sends: which report, and when it goes out (or off, or back to the default). */
export const scheduleSetInput = z.object({
  ...base,
  /** The forum whose channel the card was shown in; empty for the network's schedule. */
  forumId: z.string().trim().max(LIMITS.id).optional().default(''),
  report: z.enum(REPORTS, { error: say.chooseReport }),
  repeat: z.enum(['weekly', 'fortnightly', 'monthly', 'off', 'default'], { error: say.chooseRepeat }),
  weekday: z.coerce.number({ error: say.chooseDay }).int().min(1, say.chooseWeekday).max(5, say.chooseWeekday).optional().default(1),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:\d{2})?$/, say.chooseTime)
    .optional()
    .default('09:00')
    .transform((v) => v.slice(0, 5)),
});
export type ScheduleSetInput = z.output<typeof scheduleSetInput>;

const PROBLEMS = ['chooseReport', 'chooseRepeat', 'chooseDay', 'chooseWeekday', 'chooseTime'] as const;

/** What the schedule card's inputs said was wrong (in English, as zod has it), in the person's language. */
export function scheduleInputProblem(message: string, language: Language): string {
  const key = PROBLEMS.find((k) => say[k] === message);
  return key ? scheduleText(language)[key] : message;
}
