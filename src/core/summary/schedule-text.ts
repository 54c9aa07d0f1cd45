import { defineText } from '../i18n/text';

const EN_WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EN_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];
const EN_MONTHS = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CY_WEEKDAYS = ['', 'dydd Llun', 'dydd Mawrth', 'dydd Mercher', 'dydd Iau', 'dydd Gwener', 'dydd Sadwrn', 'dydd Sul'];
const CY_MONTHS = ['', 'Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];

const enList = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** "a" is "ac" before a vowel, and c, p and t take the aspirate mutation after it. */
function afterA(word: string): string {
  if (/^[aeiouwyâêîôûŵŷ]/i.test(word)) return `ac ${word}`;
  const aspirate = /^([cpt])(?!h)/i.exec(word);
  return aspirate ? `a ${aspirate[1]}h${word.slice(1)}` : `a ${word}`;
}
const cyList = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${afterA(items[items.length - 1])}`);

/** "dydd" takes the soft mutation after "ail" and "bob yn ail": "ail ddydd Llun". */
const softDydd = (days: string): string => days.replace(/^[Dd]ydd/, 'ddydd');
const CY_ORDINALS = ['', 'cyntaf', 'ail', 'trydydd', 'pedwerydd', 'pumed'];

/** A schedule in words: "On the first Monday of each month at 09:00", "Ar y dydd Llun cyntaf o bob mis am 09:00". */
export const scheduleWords = defineText(
  'schedule-words',
  {
    weekday: (day: number) => EN_WEEKDAYS[day],
    month: (month: number) => EN_MONTHS[month],
    list: (items: string[]) => enList(items),
    severalTimes: 'at several times of day',
    at: (times: string) => `at ${times}`,
    inMonths: (months: string) => ` in ${months}`,
    nthOfMonth: (nth: number, day: string, someMonths: boolean) => `On the ${EN_ORDINALS[nth]} ${day} of ${someMonths ? 'the month' : 'each month'}`,
    everyOther: (days: string) => `Every other ${days}`,
    everyWeekday: 'Every weekday',
    every: (days: string) => `Every ${days}`,
    onDays: (days: string, someMonths: boolean) => `On day ${days} of ${someMonths ? 'the month' : 'each month'}`,
    everyDay: 'Every day',
  },
  {
    weekday: (day: number) => CY_WEEKDAYS[day],
    month: (month: number) => CY_MONTHS[month],
    list: (items: string[]) => cyList(items),
    severalTimes: 'ar sawl adeg o’r dydd',
    at: (times: string) => `am ${times}`,
    inMonths: (months: string) => ` ym mis ${months}`,
    nthOfMonth: (nth: number, day: string, someMonths: boolean) => {
      const ofMonth = someMonths ? 'o’r mis' : 'o bob mis';
      if (nth === 1) return `Ar y ${day} cyntaf ${ofMonth}`;
      return nth === 2 ? `Ar yr ail ${softDydd(day)} ${ofMonth}` : `Ar y ${CY_ORDINALS[nth]} ${day} ${ofMonth}`;
    },
    everyOther: (days: string) => `Bob yn ail ${softDydd(days)}`,
    everyWeekday: 'Bob diwrnod gwaith',
    every: (days: string) => `Bob ${days}`,
    onDays: (days: string, someMonths: boolean) => `Ar ddiwrnod ${days} ${someMonths ? 'o’r mis' : 'o bob mis'}`,
    everyDay: 'Bob dydd',
  },
);

/** Who a schedule message is about: the chairs' digest, one forum's summary, or every forum's. */
export type ScheduleSubject = { kind: 'digest' } | { kind: 'forum'; name: string } | { kind: 'all' };

const enSubject = (s: ScheduleSubject): string => (s.kind === 'digest' ? 'The chairs’ digest' : s.kind === 'forum' ? `The summary for “${s.name}”` : 'Forum summaries');
const enVerb = (s: ScheduleSubject, one: string, many: string): string => (s.kind === 'all' ? many : one);
const enWhere = (s: ScheduleSubject): string => (s.kind === 'all' ? ', in every forum without a schedule of its own' : '');
const enAbove = (s: ScheduleSubject): string => (s.kind === 'forum' ? 'the network’s schedule' : 'Techvoice’s default');
const cySubject = (s: ScheduleSubject): string => (s.kind === 'digest' ? 'Mae crynhoad y cadeiryddion' : s.kind === 'forum' ? `Mae’r crynodeb ar gyfer “${s.name}”` : 'Mae crynodebau’r fforymau');
const cyWhere = (s: ScheduleSubject): string => (s.kind === 'all' ? ', ym mhob fforwm heb amserlen ei hun' : '');
const cyAbove = (s: ScheduleSubject): string => (s.kind === 'forum' ? 'amserlen y rhwydwaith' : 'trefn ddiofyn Techvoice');

/** The `schedule` command, the schedule card and what they say. */
export const scheduleText = defineText(
  'summary:schedule',
  {
    usage:
      'For example **schedule summary monthly Monday 09:00**, **schedule digest weekly Friday 16:00**, **schedule digest off**, or **schedule summary default** to go back to the default.',
    summaryName: 'summary',
    digestName: 'digest',
    off: 'off',
    default: 'default',
    notATime: (word: string) => `“${word}” is not a time I can use: give a 24-hour time from 00:00 to 23:59, e.g. 09:00.`,
    sayWhen: (report: string, usage: string) => `Say when the ${report} goes out. ${usage}`,
    onItsOwn: (word: string, report: string) => `**${word}** goes on its own: **schedule ${report} ${word}**.`,
    unreadable: (word: string, usage: string) => `I could not read “${word}” there. Say how often (weekly, fortnightly or monthly), the day and the time. ${usage}`,
    sayDay: (report: string, usage: string) => `Say which day the ${report} goes out, from Monday to Friday. ${usage}`,
    weekdaysOnly: 'Summaries and digests go out on weekdays: choose a day from Monday to Friday.',
    sayTime: (report: string, usage: string) => `Say what time the ${report} goes out, as a 24-hour time such as 09:00. ${usage}`,
    setForForum: 'set for this forum',
    setForNetwork: 'set for the network',
    techvoiceDefault: 'Techvoice’s default',
    nextOne: (when: string) => ` The next one goes out on ${when}.`,
    nextAfterQuiet: (when: string) => ` That falls in quiet time, so the next one goes out when it ends, on ${when}.`,
    dateTimeFormat: "cccc d LLLL 'at' HH:mm",
    zone: (timeZone: string) => ` (${timeZone} time)`,
    nowOff: (s: ScheduleSubject) => `${enSubject(s)} ${enVerb(s, 'is', 'are')} now off${enWhere(s)}: none will go out until a chair sets a schedule with **schedule**.`,
    nowFollows: (s: ScheduleSubject, words: string, zone: string) => `${enSubject(s)} now ${enVerb(s, 'follows', 'follow')} ${enAbove(s)}${enWhere(s)}: ${words}${zone}.`,
    nowFollowsOff: (s: ScheduleSubject) => `${enSubject(s)} now ${enVerb(s, 'follows', 'follow')} ${enAbove(s)}${enWhere(s)}, which is off.`,
    nowGoesOut: (s: ScheduleSubject, words: string, zone: string) => `${enSubject(s)} now ${enVerb(s, 'goes', 'go')} out ${words}${zone}${enWhere(s)}.`,
    summaryIn: (forum: string) => `Summary in “${forum}”`,
    summariesElsewhere: 'Summaries in other forums',
    forumSummaries: 'Forum summaries',
    chairsDigest: 'Chairs’ digest',
    timesIn: (timeZone: string) => `Times are ${timeZone} time.`,
    quietHours: (start: string, end: string) => `in quiet hours (${start}–${end})`,
    atWeekends: 'at weekends',
    or: 'or',
    nothingGoesOut: (quiet: string) => `Nothing goes out ${quiet}: a report due then waits until it may be sent.`,
    forumNote: 'The summary you set here is this forum’s own; “Summaries in other forums” is set from a direct chat.',
    networkNote: 'The summary you set here is for every forum without a schedule of its own; set one forum’s from its channel.',
    everyWeek: 'Every week',
    everyOtherWeek: 'Every other week',
    monthly: 'Monthly, on the first such weekday',
    offChoice: 'Off: none sent',
    backToNetwork: 'Back to the default (the network’s for the summary)',
    backToDefault: 'Back to Techvoice’s default',
    commandArgs: (usage: string) => `I can set when the **summary** or the **digest** goes out. ${usage}`,
    forumGone: 'That forum is not registered any more. Type **schedule** for a fresh card.',
    chooseReport: 'Choose the forum summary or the chairs’ digest.',
    chooseRepeat: 'Choose how often it goes out, or off.',
    chooseDay: 'Choose the day it goes out.',
    chooseWeekday: 'Choose a weekday from Monday to Friday.',
    chooseTime: 'Choose the time it goes out, e.g. 09:00.',
  },
  {
    usage:
      'Er enghraifft **amserlen crynodeb misol dydd Llun 09:00**, **amserlen crynhoad wythnosol dydd Gwener 16:00**, **amserlen crynhoad i ffwrdd**, neu **amserlen crynodeb diofyn** i fynd yn ôl i’r drefn ddiofyn.',
    summaryName: 'crynodeb',
    digestName: 'crynhoad',
    off: 'i ffwrdd',
    default: 'diofyn',
    notATime: (word: string) => `Alla i ddim defnyddio “${word}” fel amser: rhowch amser 24 awr o 00:00 i 23:59, e.e. 09:00.`,
    sayWhen: (report: string, usage: string) => `Dywedwch pryd mae’r ${report} yn mynd allan. ${usage}`,
    onItsOwn: (word: string, report: string) => `Mae **${word}** yn mynd ar ei ben ei hun: **amserlen ${report} ${word}**.`,
    unreadable: (word: string, usage: string) => `Allwn i ddim darllen “${word}” yno. Dywedwch pa mor aml (wythnosol, bob pythefnos neu misol), y diwrnod a’r amser. ${usage}`,
    sayDay: (report: string, usage: string) => `Dywedwch ar ba ddiwrnod mae’r ${report} yn mynd allan, o ddydd Llun i ddydd Gwener. ${usage}`,
    weekdaysOnly: 'Mae crynodebau a chrynhoadau’n mynd allan ar ddiwrnodau gwaith: dewiswch ddiwrnod o ddydd Llun i ddydd Gwener.',
    sayTime: (report: string, usage: string) => `Dywedwch faint o’r gloch mae’r ${report} yn mynd allan, fel amser 24 awr fel 09:00. ${usage}`,
    setForForum: 'wedi’i gosod ar gyfer y fforwm hwn',
    setForNetwork: 'wedi’i gosod ar gyfer y rhwydwaith',
    techvoiceDefault: 'trefn ddiofyn Techvoice',
    nextOne: (when: string) => ` Bydd yr un nesaf yn mynd allan ${softDydd(when)}.`,
    nextAfterQuiet: (when: string) => ` Mae hynny yn yr amser tawel, felly bydd yr un nesaf yn mynd allan pan ddaw i ben, ${softDydd(when)}.`,
    dateTimeFormat: "cccc d LLLL 'am' HH:mm",
    zone: (timeZone: string) => ` (amser ${timeZone})`,
    nowOff: (s: ScheduleSubject) => `${cySubject(s)} bellach i ffwrdd${cyWhere(s)}: ni fydd dim yn mynd allan nes i gadeirydd osod amserlen gydag **amserlen**.`,
    nowFollows: (s: ScheduleSubject, words: string, zone: string) => `${cySubject(s)} bellach yn dilyn ${cyAbove(s)}${cyWhere(s)}: ${words}${zone}.`,
    nowFollowsOff: (s: ScheduleSubject) => `${cySubject(s)} bellach yn dilyn ${cyAbove(s)}${cyWhere(s)}, sydd i ffwrdd.`,
    nowGoesOut: (s: ScheduleSubject, words: string, zone: string) => `${cySubject(s)} bellach yn mynd allan ${words}${zone}${cyWhere(s)}.`,
    summaryIn: (forum: string) => `Crynodeb yn “${forum}”`,
    summariesElsewhere: 'Crynodebau mewn fforymau eraill',
    forumSummaries: 'Crynodebau’r fforymau',
    chairsDigest: 'Crynhoad y cadeiryddion',
    timesIn: (timeZone: string) => `Mae’r amseroedd yn amser ${timeZone}.`,
    quietHours: (start: string, end: string) => `yn yr oriau tawel (${start}–${end})`,
    atWeekends: 'ar benwythnosau',
    or: 'nac',
    nothingGoesOut: (quiet: string) => `Does dim yn mynd allan ${quiet}: mae adroddiad sy’n ddyledus bryd hynny’n aros nes y caiff ei anfon.`,
    forumNote: 'Mae’r crynodeb rydych chi’n ei osod yma ar gyfer y fforwm hwn yn unig; caiff “Crynodebau mewn fforymau eraill” ei osod o sgwrs uniongyrchol.',
    networkNote: 'Mae’r crynodeb rydych chi’n ei osod yma ar gyfer pob fforwm heb amserlen ei hun; gosodwch amserlen un fforwm o’i sianel.',
    everyWeek: 'Bob wythnos',
    everyOtherWeek: 'Bob pythefnos',
    monthly: 'Bob mis, ar y cyntaf o’r diwrnod hwnnw yn y mis',
    offChoice: 'I ffwrdd: dim un yn cael ei anfon',
    backToNetwork: 'Yn ôl i’r drefn ddiofyn (un y rhwydwaith ar gyfer y crynodeb)',
    backToDefault: 'Yn ôl i drefn ddiofyn Techvoice',
    commandArgs: (usage: string) => `Galla i osod pryd mae’r **crynodeb** neu’r **crynhoad** yn mynd allan. ${usage}`,
    forumGone: 'Dydy’r fforwm hwnnw ddim wedi’i gofrestru bellach. Teipiwch **amserlen** i gael cerdyn newydd.',
    chooseReport: 'Dewiswch grynodeb y fforwm neu grynhoad y cadeiryddion.',
    chooseRepeat: 'Dewiswch pa mor aml mae’n mynd allan, neu i ffwrdd.',
    chooseDay: 'Dewiswch y diwrnod mae’n mynd allan.',
    chooseWeekday: 'Dewiswch ddiwrnod gwaith o ddydd Llun i ddydd Gwener.',
    chooseTime: 'Dewiswch yr amser mae’n mynd allan, e.e. 09:00.',
  },
);

/** The schedule card's fixed words. */
export const scheduleCardLabels = defineText(
  'card:schedule',
  {
    heading: 'Report schedules',
    change: 'Change a schedule',
    which: 'Which',
    whichError: 'Choose the summary or the digest',
    howOften: 'How often',
    howOftenError: 'Choose how often it goes out',
    on: 'On',
    at: 'At',
    save: 'Save schedule',
  },
  {
    heading: 'Amserlenni adroddiadau',
    change: 'Newid amserlen',
    which: 'Pa un',
    whichError: 'Dewiswch y crynodeb neu’r crynhoad',
    howOften: 'Pa mor aml',
    howOftenError: 'Dewiswch pa mor aml mae’n mynd allan',
    on: 'Ar',
    at: 'Am',
    save: 'Cadw’r amserlen',
  },
).languages;
