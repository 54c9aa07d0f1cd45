import { SlackHarness, type View } from './slack-harness';
import { SLACK_TEAM, type SlackUser } from './fake-slack';
import type { Member } from '../../src/core/model';

/** People of a Slack test network: an admin (from TECHVOICE_ADMINS), a chair, owners and members. */
export const slackPeople = {
  admin: { id: 'U0ADAADMIN', name: 'Ada Admin', email: 'ada.admin@example.ac.uk' },
  chair: { id: 'U0CHRISCHAIR', name: 'Chris Chair', email: 'forum.chair@example.ac.uk' },
  owner: { id: 'U0OLUOWNER', name: 'Olu Owner', email: 'outreach.lead@example.ac.uk' },
  otherOwner: { id: 'U0PRIYAOWNER', name: 'Priya Owner', email: 'hr.partner@example.ac.uk' },
  member: { id: 'U0MOMEMBER', name: 'Mo Member', email: 'mo.member@example.ac.uk' },
} satisfies Record<string, SlackUser>;

export async function slackNetworkId(h: SlackHarness): Promise<string> {
  const link = await h.store.findWorkspace('slack', SLACK_TEAM);
  if (!link) throw new Error('no Slack network yet');
  return link.networkId;
}

export async function slackMember(h: SlackHarness, who: SlackUser): Promise<Member> {
  const member = await h.store.findMember(await slackNetworkId(h), 'slack', who.id);
  if (!member) throw new Error(`${who.name} has not talked to the bot`);
  return member;
}

/** Opens a modal with a slash command and returns it. */
export async function openModal(h: SlackHarness, who: SlackUser, text: string): Promise<View> {
  const before = h.slack.callsOf('views.open').length;
  await h.command(who, text);
  return h.modal(before + 1);
}

/** Everyone says hello in their DM (so they are known), then the admin makes the chair a chair. */
export async function startSlackWorld(env: Record<string, string> = {}): Promise<SlackHarness> {
  const h = await SlackHarness.start({ TECHVOICE_ADMINS: slackPeople.admin.id, ...env });
  for (const person of Object.values(slackPeople)) {
    h.slack.addUser(person);
    await h.after(() => h.command(person, 'help'));
  }
  const chair = await slackMember(h, slackPeople.chair);
  const roles = await openModal(h, slackPeople.admin, 'roles');
  const { response } = await h.submit(slackPeople.admin, roles, { member: chair.id, roles: ['chair'] });
  if (response.response_action !== 'update') throw new Error('roles were not saved');
  return h;
}
