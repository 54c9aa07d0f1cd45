import { defineAction, defineCommand } from '../interactions';
import { registerForum } from './forums';
import { rolesInputProblem, rolesSetInput } from './inputs';
import { rolesCard, setRoles } from './roles';

export const networkActions = [
  defineAction({
    verb: 'roles.set',
    input: rolesSetInput,
    who: 'admins',
    audit: ['member', 'roles'],
    run: setRoles,
    redraw: (deps, session, typed, error) =>
      rolesCard(deps, session, '', rolesInputProblem(error, session.language), { member: typed.member ?? '', roles: typed.roles ?? '', email: typed.email ?? '', change: typed.change ?? '' }),
  }),
];

export const networkCommands = [
  defineCommand({ name: 'roles', cy: { name: 'rolau', help: 'Rhoi rôl cadeirydd, perchennog cam gweithredu neu weinyddwr i bobl' }, help: 'Give people the chair, action owner or admin role', who: 'admins', run: async (deps, session) => ({ card: await rolesCard(deps, session) }) }),
  defineCommand({
    name: 'forum',
    cy: { name: 'fforwm', usage: 'fforwm [enw]', help: 'Cofrestru’r sianel hon fel fforwm' },
    usage: 'forum [name]',
    help: 'Register this channel as a forum',
    who: 'admins',
    audited: true,
    run: async (deps, session, args) => {
      const { text, forum } = await registerForum(deps, session, args.trim());
      return { text, auditDetail: forum.name };
    },
  }),
];
