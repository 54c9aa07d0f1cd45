import { DateTime } from 'luxon';
import { card, CARD_VERSION, NO_NOTICE, type Card, type Notice, type ScheduleCard } from '../cards';
import { now } from '../clock';
import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import { plain } from '../markdown';
import type { Forum, Network } from '../model';
import { nextAllowedTime } from '../outbox/quiet-hours';
import { LOCALES, type Language } from '../i18n/language';
import { nextOccurrence, scheduleFor, type Repeat } from '../schedules';
import { scheduleText, scheduleWords, type ScheduleSubject } from './schedule-text';
import type { Session } from '../session';
import type { Typed } from '../interactions';
import {
  digestSchedule,
  forumSummarySchedule,
  networkSummarySchedule,
  saveSchedule,
  scheduleInWords,
  scheduleKey,
  type Report,
  type ScheduleInForce,
} from './report-schedules';

type Repeating = Exclude<Repeat, 'once'>;

/** What a chair chose: a day and time that repeats, no report at all, or the schedule above this one. */
export type ScheduleChoice = { kind: 'set'; repeat: Repeating; weekday: number; time: string } | { kind: 'off' } | { kind: 'default' };

/** How often, in English and Welsh ("bob pythefnos" is read as one word, below). */
const REPEAT_WORDS: Readonly<Record<string, Repeating>> = {
  weekly: 'weekly',
  fortnightly: 'fortnightly',
  monthly: 'monthly',
  wythnosol: 'weekly',
  pythefnosol: 'fortnightly',
  misol: 'monthly',
};
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_SHORT = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WELSH_DAYS = ['llun', 'mawrth', 'mercher', 'iau', 'gwener', 'sadwrn', 'sul'];

/** Welsh phrases of more than one word, read as the one word they mean; "dydd" (or "ddydd") before a day's name is dropped. */
const WELSH_PHRASES: readonly [RegExp, string][] = [
  [/\bbob pythefnos\b/g, 'pythefnosol'],
  [/\bbob wythnos\b/g, 'wythnosol'],
  [/\bbob mis\b/g, 'misol'],
  [/\bi ffwrdd\b/g, 'off'],
  [/\bdiofyn\b/g, 'default'],
  [/\bd?dydd (?=\S)/g, ''],
];

/** ISO weekday (1 Monday – 7 Sunday) of "Monday", "mondays", "mon", "tues", "Llun"…, or null. */
function weekdayOf(word: string): number | null {
  const welsh = WELSH_DAYS.indexOf(word);
  if (welsh >= 0) return welsh + 1;
  const day = word.replace(/s$/, '');
  const index = DAY_NAMES.findIndex((name, i) => day === name || day === DAY_SHORT[i] || (day.length >= 3 && name.startsWith(day)));
  return index < 0 ? null : index + 1;
}

/** "9:00", "09:00" or "16.30" as "HH:mm"; null when the word is not a time; an error when it is a time that cannot be. */
function timeOf(word: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(word);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) throw new UserError((language) => scheduleText(language).notATime(word));
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

const reportName = (report: Report, language: Language): string => scheduleText(language)[report === 'summary' ? 'summaryName' : 'digestName'];

/** Reads "weekly|fortnightly|monthly <weekday> <hh:mm>" (in any order; weekly when not said), "off" or "default", in English or Welsh. */
export function parseScheduleWhen(report: Report, args: string): ScheduleChoice {
  let normalised = args.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [phrase, word] of WELSH_PHRASES) normalised = normalised.replace(phrase, word);
  const rest = normalised.split(' ').filter(Boolean);
  const usage = (language: Language) => scheduleText(language).usage;
  if (rest.length === 0) throw new UserError((language) => scheduleText(language).sayWhen(reportName(report, language), usage(language)));
  const alone = rest.find((word) => word === 'off' || word === 'default');
  if (alone) {
    if (rest.length > 1) throw new UserError((language) => scheduleText(language).onItsOwn(scheduleText(language)[alone === 'off' ? 'off' : 'default'], reportName(report, language)));
    return { kind: alone === 'off' ? 'off' : 'default' };
  }
  let repeat: Repeating | null = null;
  let weekday: number | null = null;
  let time: string | null = null;
  for (const word of rest) {
    const asRepeat = REPEAT_WORDS[word] ?? null;
    const asDay = weekdayOf(word);
    const asTime = timeOf(word);
    if (asRepeat && !repeat) repeat = asRepeat;
    else if (asDay && !weekday) weekday = asDay;
    else if (asTime && !time) time = asTime;
    else throw new UserError((language) => scheduleText(language).unreadable(plain(word.slice(0, 40)), usage(language)));
  }
  if (weekday === null) throw new UserError((language) => scheduleText(language).sayDay(reportName(report, language), usage(language)));
  if (weekday > 5) throw new UserError((language) => scheduleText(language).weekdaysOnly);
  if (time === null) throw new UserError((language) => scheduleText(language).sayTime(reportName(report, language), usage(language)));
  return { kind: 'set', repeat: repeat ?? 'weekly', weekday, time };
}

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const SOURCE_KEYS = { forum: 'setForForum', network: 'setForNetwork', default: 'techvoiceDefault' } as const;

