import { DateTime } from 'luxon';
import type { Plan } from '../model';
import type { Store } from '../store';
import { UserError } from '../errors';
import { formatDate } from '../format';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { carryOver, closePlan, createPlan, makeCurrent, parseStage } from './plans';
import { plansText } from './text';

/** How to use `plan`, in the language given. */
export const planUsage = (language: Language = DEFAULT_LANGUAGE): string => plansText(language).usage;

/** Each sub-command's words in English and Welsh. */
const SUBCOMMANDS: Record<string, 'list' | 'new' | 'close' | 'carry-over'> = {
  list: 'list',
  rhestr: 'list',
  new: 'new',
  newydd: 'new',
  close: 'close',
  cau: 'close',
  'carry-over': 'carry-over',
  carryover: 'carry-over',
  carry: 'carry-over',
  'symud-ymlaen': 'carry-over',
  symud: 'carry-over',
};

function describePlan(plan: Plan, count: number, language: Language): string {
  const t = plansText(language);
  const stage = { 'stage-one': t.stageOne, 'stage-two': t.stageTwo, 'stage-three': t.stageThree }[plan.stage];
  const counts = plan.ragAtClose?.counts;
  const rag = counts ? t.atClose(counts.red, counts.amber, counts.green) : '';
  return `${plan.name} (${stage}, ${formatDate(plan.start, language)} – ${formatDate(plan.end, language)}) · ${t.state(plan.state)} · ${t.actions(count)}${rag}`;
}

/**
 * `plan …` for admins in chat and in the CLI: list, new, close and carry over. Returns the
 * lines to show; bad input throws a UserError and changes nothing.
 */
export async function planCommand(
  store: Store,
  networkId: string,
  args: string,
  at: string,
  actor: { id: string; name: string },
  language: Language = DEFAULT_LANGUAGE,
): Promise<string[]> {
  const t = plansText(language);
  const [sub = 'list', ...rest] = args.trim().split(/\s+/).filter(Boolean);
  const plans = await store.listPlans(networkId);
  const subcommand = Object.hasOwn(SUBCOMMANDS, sub.toLowerCase()) ? SUBCOMMANDS[sub.toLowerCase()] : null;
  switch (subcommand) {
    case 'list': {
      if (plans.length === 0) return [t.noPlans];
      const lines: string[] = [];
      for (const plan of plans) lines.push(`• ${describePlan(plan, (await store.listActions(networkId, plan.id)).length, language)}`);
      return lines;
    }
    case 'new': {
      const [stageWord = '', start = '', ...name] = rest;
      const stage = parseStage(stageWord);
      if (!stage) throw new UserError((lang) => plansText(lang).notAStage(stageWord.slice(0, 20)));
      if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !DateTime.fromISO(start).isValid) {
        throw new UserError((lang) => plansText(lang).notAStartDate(start.slice(0, 20)));
      }
      const title = name.join(' ').slice(0, 120);
      if (!title) throw new UserError((lang) => plansText(lang).needName);
      const current = plans.find((p) => p.state === 'current');
      const plan = await createPlan(store, networkId, { name: title, stage, start, state: current ? 'draft' : 'current' }, at);
      return [
        t.made(describePlan(plan, 0, language)),
        current ? t.isDraft(current.name) : t.isCurrent,
      ];
    }
    case 'close': {
      const current = plans.find((p) => p.state === 'current');
      if (!current) throw new UserError((lang) => plansText(lang).noCurrentToClose);
      const closed = await closePlan(store, current, at);
      const snapshot = closed.ragAtClose as NonNullable<Plan['ragAtClose']>;
      const unfinished = snapshot.actions.filter((a) => a.status !== 'green').length;
      const draft = [...plans].reverse().find((p) => p.state === 'draft');
      const lines = [t.closedPlan(closed.name, formatDate(snapshot.at, language), snapshot.counts.red, snapshot.counts.amber, snapshot.counts.green)];
      if (draft) {
        await makeCurrent(store, draft);
        lines.push(t.nowCurrent(draft.name));
        if (unfinished) lines.push(t.carryOverHint(unfinished));
      } else {
        lines.push(t.noCurrentNow(unfinished));
      }
      return lines;
    }
    case 'carry-over': {
      const current = plans.find((p) => p.state === 'current');
      const closed = [...plans].reverse().find((p) => p.state === 'closed');
      if (!current || !closed) throw new UserError((lang) => plansText(lang).needClosedAndCurrent);
      const carried = await carryOver(store, closed, current, at, actor, language);
      if (carried.length === 0) return [t.nothingToCarry(current.name, closed.name)];
      return [t.carried(carried.length, closed.name, current.name, carried.map((a) => a.number).join(', '))];
    }
    default:
      throw new UserError((lang) => `${plansText(lang).unknown(sub.slice(0, 20))}\n${planUsage(lang)}`);
  }
}
