import { strict as assert } from 'node:assert';
import { SlackHarness } from './slack-harness';
import { ADMIN_AAD } from './bot-harness';
import { emails, memberOf, networkId, people } from './teams-world';
import { SLACK_TEAM, type SlackUser } from './fake-slack';
import { runCli } from '../../src/cli';

/** The member of the Teams world on Slack too (same e-mail, which proves nothing), and someone only on Slack. */
export const moOnSlack: SlackUser = { id: 'U0MOMEMBER', name: 'Mo Member', email: emails[people.member.id] };
export const samOnSlack: SlackUser = { id: 'U0SAMSLACK', name: 'Sam Slack', email: 'sam.slack@example.ac.uk' };

/**
 * The Teams world (everyone said hello, the chair is a chair) with a Slack workspace linked to
 * its network and Mo and Sam known on Slack. `log` receives the server's log lines.
 */
export async function startLinkedWorld(env: Record<string, string> = {}, log?: { write(line: string): void }): Promise<SlackHarness> {
  const h = await SlackHarness.start({ TECHVOICE_ADMINS: ADMIN_AAD, ...env }, log);
  for (const person of Object.values(people)) {
    h.bot.connector.addUser({ id: person.id, name: person.name, email: emails[person.id] });
    await h.bot.say(person, 'hello');
  }
  const chair = await memberOf(h.bot, people.chair);
  await h.bot.press(people.admin, 'roles.set', { cv: 1, member: chair.id, roles: 'chair', email: '' });
  const out: string[] = [];
  const linked = await runCli(['link', '--network', await networkId(h.bot), '--slack-team', SLACK_TEAM], h.bot.cliEnv, { out: (l) => out.push(l), err: (l) => out.push(l) });
  assert.equal(linked, 0, out.join('\n'));
  for (const person of [moOnSlack, samOnSlack]) {
    h.slack.addUser(person);
    await h.after(() => h.command(person, 'help'));
  }
  return h;
}

/** Mo proves both accounts are theirs: a one-time code shown on Teams, typed on Slack. */
export async function linkMosAccounts(h: SlackHarness): Promise<void> {
  const [codeText] = (await h.bot.say(people.member, 'link')).texts;
  const code = /\*\*([A-Z0-9]{4}-[A-Z0-9]{4})\*\*/.exec(codeText)![1];
  await h.after(() => h.command(moOnSlack, `link ${code}`));
}
