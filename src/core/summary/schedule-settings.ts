import { DateTime } from 'luxon';
import { card, CARD_VERSION, NO_NOTICE, type Card, type Notice, type ScheduleCard } from '../cards';
import { now } from '../clock';
import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import { plain } from '../markdown';
import type { Forum, Network } from '../model';
import { nextAllowedTime } from '../outbox/quiet-hours';
import { nextOccurrence, REPEAT_CHOICES, scheduleFor, WEEKDAY_CHOICES, type Repeat } from '../schedules';
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

export const SCHEDULE_USAGE =
  'For example **schedule summary monthly Monday 09:00**, **schedule digest weekly Friday 16:00**, **schedule digest off**, or **schedule summary default** to go back to the default.';

const REPEAT_WORDS: Readonly<Record<string, Repeating>> = { weekly: 'weekly', fortnightly: 'fortnightly', monthly: 'monthly' };
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_SHORT = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** ISO weekday (1 Monday – 7 Sunday) of "Monday", "mondays", "mon", "tues"…, or null. */
function weekdayOf(word: string): number | null {
  const day = word.replace(/s$/, '');
  const index = DAY_NAMES.findIndex((name, i) => day === name || day === DAY_SHORT[i] || (day.length >= 3 && name.startsWith(day)));
  return index < 0 ? null : index + 1;
}

/** "9:00", "09:00" or "16.30" as "HH:mm"; null when the word is not a time; an error when it is a time that cannot be. */
function timeOf(word: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(word);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) throw new UserError(`“${word}” is not a time I can use: give a 24-hour time from 00:00 to 23:59, e.g. 09:00.`);
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** Reads "weekly|fortnightly|monthly <weekday> <hh:mm>" (in any order; weekly when not said), "off" or "default". */
export function parseScheduleWhen(report: Report, args: string): ScheduleChoice {
  const rest = args.toLowerCase().replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (rest.length === 0) throw new UserError(`Say when the ${report} goes out. ${SCHEDULE_USAGE}`);
  const alone = rest.find((word) => word === 'off' || word === 'default');
  if (alone) {
    if (rest.length > 1) throw new UserError(`**${alone}** goes on its own: **schedule ${report} ${alone}**.`);
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
    else throw new UserError(`I could not read “${plain(word.slice(0, 40))}” there. Say how often (weekly, fortnightly or monthly), the day and the time. ${SCHEDULE_USAGE}`);
  }
  if (weekday === null) throw new UserError(`Say which day the ${report} goes out, from Monday to Friday. ${SCHEDULE_USAGE}`);
  if (weekday > 5) throw new UserError(`Summaries and digests go out on weekdays: choose a day from Monday to Friday.`);
  if (time === null) throw new UserError(`Say what time the ${report} goes out, as a 24-hour time such as 09:00. ${SCHEDULE_USAGE}`);
  return { kind: 'set', repeat: repeat ?? 'weekly', weekday, time };
}

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const SOURCE_NAMES: Record<ScheduleInForce['source'], string> = { forum: 'set for this forum', network: 'set for the network', default: 'Techvoice’s default' };

/** "The next one goes out on Friday 6 March at 16:00." (after quiet time, when the slot falls in it) */
function nextOneText(expression: string | null, network: Network, from: Date): string {
  const next = expression ? nextOccurrence(expression, network.timeZone, from) : null;
  if (!next) return '';
  const sendAt = nextAllowedTime(next.at, network);
  const when = DateTime.fromJSDate(sendAt).setZone(network.timeZone).toFormat("cccc d LLLL 'at' HH:mm");
  return sendAt > next.at ? ` That falls in quiet time, so the next one goes out when it ends, on ${when}.` : ` The next one goes out on ${when}.`;
}

