import { defineAction, defineCommand } from '../interactions';
import { UserError } from '../errors';
import { forumOf } from '../network/forums';
import { forumLanguages } from '../i18n/language';
import { scheduleInputProblem, scheduleSetInput } from './inputs';
import { scheduleText } from './schedule-text';
import { parseScheduleWhen, scheduleCard, setReportSchedule, type ScheduleChoice } from './schedule-settings';
import { summaryMessage } from './summary';
import { parseSummaryArgs } from './summary-command';

export const summaryActions = [
  defineAction({
    verb: 'schedule.set',
    input: scheduleSetInput,
    who: 'chairs',
    audit: ['report', 'forumId', 'repeat', 'weekday', 'time'],
    run: async (deps, session, input) => {
      const forum = input.forumId ? await deps.store.getForum(session.network.id, input.forumId) : null;
      if (input.forumId && !forum) throw new UserError((language) => scheduleText(language).forumGone);
      const choice: ScheduleChoice = input.repeat === 'off' || input.repeat === 'default' ? { kind: input.repeat } : { kind: 'set', repeat: input.repeat, weekday: input.weekday, time: input.time };
      const { text } = await setReportSchedule(deps, session, input.report, forum, choice);
      return scheduleCard(deps, session, forum, { notice: text, error: '' }, { report: input.report, repeat: input.repeat, weekday: String(input.weekday), time: input.time });
    },
    redraw: async (deps, session, typed, error) => {
      const forum = typed.forumId ? await deps.store.getForum(session.network.id, typed.forumId) : null;
      return scheduleCard(deps, session, forum, { notice: '', error: scheduleInputProblem(error, session.language) }, typed);
    },
  }),
];

export const summaryCommands = [
  defineCommand({
    name: 'summary',
    cy: { name: 'crynodeb', usage: 'crynodeb [dyddiau] [thema] [teams|slack] [yma]', help: 'Postio crynodeb o’r 30 diwrnod diwethaf (neu’r dyddiau a roddwch chi) yma' },
    usage: 'summary [days]',
    help: 'Post a summary of the last 30 days (or the days you give) here',
    who: 'chairs',
    audited: true,
    run: async (deps, session, args) => {
      const forum = await forumOf(deps, session);
      const { days, filters } = parseSummaryArgs(args, forum);
      // Posted in a forum's channel, it is the forum's to read: in its language, or Welsh then English.
      const languages = forum ? forumLanguages(forum, session.network) : [session.language];
      const messages = [];
      for (const language of languages) {
        const request = { network: session.network, audienceName: forum?.name ?? session.network.name, days, filters, language };
        messages.push(await summaryMessage(deps, request, session.inbound.requester.platform));
      }
      const [first, ...followedBy] = messages;
      return { ...first, followedBy, auditDetail: args.trim() };
    },
  }),
  defineCommand({
    name: 'schedule',
    cy: { name: 'amserlen', aliases: ['amserlenni'], help: 'Gweld pryd mae crynodebau’r fforymau a chrynhoad y cadeiryddion yn mynd allan, a’u newid' },
    aliases: ['schedules'],
    help: 'See when forum summaries and the chairs’ digest go out, and change them',
    who: 'chairs',
    run: async (deps, session, args) => {
      if (args.trim()) throw new UserError((language) => scheduleText(language).commandArgs(scheduleText(language).usage));
      return { card: await scheduleCard(deps, session, await forumOf(deps, session)) };
    },
  }),
  defineCommand({
    name: 'schedule summary',
    cy: { name: 'amserlen crynodeb', usage: 'amserlen crynodeb [wythnosol|bob pythefnos|misol] [diwrnod] [amser]', help: 'Gosod pryd mae crynodeb y fforwm yn mynd allan (yn sianel fforwm, i’r fforwm hwnnw; fel arall, i bob fforwm heb ei amserlen ei hun), e.e. misol dydd Llun 09:00, neu i ffwrdd' },
    aliases: ['schedule summaries'],
    usage: 'schedule summary [weekly|fortnightly|monthly] [day] [time]',
    help: 'Set when the forum summary goes out (in a forum’s channel, that forum’s; elsewhere, every forum’s without its own), e.g. monthly Monday 09:00, or off',
    who: 'chairs',
    audited: true,
    run: async (deps, session, args) => setReportSchedule(deps, session, 'summary', await forumOf(deps, session), parseScheduleWhen('summary', args)),
  }),
  defineCommand({
    name: 'schedule digest',
    cy: { name: 'amserlen crynhoad', usage: 'amserlen crynhoad [wythnosol|bob pythefnos|misol] [diwrnod] [amser]', help: 'Gosod pryd mae crynhoad y cadeiryddion yn mynd allan, e.e. wythnosol dydd Gwener 16:00, neu i ffwrdd' },
    usage: 'schedule digest [weekly|fortnightly|monthly] [day] [time]',
    help: 'Set when the chairs’ digest goes out, e.g. weekly Friday 16:00, or off',
    who: 'chairs',
    audited: true,
    run: async (deps, session, args) => setReportSchedule(deps, session, 'digest', null, parseScheduleWhen('digest', args)),
  }),
];
