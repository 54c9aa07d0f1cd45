import type { Store } from '../../store/store';
import { compareActionNumbers } from '../format';
import type { Network, RagStatus, Theme } from '../model';
import type { Stage } from './model';

/** An action as the submission shows it, whichever plan it comes from. */
export interface PlanAction {
  number: string;
  title: string;
  theme: Theme;
  owner: string;
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

/** The id narrative is kept under while a network holds a single action plan. */
export const SINGLE_PLAN_ID = 'current';

/**
 * A network with one action list: at Stage One it is the plan proposed; at Stage Two and
 * Three it is the plan reviewed, with its RAG as at today, and the new plan is not held yet.
 */
export function singleActionListPlans(store: Pick<Store, 'listActions'>): PlanSource {
  return {
    async plansFor(network, stage, period, today) {
      const actions = (await store.listActions(network.id))
        .sort((a, b) => compareActionNumbers(a.number, b.number))
        .map((a): PlanAction => ({ number: a.number, title: a.title, theme: a.theme, owner: a.owner, due: a.due, status: a.status, note: a.note, evidence: a.evidence, successMeasure: '' }));
      const plan: PlanView = { id: SINGLE_PLAN_ID, name: `${network.name} action plan`, period, ragAsAt: today, actions };
      return stage === 'one' ? { narrativePlanId: SINGLE_PLAN_ID, previous: null, next: plan } : { narrativePlanId: SINGLE_PLAN_ID, previous: plan, next: null };
    },
  };
}
