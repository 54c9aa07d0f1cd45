import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText, dm } from '../support/slack-harness';
import { ADMIN_AAD } from '../support/bot-harness';
import { people, emails, memberOf, networkId } from '../support/teams-world';
import { actionFor, cardText } from '../support/cards';
import { runCli } from '../../src/cli';
import { SLACK_TEAM, type SlackUser } from '../support/fake-slack';
import { linkMosAccounts } from '../support/linked-world';

const QUESTION = 'I feel my work is recognised';
const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The same person as people.member on Teams (they link the accounts with a code), and someone only on Slack. */
const moOnSlack: SlackUser = { id: 'U0MOMEMBER', name: 'Mo Member', email: emails[people.member.id] };
const samOnSlack: SlackUser = { id: 'U0SAMSLACK', name: 'Sam Slack', email: 'sam.slack@example.ac.uk' };

async function cli(h: SlackHarness, args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, h.bot.cliEnv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('Slack and Teams in one network', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await SlackHarness.start({ TECHVOICE_ADMINS: ADMIN_AAD });
    for (const person of Object.values(people)) {
      h.bot.connector.addUser({ id: person.id, name: person.name, email: emails[person.id] });
      await h.bot.say(person, 'hello');
    }
    const chair = await memberOf(h.bot, people.chair);
    await h.bot.press(people.admin, 'roles.set', { cv: 1, member: chair.id, roles: 'chair', email: '' });
    h.slack.addUser(moOnSlack);
    h.slack.addUser(samOnSlack);
  });
  afterEach(async () => {
    await h.close();
  });

  it('links a Slack workspace to a Teams network with the CLI, and explains mistakes', async () => {
    const id = await networkId(h.bot);
    assert.equal((await cli(h, ['link', '--network', id])).code, 2);
    assert.match((await cli(h, ['link', '--network', id, '--slack-team', 'nope'])).err.join('\n'), /not a Slack team id/);
    assert.match((await cli(h, ['link', '--network', 'n-unknown', '--slack-team', SLACK_TEAM])).err.join('\n'), /No network with id n-unknown/);
    const linked = await cli(h, ['link', '--network', id, '--slack-team', SLACK_TEAM]);
    assert.equal(linked.code, 0, linked.err.join('\n'));
    assert.match(linked.out.join('\n'), /Linked Slack workspace T0TECHNET/);
    await h.after(() => h.command(samOnSlack, 'help'));
    assert.equal((await h.store.listNetworks()).length, 1, 'Slack people join the Teams network');
    assert.ok(await h.store.findMember(id, 'slack', samOnSlack.id));
    const networks = await cli(h, ['networks']);
    assert.match(networks.out.join('\n'), /teams:tenant-uni-1.*slack:T0TECHNET|slack:T0TECHNET.*teams:tenant-uni-1/);
  });

  it('sends one pulse round to both platforms and counts both platforms’ answers together, a person with both accounts once', async () => {
    const id = await networkId(h.bot);
    assert.equal((await cli(h, ['link', '--network', id, '--slack-team', SLACK_TEAM])).code, 0);
    for (const person of [moOnSlack, samOnSlack]) await h.after(() => h.command(person, 'help'));
    // The same e-mail proves nothing; Mo shows a code on Teams and types it on Slack.
    await linkMosAccounts(h);

    const list = (await h.bot.say(people.chair, 'pulse')).cards[0];
    const form = await h.bot.press(people.chair, 'pulse.new', actionFor(list, 'pulse.new').data);
    await h.bot.press(people.chair, 'pulse.create', {
      ...actionFor(form, 'pulse.create').data,
      text: QUESTION,
      kind: 'yesno',
      choices: '',
      theme: 'Recognition',
      audience: 'members',
      closesDate: futureDate(7),
      closesTime: '17:00',
      anonymous: 'true',
    });
    await h.bot.app.outbox.drain();

    // Sam is only on Slack: the round reaches Sam's Slack DM.
    const samsCard = await h.shownIn(dm(samOnSlack).channelId, QUESTION);
    const [round] = await h.store.listRounds(id, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    assert.equal(round.askedCount, 6, 'five Teams people and Sam: Mo is asked once');
    const mosCards = h.shown().filter((m) => m.channel === dm(moOnSlack).channelId && blocksText(m.blocks).includes(QUESTION));
    assert.equal(mosCards.length, 0, 'Mo is asked on Teams, not a second time on Slack');

    await h.after(() => h.press(samOnSlack, samsCard, 'pulse.answer', { answer: 'yes' }));
    await h.bot.press(people.owner, 'pulse.answer', { cv: 1, roundId: round.id, answer: 'no' });
    await h.bot.press(people.member, 'pulse.answer', { cv: 1, roundId: round.id, answer: 'no' });
    // Mo answers again from Slack: it changes Mo's answer, it does not add one.
    const moList = await h.after(() => h.command(moOnSlack, 'pulse'));
    const moQuestion = await h.after(() => h.press(moOnSlack, moList, 'pulse.open'));
    assert.match(blocksText(moQuestion.blocks), /You have answered this one/);
    const changed = await h.after(() => h.press(moOnSlack, moQuestion, 'pulse.answer', { answer: 'yes' }));
    assert.match(blocksText(changed.blocks), /Your answer is now Yes\. It still counts once/);

    const answers = await h.store.listAnswers(round.id);
    assert.equal(answers.length, 3);
    assert.deepEqual(answers.map((a) => a.platform).sort(), ['slack', 'slack', 'teams']);
    assert.deepEqual(answers.map((a) => a.value).sort(), ['no', 'yes', 'yes']);

    const summary = (await h.bot.say(people.chair, 'summary')).cards[0];
    assert.match(cardText(summary), /P-1\*\* I feel my work is recognised \(Recognition\)\s+3 answers of 6 asked/);
  });
});
