import { card, CARD_VERSION, NO_NOTICE, type Card } from './cards';
import type { CoreDeps } from './deps';
import { UserError } from './errors';
import type { Role } from './model';
import type { Session } from './session';
import type { Submission } from './submissions';
import { plain } from './markdown';

const GRANTABLE: { role: Role; title: string }[] = [
  { role: 'chair', title: 'Forum chair' },
  { role: 'owner', title: 'Action owner' },
  { role: 'admin', title: 'Admin' },
];

export async function rolesCard(deps: CoreDeps, session: Session, notice = '', error = '', values = { member: '', roles: '', email: '' }): Promise<Card> {
  const members = (await deps.store.listMembers(session.network.id)).sort((a, b) => a.name.localeCompare(b.name));
  const label = (name: string, platform: string, email: string | null) => `${name} (${platform}${email ? `, ${email}` : ''})`;
  return card('roles', {
    ...NO_NOTICE,
    notice,
    error,
    cv: CARD_VERSION,
    people: members
      .filter((m) => m.roles.some((r) => r !== 'member'))
      .map((m) => ({ name: plain(label(m.name, m.platform, m.email)), roles: m.roles.filter((r) => r !== 'member').join(', ') })),
    members: members.map((m) => ({ title: label(m.name, m.platform, m.email), value: m.id })),
    roles: GRANTABLE.map((g) => ({ title: g.title, value: g.role })),
    values,
  });
}

export async function setRoles(deps: CoreDeps, session: Session, input: Submission<'roles.set'>): Promise<Card> {
  const target = await deps.store.getMember(session.network.id, input.member);
  if (!target) throw new UserError('That person is not in your network. They need to say hello to Techvoice first.');
  const unknown = input.roles.filter((r) => !GRANTABLE.some((g) => g.role === r));
  if (unknown.length) throw new UserError(`Unknown role: ${unknown.join(', ')}.`);
  if (target.id === session.member.id && target.roles.includes('admin') && !input.roles.includes('admin')) {
    return rolesCard(deps, session, '', 'You cannot remove your own admin role. Ask another admin.');
  }
  const roles = ['member', ...GRANTABLE.map((g) => g.role).filter((r) => input.roles.includes(r))] as Role[];
  await deps.store.upsertMember({ ...target, roles, email: input.email || target.email });
  const granted = roles.filter((r) => r !== 'member');
  return rolesCard(deps, session, `Saved: ${plain(target.name)} is ${granted.length ? granted.join(', ') : 'a member with no extra roles'}.`);
}
