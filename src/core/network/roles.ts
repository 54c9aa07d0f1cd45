import { card, CARD_VERSION, NO_NOTICE, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import type { Role } from '../model';
import type { Session } from '../session';
import type { RolesSetInput } from './inputs';
import { plain } from '../markdown';

const GRANTABLE: { role: Role; title: string }[] = [
  { role: 'chair', title: 'Forum chair' },
  { role: 'owner', title: 'Action owner' },
  { role: 'admin', title: 'Admin' },
];

export const ROLE_CHANGES = [
  { title: 'Give the ticked roles (keeps the others)', value: 'add' },
  { title: 'Take the ticked roles away', value: 'remove' },
];

export interface RolesValues {
  member: string;
  roles: string;
  email: string;
  change?: string;
}

const extraRoles = (roles: readonly Role[]): Role[] => roles.filter((r) => r !== 'member');

export async function rolesCard(deps: CoreDeps, session: Session, notice = '', error = '', values: RolesValues = { member: '', roles: '', email: '' }): Promise<Card> {
  const members = (await deps.store.listMembers(session.network.id)).sort((a, b) => a.name.localeCompare(b.name));
  const label = (name: string, platform: string, email: string | null) => `${name} (${platform}${email ? `, ${email}` : ''})`;
  const withRoles = (roles: readonly Role[]) => `: ${extraRoles(roles).join(', ') || 'member only'}`;
  return card('roles', {
    ...NO_NOTICE,
    notice,
    error,
    cv: CARD_VERSION,
    people: members
      .filter((m) => m.roles.some((r) => r !== 'member'))
      .map((m) => ({ name: plain(label(m.name, m.platform, m.email)), roles: m.roles.filter((r) => r !== 'member').join(', ') })),
    members: members.map((m) => ({ title: label(m.name, m.platform, m.email) + withRoles(m.roles), value: m.id })),
    roles: GRANTABLE.map((g) => ({ title: g.title, value: g.role })),
    changes: ROLE_CHANGES,
    values: { ...values, change: values.change || 'add' },
  });
}

export async function setRoles(deps: CoreDeps, session: Session, input: RolesSetInput): Promise<Card> {
  const target = await deps.store.getMember(session.network.id, input.member);
  if (!target) throw new UserError('That person is not in your network. They need to say hello to Techvoice first.');
  const unknown = input.roles.filter((r) => !GRANTABLE.some((g) => g.role === r));
  if (unknown.length) throw new UserError(`Unknown role: ${unknown.join(', ')}.`);
  // Adding never takes a role away: the card cannot show the chosen person's roles before saving.
  const kept = (role: Role) => (input.change === 'remove' ? target.roles.includes(role) && !input.roles.includes(role) : target.roles.includes(role) || input.roles.includes(role));
  const roles = ['member', ...GRANTABLE.map((g) => g.role).filter(kept)] as Role[];
  if (target.id === session.member.id && target.roles.includes('admin') && !roles.includes('admin')) {
    return rolesCard(deps, session, '', 'You cannot remove your own admin role. Ask another admin.');
  }
  await deps.store.upsertMember({ ...target, roles, email: input.email || target.email });
  const granted = roles.filter((r) => r !== 'member');
  return rolesCard(deps, session, `Saved: ${plain(target.name)} is ${granted.length ? granted.join(', ') : 'a member with no extra roles'}.`);
}
