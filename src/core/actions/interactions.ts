import { nowIso } from '../clock';
import { defineAction, defineCommand } from '../interactions';
import { actionUpdateForm, listActions, updateAction } from './actions';
import { actionEditInput, actionUpdateInput, actionsPageInput, reminderDoneInput, reminderSnoozeInput } from './inputs';
import { planCommand } from './plan-commands';
import { markActionDone, snoozeReminders } from './reminders';

export const actionPlanActions = [
  defineAction({ verb: 'action.edit', input: actionEditInput, who: 'everyone', run: (deps, session, input) => actionUpdateForm(deps, session, input.number) }),
  defineAction({ verb: 'actions.page', input: actionsPageInput, who: 'everyone', run: (deps, session, input) => listActions(deps, session, '', `${input.filter} page ${input.page}`) }),
  defineAction({
    verb: 'action.update',
    input: actionUpdateInput,
    who: 'everyone',
    audit: ['number', 'status'],
    run: updateAction,
    redraw: (deps, session, typed, error) =>
      actionUpdateForm(deps, session, typed.number ?? '', { status: typed.status ?? '', note: typed.note ?? '', evidence: typed.evidence ?? '' }, '', error),
  }),
  defineAction({ verb: 'reminder.done', input: reminderDoneInput, who: 'everyone', run: markActionDone }),
  defineAction({ verb: 'reminder.snooze', input: reminderSnoozeInput, who: 'everyone', run: snoozeReminders }),
];

export const actionPlanCommands = [
  defineCommand({
    name: 'actions',
    cy: { name: 'camau', aliases: ['cam'], usage: 'camau [coch|ambr|gwyrdd|hwyr|fy rhai|thema …|perchennog …|tudalen N]', help: { member: 'Gweld a diweddaru’r camau gweithredu sydd gennych chi', chair: 'Gweld y cynllun gweithredu a’i statws RAG, deg ar y tro' } },
    aliases: ['action'],
    usage: 'actions [red|overdue|mine|theme …|owner …|page N]',
    help: { member: 'See and update the actions you own', chair: 'See the action plan and its RAG status, ten at a time' },
    who: 'everyone',
    run: async (deps, session, args) => ({ card: await listActions(deps, session, '', args) }),
  }),
  defineCommand({
    name: 'plan',
    cy: { name: 'cynllun', aliases: ['cynlluniau'], usage: 'cynllun [rhestr|newydd|cau|symud-ymlaen]', help: 'Cadw cynlluniau’r rhwydwaith: dechrau’r nesaf, cau un (cedwir ei RAG), symud camau heb eu gorffen ymlaen' },
    aliases: ['plans'],
    usage: 'plan [list|new|close|carry-over]',
    help: 'Keep the network’s plans: start the next one, close one (its RAG is kept), carry unfinished actions over',
    who: 'admins',
    audited: true,
    run: async (deps, session, args) => {
      const lines = await planCommand(deps.store, session.network.id, args, nowIso(), { id: session.member.id, name: session.member.name }, session.language);
      return { text: lines.join('\n'), auditDetail: args.trim().split(/\s+/)[0] || 'list' };
    },
  }),
];
