import { card, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { now } from '../clock';
import { formatDateTime, plural } from '../format';
import { pulseReference, resolveAudience, storePulseQuestion } from './questions';
import { describeSchedule, MAX_WINDOW_HOURS, nextOccurrence, REPEAT_CHOICES, scheduleFor, WEEKDAY_CHOICES } from '../schedules';
import type { Session } from '../session';
import type { PulseCreateInput } from './inputs';
import { plain } from '../markdown';

export type ScheduleFormField = 'repeat' | 'weekday' | 'time' | 'windowHours';

const WINDOW_CHOICES = [
  { title: '4 hours', value: '4' },
  { title: '1 day', value: '24' },
  { title: '2 days', value: '48' },
  { title: '3 days', value: '72' },
  { title: '1 week', value: '168' },
];

export const SCHEDULE_FORM_CHOICES = {
  repeats: REPEAT_CHOICES.map((c) => ({ title: c.title, value: c.value })),
  weekdays: WEEKDAY_CHOICES,
  windows: WINDOW_CHOICES,
};

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
  const { network } = session;
  if (input.repeat === 'once') return retry('Choose how often the pulse repeats.');
  if (input.windowHours > MAX_WINDOW_HOURS[input.repeat]) {
    return retry('Each round must close before the next one opens: choose a shorter time to stay open.');
  }
  const audience = await resolveAudience(deps, network, input.audience);
  if (!audience) return retry('That forum is not registered any more. Choose another audience.');
  const schedule = scheduleFor(input.repeat, input.weekday, input.time, network.timeZone, now());
  const { value: question, created } = await storePulseQuestion(deps, session, input, {
    choices,
    audience: audience.audience,
    schedule,
    windowHours: input.windowHours,
  });
  const first = nextOccurrence(question.schedule ?? schedule, network.timeZone, now());
  const when = describeSchedule(question.schedule ?? schedule);
  const text = [
    `${pulseReference(question.number)} ${created ? 'is scheduled' : 'was already scheduled'}: ${when.charAt(0).toLowerCase()}${when.slice(1)} (${network.timeZone} time), to ${plain(audience.label)}.`,
    `Each round stays open for ${plural(question.windowHours, 'hour')}; people who have not answered get one nudge shortly before it closes.`,
    first ? `The first round opens ${formatDateTime(first.at.toISOString(), network.timeZone)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return card('message', { title: 'Pulse scheduled', text, style: 'good' });
}
