import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BotHarness } from './bot-harness';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import { TENANT, user, type TeamsUser } from './teams-activities';
import type { Member } from '../../src/core/model';

/** People of a test network: an admin (from TECHVOICE_ADMINS), a chair, owners and members. */
export const people = {
  admin: user('Ada Admin'),
  chair: user('Chris Chair'),
  owner: user('Olu Owner'),
  otherOwner: user('Priya Owner'),
  member: user('Mo Member'),
};

export const emails: Record<string, string> = {
  [people.owner.id]: 'outreach.lead@example.ac.uk',
  [people.otherOwner.id]: 'hr.partner@example.ac.uk',
  [people.chair.id]: 'forum.chair@example.ac.uk',
  [people.member.id]: 'mo.member@example.ac.uk',
  [people.admin.id]: 'ada.admin@example.ac.uk',
};

export async function networkId(bot: BotHarness): Promise<string> {
  const link = await bot.store.findWorkspace('teams', TENANT);
  if (!link) throw new Error('no network yet');
  return link.networkId;
}

export async function memberOf(bot: BotHarness, who: TeamsUser): Promise<Member> {
  const member = await bot.store.findMember(await networkId(bot), 'teams', who.id);
  if (!member) throw new Error(`${who.name} has not talked to the bot`);
  return member;
}

/** Everyone says hello (so they are known), then the admin makes the chair a chair. */
export async function startWorld(env: Record<string, string> = {}): Promise<BotHarness> {
  const bot = await BotHarness.start(env);
  for (const person of Object.values(people)) {
    bot.connector.addUser({ id: person.id, name: person.name, email: emails[person.id] });
    await bot.say(person, 'hello');
  }
  const chair = await memberOf(bot, people.chair);
  await bot.press(people.admin, 'roles.set', { cv: 1, member: chair.id, roles: 'chair', email: '' });
  return bot;
}

/** The same people, with the sample action plan (test/fixtures/action-plan.csv) imported. */
export async function startWorldWithPlan(env: Record<string, string> = {}): Promise<BotHarness> {
  const bot = await startWorld(env);
  await importActionPlan(bot.store, await networkId(bot), readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8'), new Date().toISOString());
  return bot;
}
