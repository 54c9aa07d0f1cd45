import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText, forum, optionsOf } from '../support/slack-harness';
import { openModal, slackMember, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';

describe('Slack: roles, forums and summaries', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
  });
  afterEach(async () => {
    await h.close();
  });

  it('gives a Slack admin (from TECHVOICE_ADMINS) a roles modal listing every known person', async () => {
    const view = await openModal(h, slackPeople.admin, 'roles');
    assert.equal(optionsOf(view.blocks, 'member').length, Object.keys(slackPeople).length);
    assert.deepEqual(optionsOf(view.blocks, 'roles'), ['chair', 'owner', 'admin']);
    assert.match(blocksText(view.blocks), /Chris Chair \(slack, forum\.chair@example\.ac\.uk\)\*?\s+chair/);
  });

  it('lets an admin make someone an action owner with the e-mail their actions are under', async () => {
    const mo = await slackMember(h, slackPeople.member);
    const view = await openModal(h, slackPeople.admin, 'roles');
    const { response } = await h.submit(slackPeople.admin, view, { member: mo.id, roles: ['owner'], email: 'events.lead@example.ac.uk' });
    assert.match(blocksText(response.view?.blocks), /Saved: Mo Member is owner/);
    const updated = await slackMember(h, slackPeople.member);
    assert.deepEqual(updated.roles, ['member', 'owner']);
    assert.equal(updated.email, 'events.lead@example.ac.uk');
  });

  it('refuses roles to non-admins, including chairs, and changes nothing', async () => {
    for (const who of [slackPeople.member, slackPeople.chair]) {
      const reply = await h.after(() => h.command(who, 'roles'));
      assert.match(reply.text, /Only admins can do that/);
    }
    const view = await openModal(h, slackPeople.admin, 'roles');
    const mo = await slackMember(h, slackPeople.member);
    const { response } = await h.submit(slackPeople.chair, view, { member: mo.id, roles: ['admin'] });
    assert.match(blocksText(response.view?.blocks), /Only admins can do that/);
    assert.deepEqual((await slackMember(h, slackPeople.member)).roles, ['member']);
  });

  it('refuses a bad e-mail and does not let an admin remove their own admin role', async () => {
    const view = await openModal(h, slackPeople.admin, 'roles');
    const mo = await slackMember(h, slackPeople.member);
    const { response: bad } = await h.submit(slackPeople.admin, view, { member: mo.id, roles: ['owner'], email: 'not-an-email' });
    assert.match(blocksText(bad.view?.blocks), /does not look right/);
    const admin = await slackMember(h, slackPeople.admin);
    const { response: self } = await h.submit(slackPeople.admin, view, { member: admin.id, roles: ['admin'], change: 'remove' });
    assert.match(blocksText(self.view?.blocks), /cannot remove your own admin role/);
    assert.ok((await slackMember(h, slackPeople.admin)).roles.includes('admin'));
  });

  it('lets an admin register a channel as a forum, and explains where it works', async () => {
    const registered = await h.after(() => h.command(slackPeople.admin, "forum Technicians' Network", forum()));
    assert.match(registered.text, /now the forum “Technicians' Network”/);
    const forums = await h.store.listForums(await slackNetworkId(h));
    assert.equal(forums.length, 1);
    assert.equal(forums[0].address, forum().channelId);
    assert.match((await h.after(() => h.command(slackPeople.admin, 'forum'))).text, /in the channel you want to register/);
    assert.match((await h.after(() => h.command(slackPeople.chair, 'forum', forum('C0OTHER', 'other')))).text, /Only admins/);
    assert.equal((await h.store.listForums(await slackNetworkId(h))).length, 1);
  });

  it('shares a chair’s summary in the forum channel and refuses members and bad day counts', async () => {
    await h.after(() => h.command(slackPeople.admin, "forum Technical Leaders' Forum", forum()));
    const view = await openModal(h, slackPeople.member, 'feedback');
    await h.submit(slackPeople.member, view, { theme: 'Recognition', text: 'Idea' });
    const summary = await h.after(() => h.command(slackPeople.chair, 'summary', forum()));
    assert.equal(summary.ephemeral, false);
    assert.match(blocksText(summary.blocks), /Summary for Technical Leaders' Forum/);
    assert.ok(summary.blocks.length <= 50);
    assert.match((await h.after(() => h.command(slackPeople.member, 'summary', forum()))).text, /Only forum chairs/);
    assert.match((await h.after(() => h.command(slackPeople.chair, 'summary lots', forum()))).text, /whole number from 1 to 365/);
    assert.match(blocksText((await h.after(() => h.command(slackPeople.chair, 'summary 7', forum()))).blocks), /Last 7 days/);
  });

  it('shows admins the admin commands in help', async () => {
    assert.match(blocksText((await h.after(() => h.command(slackPeople.admin, 'help'))).blocks), /roles[\s\S]*forum/);
  });
});
