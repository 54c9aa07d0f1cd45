import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { cardText } from '../support/cards';
import { channel, conversationIdOf, personal } from '../support/teams-activities';
import type { Scheduler } from '../../src/scheduler/scheduler';
import { fakeDate, schedulerFor, tickAt } from './support/clock';
import { scheduleKey } from '../../src/core/summary/report-schedules';

const FORUM = channel();
const OTHER_FORUM = channel('19:forum-other@thread.tacv2', 'Estates Technicians');

describe('Summary and digest schedules set by chairs in chat', () => {
  let bot: BotHarness;
  let clock: sinon.SinonFakeTimers;
  let scheduler: Scheduler;
  let network: string;
  const replyOf = async (text: string, where = personal, who = people.chair) => {
    const reply = await bot.say(who, text, where);
    return [...reply.texts, ...reply.cards.map(cardText)].join('\n');
  };
  const digests = () => bot.connector.cardsIn(conversationIdOf(people.chair, personal)).filter((c) => cardText(c).includes('Weekly digest'));
  const summariesIn = (where: typeof FORUM) => bot.connector.cardsIn(where.channelId!).filter((c) => cardText(c).includes('Summary for'));

  beforeEach(async () => {
    bot = await startWorld();
    scheduler = schedulerFor(bot);
    network = await networkId(bot);
    await bot.say(people.admin, "forum Technical Leaders' Forum", FORUM);
    await bot.say(people.admin, 'forum Estates Technicians', OTHER_FORUM);
  });
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  it('shows both schedules in words, with the environment settings as the defaults', async () => {
    const shown = await replyOf('schedule');
    assert.match(shown, /Report schedules/);
    assert.match(shown, /Forum summaries[\s\S]*On the first Monday of each month at 09:00 \(Techvoice’s default\)/);
    assert.match(shown, /Chairs’ digest[\s\S]*Every Monday at 09:00 \(Techvoice’s default\)/);
    assert.match(shown, /Times are Europe\/London time\. Nothing goes out in quiet hours \(18:00–08:00\) or at weekends/);
    const inForum = await replyOf('schedule', FORUM);
    assert.match(inForum, /Summary in “Technical Leaders' Forum”[\s\S]*On the first Monday of each month at 09:00 \(Techvoice’s default\)/);
    const help = await replyOf('help');
    assert.match(help, /schedule summary \[weekly\|fortnightly\|monthly\] \[day\] \[time\]/);
    assert.match(help, /schedule digest/);
  });

  it('sets the network’s digest in words, says what was saved, audits it, and catches up a missed Friday after the weekend', async () => {
    clock = fakeDate('2026-06-08T10:00:00Z'); // Monday 11:00 London
    const saved = await replyOf('schedule digest weekly Friday 16:00');
    assert.match(saved, /The chairs’ digest now goes out every Friday at 16:00 \(Europe\/London time\)\. The next one goes out on Friday 12 June at 16:00\./);
    assert.match(await replyOf('schedule'), /Chairs’ digest[\s\S]*Every Friday at 16:00 \(set for the network\)/);
    const audit = await bot.store.listAudit(network, '2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z');
    assert.deepEqual(
      audit.filter((e) => e.act.startsWith('schedule')).map((e) => [e.act, e.actorName, e.detail]),
      [['schedule digest', 'Chris Chair', 'digest network 0 16 * * 5']],
    );

    // No instance ran at 16:00 on Friday; the first tick after is in quiet hours.
    await tickAt(clock, scheduler, bot, '2026-06-12T18:00:00Z'); // Friday 19:00
    await tickAt(clock, scheduler, bot, '2026-06-13T09:00:00Z'); // Saturday 10:00, a quiet weekend
    await tickAt(clock, scheduler, bot, '2026-06-15T06:59:00Z'); // Monday 07:59
    assert.equal(digests().length, 0, 'nothing in quiet time');
    await tickAt(clock, scheduler, bot, '2026-06-15T07:00:00Z'); // Monday 08:00
    assert.equal(digests().length, 1, 'the missed digest goes out when quiet time ends');
    await tickAt(clock, scheduler, bot, '2026-06-15T08:00:00Z'); // Monday 09:00, the default's slot
    assert.equal(digests().length, 1, 'and once: the default no longer applies');
  });

  it('sets a forum’s own summary from its channel and catches up a missed Wednesday the next morning, leaving other forums on the default', async () => {
    clock = fakeDate('2026-06-08T10:00:00Z'); // Monday 11:00 London
    const saved = await replyOf('schedule summary weekly wed 10:00', FORUM);
    assert.match(saved, /The summary for “Technical Leaders' Forum” now goes out every Wednesday at 10:00 \(Europe\/London time\)\. The next one goes out on Wednesday 10 June at 10:00\./);
    assert.match(await replyOf('schedule'), /Forum summaries[\s\S]*On the first Monday of each month at 09:00 \(Techvoice’s default\)/, 'the network’s is unchanged');
    assert.match(await replyOf('schedule', FORUM), /Summary in “Technical Leaders' Forum”[\s\S]*Every Wednesday at 10:00 \(set for this forum\)/);

    await tickAt(clock, scheduler, bot, '2026-06-10T17:30:00Z'); // Wednesday 18:30: no instance ran at 10:00
    await tickAt(clock, scheduler, bot, '2026-06-11T06:59:00Z'); // Thursday 07:59
    assert.equal(summariesIn(FORUM).length, 0, 'nothing in quiet hours');
    await tickAt(clock, scheduler, bot, '2026-06-11T07:00:00Z'); // Thursday 08:00
    await tickAt(clock, scheduler, bot, '2026-06-11T08:00:00Z');
    assert.equal(summariesIn(FORUM).length, 1, 'the missed summary goes out when quiet hours end, once');
    assert.equal(summariesIn(OTHER_FORUM).length, 0);

    await tickAt(clock, scheduler, bot, '2026-07-06T08:00:00Z'); // first Monday of July, 09:00
    assert.equal(summariesIn(OTHER_FORUM).length, 1, 'the other forum keeps the default');
    assert.equal(summariesIn(FORUM).length, 1, 'this forum does not');
  });

  it('sets the network’s summary from a direct chat, for forums without their own, from the card too', async () => {
    clock = fakeDate('2026-06-08T10:00:00Z');
    await replyOf('schedule summary off', FORUM);
    const card = cardText(await bot.press(people.chair, 'schedule.set', { cv: 1, forumId: '', report: 'summary', repeat: 'fortnightly', weekday: '3', time: '14:00' }));
    assert.match(card, /Forum summaries now go out every other Wednesday at 14:00 \(Europe\/London time\), in every forum without a schedule of its own\. The next one goes out on Wednesday 10 June at 14:00\./);
    assert.match(card, /Forum summaries[\s\S]*Every other Wednesday at 14:00 \(set for the network\)/);
    const audit = await bot.store.listAudit(network, '2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z');
    assert.deepEqual(
      audit.filter((e) => e.act.startsWith('schedule')).map((e) => [e.act, e.detail]),
      [
        ['schedule summary', 'summary forum=' + (await bot.store.listForums(network)).find((f) => f.name === "Technical Leaders' Forum")!.id + ' off'],
        ['schedule.set', 'report=summary forumId= repeat=fortnightly weekday=3 time=14:00'],
      ],
    );
    await tickAt(clock, scheduler, bot, '2026-06-10T13:00:00Z'); // Wednesday 14:00
    assert.equal(summariesIn(OTHER_FORUM).length, 1);
    assert.equal(summariesIn(FORUM).length, 0, 'a forum turned off stays off');
    await tickAt(clock, scheduler, bot, '2026-06-17T13:00:00Z');
    assert.equal(summariesIn(OTHER_FORUM).length, 1, 'every other week');
    await tickAt(clock, scheduler, bot, '2026-06-24T13:00:00Z');
    assert.equal(summariesIn(OTHER_FORUM).length, 2);
  });

  it('turns the digest off and back to the default', async () => {
    clock = fakeDate('2026-06-05T10:00:00Z'); // Friday
    assert.match(await replyOf('schedule digest off'), /The chairs’ digest is now off: none will go out until a chair sets a schedule/);
    await tickAt(clock, scheduler, bot, '2026-06-08T08:00:00Z'); // Monday 09:00
    assert.equal(digests().length, 0);
    assert.match(await replyOf('schedule digest default'), /The chairs’ digest now follows Techvoice’s default: every Monday at 09:00 \(Europe\/London time\)\. The next one goes out on Monday 15 June at 09:00\./);
    await tickAt(clock, scheduler, bot, '2026-06-08T08:01:00Z');
    assert.equal(digests().length, 0, 'a slot from before the change is not caught up');
    await tickAt(clock, scheduler, bot, '2026-06-15T08:00:00Z');
    assert.equal(digests().length, 1);
  });

  it('does not send at once for a slot that passed before the schedule was set', async () => {
    clock = fakeDate('2026-06-08T09:00:00Z'); // Monday 10:00
    await replyOf('schedule digest weekly monday 09:30');
    await tickAt(clock, scheduler, bot, '2026-06-08T09:01:00Z');
    assert.equal(digests().length, 0);
  });

  it('says in quiet time when the report will go out', async () => {
    clock = fakeDate('2026-06-08T10:00:00Z');
    assert.match(await replyOf('schedule digest weekly thursday 19:00'), /every Thursday at 19:00 \(Europe\/London time\)\. That falls in quiet time, so the next one goes out when it ends, on Friday 12 June at 08:00\./);
  });

  it('explains what it cannot read, and changes nothing', async () => {
    const tries: [string, RegExp][] = [
      ['schedule digest weekly saturday 10:00', /go out on weekdays: choose a day from Monday to Friday/],
      ['schedule digest weekly friday 25:00', /“25:00” is not a time I can use: give a 24-hour time from 00:00 to 23:59/],
      ['schedule digest sometimes friday 16:00', /I could not read “sometimes” there\. Say how often \(weekly, fortnightly or monthly\), the day and the time/],
      ['schedule digest weekly 16:00', /Say which day the digest goes out, from Monday to Friday/],
      ['schedule digest monthly friday', /Say what time the digest goes out, as a 24-hour time such as 09:00/],
      ['schedule summary', /Say when the summary goes out\. For example/],
      ['schedule digest off friday', /off\W* goes on its own/],
      ['schedule next week', /I can set when the \W*summary\W* or the \W*digest\W* goes out/],
    ];
    for (const [text, expected] of tries) assert.match(await replyOf(text), expected, text);
    const pressed = cardText(await bot.press(people.chair, 'schedule.set', { cv: 1, forumId: '', report: 'digest', repeat: 'weekly', weekday: '5', time: '25:00' }));
    assert.match(pressed, /Report schedules[\s\S]*Choose the time it goes out, e\.g\. 09:00\./);
    const refused = cardText(await bot.press(people.chair, 'schedule.set', { cv: 1, forumId: 'no-such-forum', report: 'summary', repeat: 'off' }));
    assert.match(refused, /That forum is not registered any more/);

    assert.equal(await bot.store.getSetting(scheduleKey('digest', network)), null);
    assert.equal(await bot.store.getSetting(scheduleKey('summary', network)), null);
    const audit = await bot.store.listAudit(network, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    assert.deepEqual(audit.filter((e) => e.act.startsWith('schedule')), []);
    assert.match(await replyOf('schedule'), /Chairs’ digest[\s\S]*Every Monday at 09:00 \(Techvoice’s default\)/);
  });
});
