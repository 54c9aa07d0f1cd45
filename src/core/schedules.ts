import { DateTime } from 'luxon';
import type { Language } from './i18n/language';
import { defineText } from './i18n/text';
import { scheduleWords } from './summary/schedule-text';

/**
 * Schedules are cron expressions evaluated in a network's time zone: five fields
 * (minute hour day-of-month month day-of-week) with two additions people need that plain
 * cron cannot say: "D#n" in day-of-week is the n-th such weekday of the month (as in Quartz),
 * and an optional sixth field, "even" or "odd", picks alternate weeks (weeks counted from
 * Monday 5 January 1970), which is how "every other Monday" is written.
 */
export interface Schedule {
  minutes: number[];
  hours: number[];
  /** Days of the month, or null for any. */
  daysOfMonth: number[] | null;
  /** Months 1–12, or null for any. */
  months: number[] | null;
  /** ISO weekdays 1 (Monday) – 7 (Sunday), or null for any. */
  weekdays: number[] | null;
  /** With a weekday: only its n-th occurrence in the month (1–5). */
  nthOfMonth: number | null;
  weekParity: 'even' | 'odd' | null;
}

/** One slot of a schedule: its nominal local date-time (a stable key) and the instant it happens. */
export interface Occurrence {
  /** Local "yyyy-MM-ddTHH:mm" of the slot: the same slot always has the same key. */
  key: string;
  at: Date;
}

export class ScheduleError extends Error {}

/** When forum summaries and the chairs' digest go out where no chair set a schedule (SUMMARY_SCHEDULE, DIGEST_SCHEDULE). */
export interface ReportScheduleDefaults {
  summary: string;
  digest: string;
}

/** First Monday of the month at 09:00, and Mondays at 09:00. */
export const DEFAULT_REPORT_SCHEDULES: ReportScheduleDefaults = {
  summary: '0 9 * * 1#1',
  digest: '0 9 * * 1',
};

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function numbers(field: string, min: number, max: number, what: string): number[] | null {
  if (field === '*') return null;
  const values = field.split(',').flatMap((part) => {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from > to) throw new ScheduleError(`The ${what} range ${part} runs backwards.`);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    }
    if (!/^\d+$/.test(part)) throw new ScheduleError(`“${part}” is not a ${what} I understand.`);
    return [Number(part)];
  });
  for (const value of values) {
    if (value < min || value > max) throw new ScheduleError(`The ${what} must be from ${min} to ${max}.`);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Reads a schedule expression; throws a ScheduleError that says what is wrong. */
export function parseSchedule(expression: string): Schedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) throw new ScheduleError('A schedule has five fields (six for alternate weeks).');
  const [minute, hour, dayOfMonth, month, dayOfWeek, parity] = fields;
  const minutes = numbers(minute, 0, 59, 'minute') ?? Array.from({ length: 60 }, (_, i) => i);
  const hours = numbers(hour, 0, 23, 'hour') ?? Array.from({ length: 24 }, (_, i) => i);
  let weekdays: number[] | null;
  let nthOfMonth: number | null = null;
  const nth = /^([0-7])#([1-5])$/.exec(dayOfWeek);
  if (nth) {
    weekdays = [Number(nth[1]) === 0 ? 7 : Number(nth[1])];
    nthOfMonth = Number(nth[2]);
  } else {
    const days = numbers(dayOfWeek, 0, 7, 'day of the week');
    weekdays = days && [...new Set(days.map((d) => (d === 0 ? 7 : d)))].sort((a, b) => a - b);
  }
  const daysOfMonth = numbers(dayOfMonth, 1, 31, 'day of the month');
  if (daysOfMonth && weekdays) throw new ScheduleError('Give either days of the month or days of the week, not both.');
  if (parity !== undefined && parity !== 'even' && parity !== 'odd') throw new ScheduleError('The sixth field can only be “even” or “odd” weeks.');
  if (parity && (!weekdays || nthOfMonth)) throw new ScheduleError('Alternate weeks need a day of the week.');
  return { minutes, hours, daysOfMonth, months: numbers(month, 1, 12, 'month'), weekdays, nthOfMonth, weekParity: parity ?? null };
}

