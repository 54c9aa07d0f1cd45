import { z } from 'zod';
import { base, LIMITS } from '../card-input';
import { REPORTS } from './report-schedules';

/** What the schedule.set button sends: which report, and when it goes out (or off, or back to the default). */
export const scheduleSetInput = z.object({
  ...base,
  /** The forum whose channel the card was shown in; empty for the network's schedule. */
  forumId: z.string().trim().max(LIMITS.id).optional().default(''),
  report: z.enum(REPORTS, { error: 'Choose the forum summary or the chairs’ digest.' }),
  repeat: z.enum(['weekly', 'fortnightly', 'monthly', 'off', 'default'], { error: 'Choose how often it goes out, or off.' }),
  weekday: z.coerce.number({ error: 'Choose the day it goes out.' }).int().min(1, 'Choose a weekday from Monday to Friday.').max(5, 'Choose a weekday from Monday to Friday.').optional().default(1),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:\d{2})?$/, 'Choose the time it goes out, e.g. 09:00.')
    .optional()
    .default('09:00')
    .transform((v) => v.slice(0, 5)),
});
export type ScheduleSetInput = z.output<typeof scheduleSetInput>;
