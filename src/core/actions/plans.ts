import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Action, ActionUpdate, Plan, PlanStage, RagSnapshot } from '../model';
import { RAG_STATUSES } from '../model';
import type { Store } from '../store';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { actionsText, plansText } from './text';

export const STAGE_MONTHS: Record<PlanStage, number> = { 'stage-one': 24, 'stage-two': 36, 'stage-three': 36 };

const STAGE_BY_WORD: Record<string, PlanStage> = {
  one: 'stage-one',
  un: 'stage-one',
  '1': 'stage-one',
  two: 'stage-two',
  dau: 'stage-two',
  '2': 'stage-two',
  three: 'stage-three',
  tri: 'stage-three',
  '3': 'stage-three',
};

/** "stage two", "Stage 2", "2", "cyfnod dau" → stage-two. */
export function parseStage(text: string): PlanStage | null {
  const word = text.trim().toLowerCase().replace(/^(stage|cyfnod)[\s-]*/, '');
  return Object.hasOwn(STAGE_BY_WORD, word) ? STAGE_BY_WORD[word] : null;
}

export interface NewPlan {
  name: string;
  stage: PlanStage;
  /** "YYYY-MM-DD"; the period's end follows from the stage (24 or 36 months). */
  start: string;
  /** Draft plans get no reminders until they are made current. */
  state: 'draft' | 'current';
}

export function planEnd(start: string, stage: PlanStage): string {
  return DateTime.fromISO(start, { zone: 'utc' }).plus({ months: STAGE_MONTHS[stage] }).minus({ days: 1 }).toISODate() as string;
}

export async function createPlan(store: Store, networkId: string, plan: NewPlan, at: string): Promise<Plan> {
  const created: Plan = {
    networkId,
    id: randomUUID(),
    name: plan.name,
    stage: plan.stage,
    start: plan.start,
    end: planEnd(plan.start, plan.stage),
    state: plan.state,
    createdAt: at,
    closedAt: null,
    ragAtClose: null,
  };
  await store.createPlan(created);
  return created;
}

/** The current plan, made first (a Stage One plan from today, named in the language given) for a network that has none. */
export async function currentPlanOrNew(store: Store, networkId: string, at: string, language: Language = DEFAULT_LANGUAGE): Promise<Plan> {
  const current = await store.getCurrentPlan(networkId);
  if (current) return current;
  return createPlan(store, networkId, { name: actionsText(language).headingAll, stage: 'stage-one', start: at.slice(0, 10), state: 'current' }, at);
}

export function ragSnapshot(actions: Action[], date: string): RagSnapshot {
  const counts = Object.fromEntries(RAG_STATUSES.map((s) => [s, actions.filter((a) => a.status === s).length])) as RagSnapshot['counts'];
  return {
    at: date,
    counts,
    actions: actions.map((a) => ({ number: a.number, title: a.title, theme: a.theme, status: a.status, note: a.note })),
  };
}

/** Closes a plan: its RAG is frozen as at `at`, and its actions get no more reminders. */
export async function closePlan(store: Store, plan: Plan, at: string): Promise<Plan> {
  const actions = await store.listActions(plan.networkId, plan.id);
  const closed: Plan = { ...plan, state: 'closed', closedAt: at, ragAtClose: ragSnapshot(actions, at.slice(0, 10)) };
  await store.updatePlan(closed);
  return closed;
}

/** Makes a draft plan the current one; the plan that was current must be closed first. */
export async function makeCurrent(store: Store, plan: Plan): Promise<Plan> {
  const current: Plan = { ...plan, state: 'current' };
  await store.updatePlan(current);
  return current;
}

/**
 * Copies the unfinished (red and amber) actions of a closed plan into another plan, under
 * the same numbers, each linked to its original. The originals and their history stay.
 * Actions the target plan already has under a number are left alone.
 */
export async function carryOver(store: Store, from: Plan, to: Plan, at: string, by: { id: string; name: string }, language: Language = DEFAULT_LANGUAGE): Promise<Action[]> {
  const already = new Set((await store.listActions(to.networkId, to.id)).map((a) => a.number));
  const unfinished = (await store.listActions(from.networkId, from.id)).filter((a) => a.status !== 'green' && !already.has(a.number));
  const carried: Action[] = unfinished.map((a) => ({
    ...a,
    planId: to.id,
    carriedFrom: { planId: from.id, number: a.number },
    updatedAt: at,
    version: 1,
  }));
  const updates: ActionUpdate[] = carried.map((a) => ({
    networkId: a.networkId,
    planId: to.id,
    actionNumber: a.number,
    at,
    by: by.id,
    byName: by.name,
    status: a.status,
    note: plansText(language).carriedNote(from.name),
    evidence: a.evidence,
  }));
  if (carried.length) await store.importActions(to.networkId, carried, updates);
  return carried;
}
