import { card, CARD_VERSION, NO_NOTICE, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import type { Role } from '../model';
import type { Session } from '../session';
import type { RolesSetInput } from './inputs';
import { plain } from '../markdown';
import type { Language } from '../i18n/language';
import { networkText } from './text';

const GRANTABLE = [
  { role: 'chair', title: 'chairTitle' },
  { role: 'owner', title: 'ownerTitle' },
  { role: 'admin', title: 'adminTitle' },
] as const satisfies readonly { role: Role; title: string }[];

/** Giving or taking away the ticked roles, as the card offers it. */
export const roleChanges = (language: Language) => [
  { title: networkText(language).giveRoles, value: 'add' },
  { title: networkText(language).takeRoles, value: 'remove' },
];

export const ROLE_CHANGES = roleChanges('en');

/** "chair, admin" ("cadeirydd, gweinyddwr"): roles as people read them. */
const roleNames = (roles: readonly Role[], language: Language): string => roles.map((r) => networkText(language)[r]).join(', ');

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
  const { language } = session;
  const say = networkText(language);
  const withRoles = (roles: readonly Role[]) => `: ${roleNames(extraRoles(roles), language) || say.memberOnly}`;
  const built = card('roles', {
    ...NO_NOTICE,
    notice,
    error,
    cv: CARD_VERSION,
    people: members
      .filter((m) => m.roles.some((r) => r !== 'member'))
      .map((m) => ({ name: plain(label(m.name, m.platform, m.email)), roles: roleNames(extraRoles(m.roles), language) })),
    members: members.map((m) => ({ title: label(m.name, m.platform, m.email) + withRoles(m.roles), value: m.id })),
    roles: GRANTABLE.map((g) => ({ title: say[g.title], value: g.role })),
    changes: roleChanges(language),
    values: { ...values, change: values.change || 'add' },
  });
  return { ...built, language };
}

export async function setRoles(deps: CoreDeps, session: Session, input: RolesSetInput): Promise<Card> {
  const target = await deps.store.getMember(session.network.id, input.member);
  const say = networkText(session.language);
  if (!target) throw new UserError((language) => networkText(language).notInNetwork);
  const unknown = input.roles.filter((r) => !GRANTABLE.some((g) => g.role === r));
  if (unknown.length) throw new UserError((language) => networkText(language).unknownRole(plain(unknown.join(', '))));
  // Adding never takes a role away: the card cannot show the chosen person's roles before saving.
  const kept = (role: Role) => (input.change === 'remove' ? target.roles.includes(role) && !input.roles.includes(role) : target.roles.includes(role) || input.roles.includes(role));
  const roles = ['member', ...GRANTABLE.map((g) => g.role).filter(kept)] as Role[];
  if (target.id === session.member.id && target.roles.includes('admin') && !roles.includes('admin')) {
    return rolesCard(deps, session, '', say.ownAdmin);
  }
  await deps.store.upsertMember({ ...target, roles, email: input.email || target.email });
  const granted = roles.filter((r) => r !== 'member');
  return rolesCard(deps, session, say.saved(plain(target.name), granted.length ? roleNames(granted, session.language) : say.noExtraRoles));
}