/** Saves a chair's choice for the forum summary (of `forum`, or the network's), or the chairs' digest, and says what is in force now. */
export async function setReportSchedule(deps: CoreDeps, session: Session, report: Report, forum: Forum | null, choice: ScheduleChoice): Promise<{ text: string; auditDetail: string }> {
  const { network } = session;
  const at = now();
  const forumId = report === 'summary' ? (forum?.id ?? null) : null;
  const expression = choice.kind === 'set' ? scheduleFor(choice.repeat, choice.weekday, choice.time, network.timeZone, at) : null;
  await saveSchedule(deps, scheduleKey(report, network.id, forumId), choice.kind === 'default' ? 'inherit' : expression, at);

  const inForce = await scheduleOf(deps, network, report, forumId ? forum : null);
  const words = scheduleInWords(inForce.expression);
  const zone = inForce.expression ? ` (${network.timeZone} time)` : '';
  const subject = report === 'digest' ? 'The chairs’ digest' : forumId && forum ? `The summary for “${plain(forum.name)}”` : 'Forum summaries';
  const [goes, is, follows] = subject === 'Forum summaries' ? ['go', 'are', 'follow'] : ['goes', 'is', 'follows'];
  const where = report === 'summary' && !forumId ? ', in every forum without a schedule of its own' : '';
  let text: string;
  if (choice.kind === 'off') {
    text = `${subject} ${is} now off${where}: none will go out until a chair sets a schedule with **schedule**.`;
  } else if (choice.kind === 'default') {
    const above = forumId ? 'the network’s schedule' : 'Techvoice’s default';
    text = inForce.expression ? `${subject} now ${follows} ${above}${where}: ${words}${zone}.` : `${subject} now ${follows} ${above}${where}, which is off.`;
  } else {
    text = `${subject} now ${goes} out ${words}${zone}${where}.`;
  }
  text += nextOneText(inForce.expression, network, at);
  return { text, auditDetail: `${report} ${forumId ? `forum=${forumId}` : 'network'} ${choice.kind === 'set' ? (expression ?? '') : choice.kind}`.trim() };
}

async function scheduleOf(deps: CoreDeps, network: Network, report: Report, forum: Forum | null): Promise<ScheduleInForce> {
  if (report === 'digest') return digestSchedule(deps, network);
  const networkSchedule = await networkSummarySchedule(deps, network);
  return forum ? forumSummarySchedule(deps, forum, networkSchedule) : networkSchedule;
}

const inForceText = (schedule: ScheduleInForce): string => `${capitalised(scheduleInWords(schedule.expression))} (${SOURCE_NAMES[schedule.source]})`;

/** Both schedules in words, with a form to change one; in a forum's channel the summary is that forum's. */
export async function scheduleCard(deps: CoreDeps, session: Session, forum: Forum | null, notice: Notice = NO_NOTICE, typed: Typed = {}): Promise<Card> {
  const { network } = session;
  const networkSchedule = await networkSummarySchedule(deps, network);
  const facts: ScheduleCard['facts'] = [];
  if (forum) facts.push({ title: `Summary in “${plain(forum.name)}”`, value: inForceText(await forumSummarySchedule(deps, forum, networkSchedule)) });
  facts.push({ title: forum ? 'Summaries in other forums' : 'Forum summaries', value: inForceText(networkSchedule) });
  facts.push({ title: 'Chairs’ digest', value: inForceText(await digestSchedule(deps, network)) });
  const quiet = [network.quietHours ? `in quiet hours (${network.quietHours.start}–${network.quietHours.end})` : '', network.quietWeekends ? 'at weekends' : ''].filter(Boolean).join(' or ');
  const note = [
    `Times are ${network.timeZone} time.`,
    quiet ? `Nothing goes out ${quiet}: a report due then waits until it may be sent.` : '',
    forum ? 'The summary you set here is this forum’s own; “Summaries in other forums” is set from a direct chat.' : 'The summary you set here is for every forum without a schedule of its own; set one forum’s from its channel.',
  ]
    .filter(Boolean)
    .join(' ');
  return card('schedule', {
    ...notice,
    cv: CARD_VERSION,
    forumId: forum?.id ?? '',
    facts,
    note,
    reports: [
      { title: forum ? `Summary in “${plain(forum.name)}”` : 'Forum summaries', value: 'summary' },
      { title: 'Chairs’ digest', value: 'digest' },
    ],
    repeats: [
      ...REPEAT_CHOICES.filter((c) => c.value !== 'once').map((c) => ({ title: c.title, value: c.value })),
      { title: 'Off: none sent', value: 'off' },
      { title: forum ? 'Back to the default (the network’s for the summary)' : 'Back to Techvoice’s default', value: 'default' },
    ],
    weekdays: WEEKDAY_CHOICES,
    values: {
      report: typed.report ?? 'summary',
      repeat: typed.repeat ?? 'monthly',
      weekday: typed.weekday ?? '1',
      time: (typed.time ?? '09:00').slice(0, 5),
    },
  });
}
