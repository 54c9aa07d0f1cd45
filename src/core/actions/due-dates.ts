import { DateTime } from 'luxon';

/** A due date read from a plan: a day, or none for an ongoing action. */
export type ParsedDue = { ok: true; due: string | null } | { ok: false };

const ONGOING = new Set(['ongoing', 'continuous', 'continual', 'throughout', 'rolling', 'annual', 'annually', 'yearly', 'parhaus', 'yn barhaus', 'blynyddol', 'bob blwyddyn']);

/** Welsh month names as plans write them, with the short forms in use ("Chwef", "Gorff"), by month number. */
const WELSH_MONTHS: readonly (readonly string[])[] = [
  ['ionawr', 'ion'],
  ['chwefror', 'chwef', 'chwe', 'chw'],
  ['mawrth', 'maw'],
  ['ebrill', 'ebr'],
  ['mai'],
  ['mehefin', 'meh'],
  ['gorffennaf', 'gorff', 'gor'],
  ['awst'],
  ['medi'],
  ['hydref', 'hyd'],
  ['tachwedd', 'tach'],
  ['rhagfyr', 'rhag'],
];
const WELSH_MONTH = new Map(WELSH_MONTHS.flatMap((names, i) => names.map((name) => [name, i + 1] as const)));

/** What a due date may start with and still mean the same day: "by March 2026", "erbyn diwedd mis Mawrth 2026". */
const PREFIX = /^(by|end of|end|before|erbyn|diwedd|ddiwedd|cyn|mis|fis)\s+/;

const iso = (date: DateTime): string | null => (date.isValid ? (date.toISODate() ?? null) : null);

/**
 * Reads a due date as UK plans write them, in English or Welsh. Vague periods mean their last
 * day: "March 2026" (or "Mawrth 2026") is 31 March 2026, "Q3 2025" (or "Ch3 2025") the calendar
 * quarter ending 30 September 2025, and "2025/26" the academic year ending 31 July 2026. Day
 * and month are always read the UK way round.
 */
export function parseDue(written: string): ParsedDue {
  const text = written.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase().replace(/[.,]$/, '');
  if (ONGOING.has(lower)) return { ok: true, due: null };
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (match) return day(fullYear(match[3]), Number(match[2]), Number(match[1]));
  const quarter = /^(?:q|ch|chwarter ?)([1-4])[ /-]?(?:fy)?(\d{4})$/i.exec(text);
  if (quarter) {
    const end = DateTime.utc(Number(quarter[2]), Number(quarter[1]) * 3, 1).endOf('month');
    return done(iso(end));
  }
  const academic = /^(?:ay ?)?(\d{4}) ?[/-] ?(\d{2}|\d{4})$/i.exec(text);
  if (academic) {
    const first = Number(academic[1]);
    const second = fullYear(academic[2], first);
    if (second !== first + 1) return { ok: false };
    return done(iso(DateTime.utc(second, 7, 31)));
  }
  let withoutPrefix = lower;
  while (PREFIX.test(withoutPrefix)) withoutPrefix = withoutPrefix.replace(PREFIX, '');
  const named = withoutPrefix.replace(/^(\d{1,2})(st|nd|rd|th)/, '$1');
  const welsh = welshMonthDate(named);
  if (welsh) return welsh;
  // ICU versions disagree on whether September's short form is "Sep" or "Sept".
  for (const candidate of [named, named.replace(/\bsept\b/, 'sep'), named.replace(/\bsep\b/, 'sept')]) {
    for (const format of ['d LLLL yyyy', 'd LLL yyyy', 'LLLL yyyy', 'LLL yyyy']) {
      const parsed = DateTime.fromFormat(candidate, format, { zone: 'utc', locale: 'en-GB' });
      if (parsed.isValid) return done(iso(format.startsWith('d') ? parsed : parsed.endOf('month')));
    }
  }
  if (/^\d{4}$/.test(withoutPrefix)) return done(iso(DateTime.utc(Number(withoutPrefix), 12, 31)));
  return { ok: false };
}

/** "Mawrth 2026" (its last day) or "31 Mawrth 2026"; null when it is not a Welsh month. */
function welshMonthDate(text: string): ParsedDue | null {
  const match = /^(?:(\d{1,2})(?:af|ail|ain|ydd|ed|fed)? )?([a-z]+)\.? (\d{4})$/.exec(text);
  const month = match ? WELSH_MONTH.get(match[2]) : undefined;
  if (!match || month === undefined) return null;
  const year = Number(match[3]);
  return match[1] ? day(year, month, Number(match[1])) : done(iso(DateTime.utc(year, month, 1).endOf('month')));
}

function fullYear(year: string, near = 2000): number {
  if (year.length === 4) return Number(year);
  return Math.floor(near / 100) * 100 + Number(year);
}

function day(year: number, month: number, dayOfMonth: number): ParsedDue {
  return done(iso(DateTime.utc(year, month, dayOfMonth)));
}

const done = (due: string | null): ParsedDue => (due === null ? { ok: false } : { ok: true, due });
