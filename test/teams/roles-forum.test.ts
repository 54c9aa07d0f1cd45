import { strict as assert } from 'node:assert';
import { startWorld, people, networkId, memberOf } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { cardText, inputChoiceTitles, inputChoices } from '../support/cards';
import { channel } from '../support/teams-activities';

describe('Teams: roles and forums', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('shows admins every known person and the roles they can give', async () => {
    const card = (await bot.say(people.admin, 'roles')).cards[0];
    assert.equal(inputChoices(card, 'member').length, Object.keys(people).length);
    assert.deepEqual(inputChoices(card, 'roles'), ['chair', 'owner', 'admin']);
    assert.match(cardText(card), /Chris Chair.*chair/);
  });

  it('lets an admin make someone an action owner with the e-mail their actions are under', async () => {
    const member = await memberOf(bot, people.member);
    const card = await bot.press(people.admin, 'roles.set', { cv: 1, member: member.id, roles: 'owner', email: 'Events.Lead@example.ac.uk' });
    assert.match(cardText(card), /Saved: Mo Member is owner/);
    const updated = await memberOf(bot, people.member);
    assert.deepEqual(updated.roles, ['member', 'owner']);
    assert.equal(updated.email, 'events.lead@example.ac.uk');
  });

  it('shows each person’s current roles where the admin chooses them, and adding a role keeps the others', async () => {
    const chair = await memberOf(bot, people.chair);
    await bot.press(people.admin, 'roles.set', { cv: 1, member: chair.id, roles: 'owner', email: '' });
    const card = (await bot.say(people.admin, 'roles')).cards[0];
    const choice = inputChoiceTitles(card, 'member').find((title) => title.startsWith('Chris Chair'));
    assert.match(choice ?? '', /Chris Chair .*: chair, owner$/, 'the person chooser says what roles they have now');

    const saved = await bot.press(people.admin, 'roles.set', { cv: 1, member: chair.id, roles: 'admin', email: '' });
    assert.match(cardText(saved), /Saved: Chris Chair is chair, owner, admin/);
    assert.deepEqual((await memberOf(bot, people.chair)).roles, ['member', 'chair', 'owner', 'admin'], 'ticking Admin keeps chair and owner');
  });

  it('takes away only the roles ticked when the admin chooses to remove', async () => {
    const chair = await memberOf(bot, people.chair);
    await bot.press(people.admin, 'roles.set', { cv: 1, member: chair.id, roles: 'owner', email: '' });
    const saved = await bot.press(people.admin, 'roles.set', { cv: 1, member: chair.id, roles: 'owner', change: 'remove', email: '' });
    assert.match(cardText(saved), /Saved: Chris Chair is chair/);
    assert.deepEqual((await memberOf(bot, people.chair)).roles, ['member', 'chair']);
  });

  it('refuses roles to non-admins, including chairs, and changes nothing', async () => {
    const member = await memberOf(bot, people.member);
    for (const who of [people.member, people.chair]) {
      const reply = await bot.say(who, 'roles');
      assert.match(reply.texts[0], /Only admins can do that/);
      const card = await bot.press(who, 'roles.set', { cv: 1, member: member.id, roles: 'admin' });
      assert.match(cardText(card), /Only admins can do that/);
    }
    assert.deepEqual((await memberOf(bot, people.member)).roles, ['member']);
  });

  it('refuses a bad e-mail and an unknown person', async () => {
    const member = await memberOf(bot, people.member);
    assert.match(cardText(await bot.press(people.admin, 'roles.set', { cv: 1, member: member.id, roles: 'owner', email: 'not-an-email' })), /does not look right/);
    assert.match(cardText(await bot.press(people.admin, 'roles.set', { cv: 1, member: 'm-unknown', roles: 'chair' })), /not in your network/);
    assert.deepEqual((await memberOf(bot, people.member)).roles, ['member']);
  });

  it('does not let an admin remove their own admin role', async () => {
    const admin = await memberOf(bot, people.admin);
    const card = await bot.press(people.admin, 'roles.set', { cv: 1, member: admin.id, roles: 'admin', change: 'remove' });
    assert.match(cardText(card), /cannot remove your own admin role/);
    assert.ok((await memberOf(bot, people.admin)).roles.includes('admin'));
  });

  it('renames a forum, says so, and audits the new name', async () => {
    const where = channel('19:tn@thread.tacv2', 'General');
    await bot.say(people.admin, 'forum Technicians Network', where);
    const renamed = await bot.say(people.admin, 'forum Technical Leaders Forum', where);
    assert.match(renamed.texts[0], /now the forum “Technical Leaders Forum” \(it was “Technicians Network”\)/);
    const forums = await bot.store.listForums(await networkId(bot));
    assert.deepEqual(forums.map((f) => f.name), ['Technical Leaders Forum']);
    const audit = await bot.store.listAudit(await networkId(bot), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    assert.match(audit.filter((e) => e.act === 'forum').pop()?.detail ?? '', /Technical Leaders Forum/);
  });

  it('lets an admin register a channel as a forum, and explains where it works', async () => {
    const reply = await bot.say(people.admin, "forum Technicians' Network", channel('19:tn@thread.tacv2', 'General'));
    assert.match(reply.texts[0], /now the forum “Technicians' Network”/);
    const again = await bot.say(people.admin, 'forum', channel('19:tn@thread.tacv2', 'General'));
    assert.match(again.texts[0], /still the forum “Technicians' Network”/, 'a bare forum keeps the name it has');
    const forums = await bot.store.listForums(await networkId(bot));
    assert.equal(forums.length, 1);
    assert.match((await bot.say(people.admin, 'forum')).texts[0], /in the channel you want to register/);
    assert.match((await bot.say(people.chair, 'forum', channel())).texts[0], /Only admins/);
    assert.equal((await bot.store.listForums(await networkId(bot))).length, 1);
  });

  it('shows admins the admin commands in help', async () => {
    const help = (await bot.say(people.admin, 'help')).cards[0];
    assert.match(cardText(help), /roles[\s\S]*forum/);
  });
});
