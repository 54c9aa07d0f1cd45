import type { Store } from '../store';
import { compareActionNumbers } from '../format';
import type { Action, ActionTheme, Network, Plan, RagStatus } from '../model';
import type { Stage } from './model';

/** An action as the submission shows it, whichever plan it comes from. */
export interface PlanAction {
  number: string;
  title: string;
  theme: ActionTheme;
  owner: string;
  /** "YYYY-MM-DD", or the plan's own words ("Ongoing", "Q3 2025"). */
  due: string;
  status: RagStatus;
  note: string;
  evidence: string;
  /** How the plan will know the action worked; empty until plans record one. */
  successMeasure: string;
}

export interface PlanView {
  /** Narrative sections are kept under this id. */
  id: string;
  name: string;
  period: string;
  /** The day the RAG statuses are as at: today for an open plan, the close for a closed one. */
  ragAsAt: string;
  actions: PlanAction[];
}

/** The plans a submission is about: the one reviewed (Stage Two and Three) and the one it proposes. */
export interface SubmissionPlans {
  /** Narrative sections of the submission are kept under this plan id. */
  narrativePlanId: string;
  previous: PlanView | null;
  next: PlanView | null;
}

/** Where the document builder gets its plans from. */
export interface PlanSource {
  plansFor(network: Network, stage: Stage, period: string, today: string): Promise<SubmissionPlans>;
}

/** The id narrative is kept under when a network holds no plan yet. */
export const SINGLE_PLAN_ID = 'current';

const asPlanAction = (a: Action, status: RagStatus = a.status, note: string = a.note): PlanAction => ({
  number: a.number,
  title: a.title,
  theme: a.theme,
  owner: a.owner,
  due: a.due ?? a.dueAsWritten,
  status,
  note,
  evidence: a.evidence,
  successMeasure: a.successMeasure,
});

const periodOf = (plan: Plan): string => `${plan.start} to ${plan.end}`;

/** A plan with its actions; a closed plan with the RAG it had at the close. */
async function planView(store: Pick<Store, 'listActions'>, plan: Plan, today: string): Promise<PlanView> {
  const actions = (await store.listActions(plan.networkId, plan.id)).sort((a, b) => compareActionNumbers(a.number, b.number));
  const frozen = new Map((plan.ragAtClose?.actions ?? []).map((a) => [a.number, a]));
  return {
    id: plan.id,
    name: plan.name,
    period: periodOf(plan),
    ragAsAt: plan.ragAtClose?.at ?? today,
    actions: actions.map((a) => {
      const atClose = frozen.get(a.number);
      return atClose ? asPlanAction(a, atClose.status, atClose.note) : asPlanAction(a);
    }),
  };
}

/**
 * The network's plans as the guidance asks for them. Stage One: the current plan is the one
 * proposed. Stage Two and Three: the plan closed last is reviewed (its RAG as at the close)
 * and the current plan is the new one; with no closed plan yet, the current plan is the one
 * reviewed, as at today. Narrative sections belong to the current plan.
 */
export function storedPlans(store: Pick<Store, 'listPlans' | 'listActions'>): PlanSource {
  return {
    async plansFor(network, stage, _period, today) {
      const plans = await store.listPlans(network.id);
      const current = plans.find((p) => p.state === 'current') ?? null;
      const closed = plans.filter((p) => p.state === 'closed').sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? '')).pop() ?? null;
      const narrativePlanId = (current ?? closed)?.id ?? SINGLE_PLAN_ID;
      const view = (plan: Plan | null) => (plan ? planView(store, plan, today) : Promise.resolve(null));
      if (stage === 'one') return { narrativePlanId, previous: null, next: await view(current) };
      if (!closed) return { narrativePlanId, previous: await view(current), next: null };
      return { narrativePlanId, previous: await view(closed), next: await view(current) };
    },
  };
}
