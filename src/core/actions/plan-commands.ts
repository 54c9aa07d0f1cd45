import { DateTime } from 'luxon';
import type { Plan } from '../model';
import type { Store } from '../store';
import { UserError } from '../errors';
import { formatDate } from '../format';
import { carryOver, closePlan, createPlan, makeCurrent, parseStage, STAGE_NAMES } from './plans';

export const PLAN_USAGE = [
  '**plan** or **plan list**: the network’s plans',
  '**plan new** STAGE START NAME, e.g. **plan new two 2024-04-01 Action plan 2024–27**: a Stage One (24 months) or Stage Two/Three (36 months) plan; a draft while another plan is current',
  '**plan close**: close the current plan (its RAG is kept as at today, its reminders stop) and make the newest draft current',
  '**plan carry-over**: copy the unfinished actions of the last closed plan into the current plan, linked to the originals',
].join('\n');

function describePlan(plan: Plan, count: number): string {
  const rag = plan.ragAtClose ? ` · at close: ${plan.ragAtClose.counts.red} red, ${plan.ragAtClose.counts.amber} amber, ${plan.ragAtClose.counts.green} green` : '';
  return `${plan.name} (${STAGE_NAMES[plan.stage]}, ${formatDate(plan.start)} – ${formatDate(plan.end)}) · ${plan.state} · ${count} action${count === 1 ? '' : 's'}${rag}`;
}

/**
 * `plan …` for admins in chat and in the CLI: list, new, close and carry over. Returns the
 * lines to show; bad input throws a UserError and changes nothing.
 */
export async function planCommand(store: Store, networkId: string, args: string, at: string, actor: { id: string; name: string }): Promise<string[]> {
  const [sub = 'list', ...rest] = args.trim().split(/\s+/).filter(Boolean);
  const plans = await store.listPlans(networkId);
  switch (sub.toLowerCase()) {
    case 'list': {
      if (plans.length === 0) return ['No plans yet. Importing an action plan makes the first one, or type **plan new two 2024-04-01 Action plan 2024–27**.'];
      const lines: string[] = [];
      for (const plan of plans) lines.push(`• ${describePlan(plan, (await store.listActions(networkId, plan.id)).length)}`);
      return lines;
    }
    case 'new': {
      const [stageWord = '', start = '', ...name] = rest;
      const stage = parseStage(stageWord);
      if (!stage) throw new UserError(`“${stageWord.slice(0, 20)}” is not a stage: write one, two or three, e.g. **plan new two 2024-04-01 Action plan 2024–27**.`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !DateTime.fromISO(start).isValid) {
        throw new UserError(`“${start.slice(0, 20)}” is not a start date: write it like 2024-04-01.`);
      }
      const title = name.join(' ').slice(0, 120);
      if (!title) throw new UserError('Give the plan a name after its start date, e.g. **plan new two 2024-04-01 Action plan 2024–27**.');
      const current = plans.find((p) => p.state === 'current');
      const plan = await createPlan(store, networkId, { name: title, stage, start, state: current ? 'draft' : 'current' }, at);
      return [
        `Made ${describePlan(plan, 0)}.`,
        current ? `It is a draft: ${current.name} stays current until you type **plan close**.` : 'It is the current plan: import its actions with `techvoice import-actions`.',
      ];
    }
    case 'close': {
      const current = plans.find((p) => p.state === 'current');
      if (!current) throw new UserError('There is no current plan to close. Type **plan list** to see the plans.');
      const closed = await closePlan(store, current, at);
      const snapshot = closed.ragAtClose as NonNullable<Plan['ragAtClose']>;
      const unfinished = snapshot.actions.filter((a) => a.status !== 'green').length;
      const draft = [...plans].reverse().find((p) => p.state === 'draft');
      const lines = [`Closed ${closed.name}. Its RAG as at ${formatDate(snapshot.at)} is kept: ${snapshot.counts.red} red, ${snapshot.counts.amber} amber, ${snapshot.counts.green} green. Its actions get no more reminders.`];
      if (draft) {
        await makeCurrent(store, draft);
        lines.push(`${draft.name} is now the current plan.`);
        if (unfinished) lines.push(`Type **plan carry-over** to bring the ${unfinished} unfinished action${unfinished === 1 ? '' : 's'} into it.`);
      } else {
        lines.push('There is no current plan now: make one with **plan new**' + (unfinished ? `, then **plan carry-over** to bring the ${unfinished} unfinished action${unfinished === 1 ? '' : 's'} into it.` : '.'));
      }
      return lines;
    }
    case 'carry-over':
    case 'carryover':
    case 'carry': {
      const current = plans.find((p) => p.state === 'current');
      const closed = [...plans].reverse().find((p) => p.state === 'closed');
      if (!current || !closed) throw new UserError('Carrying over needs a closed plan and a current one. Type **plan list** to see the plans.');
      const carried = await carryOver(store, closed, current, at, actor);
      if (carried.length === 0) return [`Nothing to carry over: ${current.name} already has every unfinished action of ${closed.name}.`];
      return [`Carried ${carried.length} unfinished action${carried.length === 1 ? '' : 's'} of ${closed.name} into ${current.name}: ${carried.map((a) => a.number).join(', ')}. The originals stay in ${closed.name} with their history.`];
    }
    default:
      throw new UserError(`I don’t know **plan ${sub.slice(0, 20)}**. Try:\n${PLAN_USAGE}`);
  }
}