/** "The next one goes out on Friday 6 March at 16:00." (after quiet time, when the slot falls in it) */
function nextOneText(expression: string | null, network: Network, from: Date, language: Language): string {
  const next = expression ? nextOccurrence(expression, network.timeZone, from) : null;
  if (!next) return '';
  const say = scheduleText(language);
  const sendAt = nextAllowedTime(next.at, network);
  const when = DateTime.fromJSDate(sendAt).setZone(network.timeZone).setLocale(LOCALES[language]).toFormat(say.dateTimeFormat);
  return sendAt > next.at ? say.nextAfterQuiet(when) : say.nextOne(when);
}

/** Saves a chair's choice for the forum summary (of `forum`, or the network's), or the chairs' digest, and says what is in force now. */
export async function setReportSchedule(deps: CoreDeps, session: Session, report: Report, forum: Forum | null, choice: ScheduleChoice): Promise<{ text: string; auditDetail: string }> {
  const { network } = session;
  const at = now();
  const forumId = report === 'summary' ? (forum?.id ?? null) : null;
  const expression = choice.kind === 'set' ? scheduleFor(choice.repeat, choice.weekday, choice.time, network.timeZone, at) : null;
  await saveSchedule(deps, scheduleKey(report, network.id, forumId), choice.kind === 'default' ? 'inherit' : expression, at);

  const inForce = await scheduleOf(deps, network, report, forumId ? forum : null);
  const { language } = session;
  const say = scheduleText(language);
  const words = scheduleInWords(inForce.expression, language);
  const zone = inForce.expression ? say.zone(network.timeZone) : '';
  const subject: ScheduleSubject = report === 'digest' ? { kind: 'digest' } : forumId && forum ? { kind: 'forum', name: plain(forum.name) } : { kind: 'all' };
  let text: string;
  if (choice.kind === 'off') text = say.nowOff(subject);
  else if (choice.kind === 'default') text = inForce.expression ? say.nowFollows(subject, words, zone) : say.nowFollowsOff(subject);
  else text = say.nowGoesOut(subject, words, zone);
  text += nextOneText(inForce.expression, network, at, language);
  return { text, auditDetail: `${report} ${forumId ? `forum=${forumId}` : 'network'} ${choice.kind === 'set' ? (expression ?? '') : choice.kind}`.trim() };
}

async function scheduleOf(deps: CoreDeps, network: Network, report: Report, forum: Forum | null): Promise<ScheduleInForce> {
  if (report === 'digest') return digestSchedule(deps, network);
  const networkSchedule = await networkSummarySchedule(deps, network);
  return forum ? forumSummarySchedule(deps, forum, networkSchedule) : networkSchedule;
}

const inForceText = (schedule: ScheduleInForce, language: Language): string =>
  `${capitalised(scheduleInWords(schedule.expression, language))} (${scheduleText(language)[SOURCE_KEYS[schedule.source]]})`;

/** Both schedules in words, with a form to change one; in a forum's channel the summary is that forum's. */
export async function scheduleCard(deps: CoreDeps, session: Session, forum: Forum | null, notice: Notice = NO_NOTICE, typed: Typed = {}): Promise<Card> {
  const { network, language } = session;
  const say = scheduleText(language);
  const networkSchedule = await networkSummarySchedule(deps, network);
  const facts: ScheduleCard['facts'] = [];
  if (forum) facts.push({ title: say.summaryIn(plain(forum.name)), value: inForceText(await forumSummarySchedule(deps, forum, networkSchedule), language) });
  facts.push({ title: forum ? say.summariesElsewhere : say.forumSummaries, value: inForceText(networkSchedule, language) });
  facts.push({ title: say.chairsDigest, value: inForceText(await digestSchedule(deps, network), language) });
  const quiet = [network.quietHours ? say.quietHours(network.quietHours.start, network.quietHours.end) : '', network.quietWeekends ? say.atWeekends : ''].filter(Boolean).join(` ${say.or} `);
  const note = [say.timesIn(network.timeZone), quiet ? say.nothingGoesOut(quiet) : '', forum ? say.forumNote : say.networkNote].filter(Boolean).join(' ');
  const built = card('schedule', {
    ...notice,
    cv: CARD_VERSION,
    forumId: forum?.id ?? '',
    facts,
    note,
    reports: [
      { title: forum ? say.summaryIn(plain(forum.name)) : say.forumSummaries, value: 'summary' },
      { title: say.chairsDigest, value: 'digest' },
    ],
    repeats: [
      { title: say.everyWeek, value: 'weekly' },
      { title: say.everyOtherWeek, value: 'fortnightly' },
      { title: say.monthly, value: 'monthly' },
      { title: say.offChoice, value: 'off' },
      { title: forum ? say.backToNetwork : say.backToDefault, value: 'default' },
    ],
    weekdays: [1, 2, 3, 4, 5].map((day) => ({ title: capitalised(scheduleWords(language).weekday(day)), value: String(day) })),
    values: {
      report: typed.report ?? 'summary',
      repeat: typed.repeat ?? 'monthly',
      weekday: typed.weekday ?? '1',
      time: (typed.time ?? '09:00').slice(0, 5),
    },
  });
  return { ...built, language };
}
