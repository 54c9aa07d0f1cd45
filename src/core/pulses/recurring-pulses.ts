import { card, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { now } from '../clock';
import { formatDateTime } from '../format';
import type { Language } from '../i18n/language';
import { pulseReference, resolveAudience, storePulseQuestion } from './questions';
import { describeSchedule, MAX_WINDOW_HOURS, nextOccurrence, repeatChoices, scheduleFor, weekdayChoices } from '../schedules';
import type { Session } from '../session';
import type { PulseCreateInput } from './inputs';
import { plain } from '../markdown';
import { PULSE_TEXT, RECURRING_PULSE_TEXT } from './text';

export type ScheduleFormField = 'repeat' | 'weekday' | 'time' | 'windowHours';

/** The schedule choices of the pulse form, in a language. */
export function scheduleFormChoices(language: Language) {
  const t = RECURRING_PULSE_TEXT(language);
  return {
    repeats: repeatChoices(language).map((c) => ({ title: c.title, value: c.value })),
    weekdays: weekdayChoices(language),
    windows: [
      { title: t.window4Hours, value: '4' },
      { title: t.window1Day, value: '24' },
      { title: t.window2Days, value: '48' },
      { title: t.window3Days, value: '72' },
      { title: t.window1Week, value: '168' },
    ],
  };
}

/** The schedule fields of the pulse form, with their defaults. */
export function scheduleFormValues(values: Partial<Record<ScheduleFormField, string | number | undefined>>): Record<ScheduleFormField, string> {
  return {
    repeat: String(values.repeat ?? 'once'),
    weekday: String(values.weekday ?? '1'),
    time: String(values.time ?? '10:00').slice(0, 5),
    windowHours: String(values.windowHours ?? '48'),
  };
}

/**
 * A pulse that repeats: stored with its schedule (a cron expression in the network's time
 * zone); the scheduler opens each round when its slot comes. Nothing is sent now.
 */
export async function createRecurringPulse(
  deps: CoreDeps,
  session: Session,
  input: PulseCreateInput,
  choices: string[],
  retry: (message: string) => Promise<Card>,
): Promise<Card> {
  const { network, language } = session;
  const t = RECURRING_PULSE_TEXT(language);
  if (input.repeat === 'once') return retry(t.chooseRepeat);
  if (input.windowHours > MAX_WINDOW_HOURS[input.repeat]) return retry(t.windowTooLong);
  const audience = await resolveAudience(deps, network, input.audience, language);
  if (!audience) return retry(PULSE_TEXT(language).forumGone);
  const schedule = scheduleFor(input.repeat, input.weekday, input.time, network.timeZone, now());
  const { value: question, created } = await storePulseQuestion(deps, session, input, {
    choices,
    audience: audience.audience,
    schedule,
    windowHours: input.windowHours,
  });
  const first = nextOccurrence(question.schedule ?? schedule, network.timeZone, now());
  const when = describeSchedule(question.schedule ?? schedule, language);
  const text = [
    t.scheduled(pulseReference(question.number), created, `${when.charAt(0).toLowerCase()}${when.slice(1)}`, network.timeZone, plain(audience.label)),
    t.stays(t.hourCount(question.windowHours)),
    first ? t.firstRound(formatDateTime(first.at.toISOString(), network.timeZone, language)) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return card('message', { title: t.scheduledTitle, text, style: 'good' });
}