export function isValidSchedule(expression: string): boolean {
  try {
    parseSchedule(expression);
    return true;
  } catch {
    return false;
  }
}

const EPOCH_MONDAY = DateTime.fromISO('1970-01-05', { zone: 'utc' });

/** Week number counted from Monday 5 January 1970, for alternate-week schedules. */
export function weekIndex(localDate: DateTime): number {
  const day = DateTime.fromObject({ year: localDate.year, month: localDate.month, day: localDate.day }, { zone: 'utc' });
  return Math.floor(day.diff(EPOCH_MONDAY, 'days').days / 7);
}

function matchesDay(schedule: Schedule, day: DateTime): boolean {
  if (schedule.months && !schedule.months.includes(day.month)) return false;
  if (schedule.daysOfMonth && !schedule.daysOfMonth.includes(day.day)) return false;
  if (schedule.weekdays && !schedule.weekdays.includes(day.weekday)) return false;
  if (schedule.nthOfMonth && Math.ceil(day.day / 7) !== schedule.nthOfMonth) return false;
  if (schedule.weekParity && (weekIndex(day) % 2 === 0 ? 'even' : 'odd') !== schedule.weekParity) return false;
  return true;
}

/**
 * Every slot that happens in (from, to]. Slots are generated per local calendar day, so a
 * slot in the hour the clocks skip happens once, just after the change, and a slot in the
 * hour that repeats happens once, the first time round.
 */
