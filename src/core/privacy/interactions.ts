import { UserError } from '../errors';
import { defineAction, defineCommand } from '../interactions';
import { linkAccounts } from './account-link';
import { privacyForgetInput } from './inputs';
import { privacyText } from './text';
import { auditCard, forgetConfirm, forgetMe, myData } from './privacy';

function parseDays(args: string): number {
  const days = args.trim() === '' ? 30 : Number(args.trim());
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UserError((language) => privacyText(language).daysUsage);
  return days;
}

export const privacyActions = [defineAction({ verb: 'privacy.forget', input: privacyForgetInput, who: 'everyone', run: (deps, session) => forgetMe(deps, session) })];

/** `my data` and `link` are for the person alone: asked for in a channel, they go to a private chat. */
export const privacyCommands = [
  defineCommand({
    name: 'audit',
    cy: { name: 'archwiliad', usage: 'archwiliad [dyddiau]', help: 'Gweld beth wnaeth cadeiryddion a gweinyddwyr (y 30 diwrnod diwethaf)' },
    usage: 'audit [days]',
    help: 'See what chairs and admins did (last 30 days)',
    who: 'admins',
    run: async (deps, session, args) => ({ card: await auditCard(deps, session, parseDays(args)) }),
  }),
  defineCommand({ name: 'my data', cy: { name: 'fy nata', help: 'Gweld beth mae Techvoice yn ei gadw amdanoch chi' }, help: 'See what Techvoice holds about you', who: 'everyone', run: async (deps, session) => ({ card: await myData(deps, session), private: true }) }),
  defineCommand({
    name: 'link',
    cy: { name: 'cysylltu', help: 'Defnyddio Techvoice ar Teams a Slack fel un person, gyda chod untro' },
    help: 'Use Techvoice on both Teams and Slack as one person, with a one-time code',
    who: 'everyone',
    run: async (deps, session, args) => ({ text: await linkAccounts(deps, session, args), private: true }),
  }),
  defineCommand({ name: 'forget me', cy: { name: 'anghofio fi', help: 'Tynnu eich enw oddi ar bopeth a anfonoch chi' }, help: 'Remove your name from everything you sent', who: 'everyone', run: async (_deps, session) => ({ card: forgetConfirm(session.language) }) }),
];
