import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText } from '../support/slack-harness';
import type { BotHarness } from '../support/bot-harness';
import { people, emails, memberOf, networkId, startWorld } from '../support/teams-world';
import { actionFor, cardText } from '../support/cards';
import { channel, conversationIdOf, personal, user, type TeamsUser } from '../support/teams-activities';
import sinon from 'sinon';
import { respondentKey } from '../../src/core/identity';
import { sealClosedRounds } from '../../src/core/privacy/privacy';
import { openModal } from '../support/slack-world';
import { linkMosAccounts, moOnSlack, samOnSlack, startLinkedWorld } from '../support/linked-world';
import { dumpStore } from './store-dump';

const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function anonymousPulse(bot: BotHarness, kind = 'yesno'): Promise<string> {
  const list = (await bot.say(people.chair, 'pulse')).cards[0];
  const form = await bot.press(people.chair, 'pulse.new', actionFor(list, 'pulse.new').data);
  await bot.press(people.chair, 'pulse.create', {
    ...actionFor(form, 'pulse.create').data,
    text: 'Our induction prepared me for the lab', kind, choices: '', theme: 'Career Development', audience: 'members',
    closesDate: futureDate(7), closesTime: '17:00', anonymous: 'true',
  });
  const [round] = await bot.store.listRounds(await networkId(bot), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
  return round.id;
}

const answer = (bot: BotHarness, who: TeamsUser, roundId: string, value: string) => bot.press(who, 'pulse.answer', { cv: 1, roundId, answer: value });

describe('Disclosure: what a chair, an admin or a second account can learn', () => {
  let bot: BotHarness;
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  it('an admin who gives a stooge account the victim’s e-mail neither sees nor overwrites the victim’s answer, and aliases do not count twice', async () => {
    bot = await startWorld();
    const roundId = await anonymousPulse(bot);
    await answer(bot, people.member, roundId, 'no');
    const stooge = user('Stan Stooge');
    bot.connector.addUser({ id: stooge.id, name: stooge.name, email: 'stan@example.ac.uk' });
    await bot.say(stooge, 'hello');
    const stan = await memberOf(bot, stooge);
    const roles = await bot.press(people.admin, 'roles.set', { cv: 1, member: stan.id, roles: 'owner', email: emails[people.member.id] });
    assert.doesNotMatch(cardText(roles), /Sorry/);
    assert.equal((await memberOf(bot, stooge)).email, emails[people.member.id], 'the admin did set the e-mail');

    const opened = cardText(await bot.press(stooge, 'pulse.open', { cv: 1, roundId }));
    assert.doesNotMatch(opened, /You have answered/, 'the stooge is not the victim');
    const answered = cardText(await answer(bot, stooge, roundId, 'yes'));
    assert.match(answered, /Thanks: your answer \(Yes\) is in/, 'a new answer, not a change of the victim’s');
    const values = (await bot.store.listAnswers(roundId)).map((a) => a.value).sort();
    assert.deepEqual(values, ['no', 'yes'], 'the victim’s answer is untouched and the stooge counts on their own');
    const victim = cardText(await bot.press(people.member, 'pulse.open', { cv: 1, roundId }));
    assert.match(victim, /You have answered this one/);
  });

  it('seals a round once it has closed: with the database and the server key, nobody can tell any more which answer was whose', async () => {
    bot = await startWorld();
    const roundId = await anonymousPulse(bot);
    const voters = [people.member, people.owner, people.otherOwner];
    for (const who of voters) await answer(bot, who, roundId, 'yes');
    const network = await networkId(bot);
    const members = await bot.store.listMembers(network);
    const linkable = async () => {
      const round = (await bot.app.core.deps.store.getRound(roundId))!;
      const keys = new Set((await bot.store.listAnswers(roundId)).map((a) => a.respondentKey));
      // What someone holding the database and the key would try: every member's key for the round.
      return members.filter((m) => {
        const key = respondentKey('test-secret', round, m);
        return key !== null && keys.has(key);
      }).length;
    };
    assert.equal(await linkable(), 3, 'while the round is open the key still tells (the documented limit)');

    const round = (await bot.store.getRound(roundId))!;
    sinon.useFakeTimers({ now: Date.parse(round.closesAt) + 60_000, shouldAdvanceTime: true, toFake: ['Date'] });
    assert.equal(await sealClosedRounds(bot.store, (await bot.store.getNetwork(network))!), 1);
    assert.equal(await linkable(), 0, 'once sealed, no member’s key matches any answer');
    assert.equal((await bot.store.listAnswers(roundId)).length, 3, 'the answers themselves are kept');
    const opened = cardText(await bot.press(people.member, 'pulse.open', { cv: 1, roundId }));
    assert.doesNotMatch(opened, /You have answered/, 'not even the person’s own answer can be found');
  });

  it('lists free-text answers in an order that says nothing about who answered when', async () => {
    bot = await startWorld();
    const roundId = await anonymousPulse(bot, 'text');
    const sid = user('Sid Sixth');
    bot.connector.addUser({ id: sid.id, name: sid.name });
    await bot.say(sid, 'hello');
    const given = ['Zebrafish room needs a second person', 'More time for training', 'Apprenticeships', 'Clearer promotion criteria', 'Bench space'];
    const respondents = [people.member, people.owner, people.otherOwner, people.admin, sid];
    for (const [i, who] of respondents.entries()) await answer(bot, who, roundId, given[i]);
    await bot.app.store.getRound(roundId).then(async (round) => {
      const sinon = await import('sinon');
      sinon.useFakeTimers({ now: Date.parse(round!.closesAt) + 60_000, shouldAdvanceTime: true, toFake: ['Date'] });
    });
    try {
      const shown = cardText(await bot.press(people.chair, 'pulse.results', { cv: 1, roundId }));
      const positions = given.map((text) => shown.indexOf(text));
      assert.ok(positions.every((p) => p >= 0), shown);
      assert.deepEqual([...given].sort((a, b) => shown.indexOf(a) - shown.indexOf(b)), [...given].sort((a, b) => a.localeCompare(b, 'en-GB')));
    } finally {
      (await import('sinon')).restore();
    }
  });

  it('sends “my data” asked for in a channel to the person’s private chat, and tells the channel only that', async () => {
    bot = await startWorld();
    const reply = await bot.say(people.member, 'my data', channel());
    assert.equal(reply.cards.length, 0, 'no card in the channel');
    assert.match(reply.texts.join('\n'), /sent it to you in a private chat/);
    assert.doesNotMatch(JSON.stringify(reply), new RegExp(emails[people.member.id]));
    await bot.app.outbox.drain();
    const privately = bot.connector.cardsIn(conversationIdOf(people.member, personal)).map((c) => cardText(c as never));
    assert.ok(privately.some((text) => text.includes('What Techvoice holds about you') && text.includes(emails[people.member.id])), 'the card reached the private chat');
  });
});

describe('Disclosure across platforms', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startLinkedWorld();
  });
  afterEach(async () => h.close());

  it('joins two accounts only with a code from the other platform, once, and refuses a wrong, reused or same-platform code', async () => {
    const [codeText] = (await h.bot.say(people.member, 'link')).texts;
    const code = /\*\*([A-Z0-9]{4}-[A-Z0-9]{4})\*\*/.exec(codeText)![1];
    assert.match(codeText, /type \*\*link .+\*\* to Techvoice on Slack/);
    assert.match((await h.bot.say(people.owner, `link ${code}`)).texts.join('\n'), /on your other platform, not on Teams/);
    const wrong = await h.after(() => h.command(samOnSlack, 'link ABCD-EFGH'));
    assert.match(blocksText(wrong.blocks) + (wrong.text ?? ''), /not one I know, or it has expired/);
    const used = await h.after(() => h.command(moOnSlack, `link ${code.toLowerCase()}`));
    assert.match(blocksText(used.blocks) + (used.text ?? ''), /Teams and Slack accounts are now one person/);
    const again = await h.after(() => h.command(samOnSlack, `link ${code}`));
    assert.match(blocksText(again.blocks) + (again.text ?? ''), /not one I know/, 'a code works once');
    const network = await networkId(h.bot);
    const sam = await h.store.findMember(network, 'slack', samOnSlack.id);
    assert.equal(sam!.linkedPerson, null, 'Sam is nobody else');
  });

  it('forgets a person’s link and outstanding code along with them', async () => {
    await linkMosAccounts(h);
    const network = await networkId(h.bot);
    const moOnTeams = await memberOf(h.bot, people.member);
    await h.bot.say(people.member, 'link'); // a second code, never used
    const confirm = (await h.bot.say(people.member, 'forget me')).cards[0];
    await h.bot.press(people.member, 'privacy.forget', actionFor(confirm, 'privacy.forget').data);
    assert.equal((await h.store.findMember(network, 'slack', moOnSlack.id))!.linkedPerson, null, 'the Slack account no longer points at the forgotten one');
    const left = (await dumpStore(h.bot.cliEnv)).filter((r) => r.text.includes(moOnTeams.id) || r.text.includes(people.member.aadObjectId));
    assert.deepEqual(left.map((r) => r.table), []);
  });

  it('keeps a Slack member to one answer when their profile e-mail changes', async () => {
    const roundId = await anonymousPulse(h.bot);
    await h.bot.app.outbox.drain();
    const press = async () => {
      const list = await h.after(() => h.command(samOnSlack, 'pulse'));
      const question = await h.after(() => h.press(samOnSlack, list, 'pulse.open'));
      return h.after(() => h.press(samOnSlack, question, 'pulse.answer', { answer: 'yes' }));
    };
    await press();
    h.slack.addUser({ ...samOnSlack, email: 'sam.new-address@example.ac.uk' });
    const second = await press();
    assert.match(blocksText(second.blocks), /Your answer is now Yes\. It still counts once/);
    assert.equal((await h.store.listAnswers(roundId)).length, 1);
  });

  it('withholds feedback counts split by platform when a platform has fewer than the threshold', async () => {
    const form = (await h.bot.say(people.member, 'feedback')).cards[0];
    for (let i = 0; i < 5; i++) {
      await h.bot.press(people.member, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, formId: `f-${i}`, theme: 'Recognition', text: `Teams idea ${i}`, anonymous: 'true' });
    }
    const view = await openModal(h, samOnSlack, 'feedback');
    await h.submit(samOnSlack, view, { theme: 'Recognition', text: 'The one idea from Slack' });
    await h.bot.say(people.admin, 'forum', channel());
    const whole = cardText((await h.bot.say(people.chair, 'summary 1', channel())).cards[0]);
    assert.match(whole, /Feedback: 6 items/);
    for (const platform of ['slack', 'teams']) {
      const split = cardText((await h.bot.say(people.chair, `summary 1 ${platform}`, channel())).cards[0]);
      assert.match(split, /Feedback: withheld: a split by platform would show a group under 5/, platform);
      assert.doesNotMatch(split, /Feedback: [15] item/, platform);
    }
  });
});