export function occurrencesBetween(expression: string | Schedule, timeZone: string, from: Date, to: Date): Occurrence[] {
  const schedule = typeof expression === 'string' ? parseSchedule(expression) : expression;
  const found: Occurrence[] = [];
  const last = DateTime.fromJSDate(to).setZone(timeZone).startOf('day');
  for (let day = DateTime.fromJSDate(from).setZone(timeZone).startOf('day').minus({ days: 1 }); day <= last; day = day.plus({ days: 1 })) {
    if (!matchesDay(schedule, day)) continue;
    for (const hour of schedule.hours) {
      for (const minute of schedule.minutes) {
        const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: timeZone });
        // In the hour that repeats, take the first time round, whatever the current offset is.
        const at = new Date(Math.min(...local.getPossibleOffsets().map((d) => d.toMillis()), local.toMillis()));
        if (at > from && at <= to) {
          const key = `${day.toFormat('yyyy-MM-dd')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          found.push({ key, at });
        }
      }
    }
  }
  return found.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The first slot after `after`, looking up to about a year and a half ahead. */
export function nextOccurrence(expression: string | Schedule, timeZone: string, after: Date): Occurrence | null {
  const schedule = typeof expression === 'string' ? parseSchedule(expression) : expression;
  for (let start = after, months = 0; months < 18; months++) {
    const end = DateTime.fromJSDate(start).plus({ months: 1 }).toJSDate();
    const [first] = occurrencesBetween(schedule, timeZone, start, end);
    if (first) return first;
    start = end;
  }
  return null;
}

/** The last slot before `before`, looking back up to about a year and a half. */
export function previousOccurrence(expression: string | Schedule, timeZone: string, before: Date): Occurrence | null {
  const schedule = typeof expression === 'string' ? parseSchedule(expression) : expression;
  for (let end = new Date(before.getTime() - 1), months = 0; months < 18; months++) {
    const start = DateTime.fromJSDate(end).minus({ months: 1 }).toJSDate();
    const found = occurrencesBetween(schedule, timeZone, start, end);
    if (found.length) return found[found.length - 1];
    end = start;
  }
  return null;
}

const clock = (hour: number, minute: number): string => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** The schedule in words, e.g. "Every other Monday at 10:00" ("Bob yn ail ddydd Llun am 10:00"). */
export function describeSchedule(expression: string, language: Language = 'en'): string {
  const s = parseSchedule(expression);
  const say = scheduleWords(language);
  const times = s.hours.length * s.minutes.length > 6 ? say.severalTimes : say.at(say.list(s.hours.flatMap((h) => s.minutes.map((m) => clock(h, m)))));
  const inMonths = s.months ? say.inMonths(say.list(s.months.map((m) => say.month(m)))) : '';
  const weekdays = (days: number[]) => say.list(days.map((d) => say.weekday(d)));
  let days: string;
  if (s.nthOfMonth && s.weekdays) days = say.nthOfMonth(s.nthOfMonth, say.weekday(s.weekdays[0]), s.months !== null);
  else if (s.weekParity && s.weekdays) days = say.everyOther(weekdays(s.weekdays));
  else if (s.weekdays) days = s.weekdays.join() === '1,2,3,4,5' ? say.everyWeekday : say.every(weekdays(s.weekdays));
  else if (s.daysOfMonth) days = say.onDays(say.list(s.daysOfMonth.map(String)), s.months !== null);
  else days = say.everyDay;
  return `${days}${inMonths} ${times}`;
}

const SCHEDULE_WORDS = defineText(
  'schedules',
  {
    once: 'Once, now',
    weekly: 'Every week',
    fortnightly: 'Every other week',
    monthly: 'Monthly, on the first such weekday',
  },
  {
    once: 'Unwaith, nawr',
    weekly: 'Bob wythnos',
    fortnightly: 'Bob yn ail wythnos',
    monthly: 'Bob mis, ar y cyntaf o’r diwrnod hwnnw yn y mis',
  },
);

/** How a chair picks a repeating pulse on the card. */
export const REPEAT_CHOICES = [
  { value: 'once', title: 'Once, now' },
  { value: 'weekly', title: 'Every week' },
  { value: 'fortnightly', title: 'Every other week' },
  { value: 'monthly', title: 'Monthly, on the first such weekday' },
] as const;
export type Repeat = (typeof REPEAT_CHOICES)[number]['value'];

export const WEEKDAY_CHOICES = WEEKDAY_NAMES.slice(1, 6).map((title, i) => ({ title, value: String(i + 1) }));

/** The repeat choices in a language. */
export function repeatChoices(language: Language): { value: Repeat; title: string }[] {
  return REPEAT_CHOICES.map((c) => ({ value: c.value, title: SCHEDULE_WORDS(language)[c.value] }));
}

/** Monday to Friday in a language, with their ISO numbers. */
export function weekdayChoices(language: Language): { title: string; value: string }[] {
  if (language === 'en') return WEEKDAY_CHOICES;
  return WEEKDAY_CHOICES.map((c) => ({ title: capitalise(scheduleWords('cy').weekday(Number(c.value))), value: c.value }));
}

const capitalise = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/** Longest round window per repeat, so that one round closes before the next opens. */
export const MAX_WINDOW_HOURS: Record<Exclude<Repeat, 'once'>, number> = { weekly: 168, fortnightly: 336, monthly: 672 };

/**
 * The cron expression for a chair's choice. For alternate weeks the parity is the one of
 * the first slot after `from`, so the first round comes at the next such weekday.
 */
export function scheduleFor(repeat: Exclude<Repeat, 'once'>, weekday: number, time: string, timeZone: string, from: Date): string {
  const [hour, minute] = time.split(':').map(Number);
  const base = `${minute} ${hour} * * ${weekday}`;
  switch (repeat) {
    case 'weekly':
      return base;
    case 'monthly':
      return `${minute} ${hour} * * ${weekday}#1`;
    case 'fortnightly': {
      const first = nextOccurrence(base, timeZone, from);
      const parity = first && weekIndex(DateTime.fromJSDate(first.at).setZone(timeZone)) % 2 === 1 ? 'odd' : 'even';
      return `${base} ${parity}`;
    }
  }
}
