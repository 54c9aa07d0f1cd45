import type { Action } from '../../src/core/model';
import { currentPlanOrNew } from '../../src/core/actions/plans';
import type { Store } from '../../src/core/store';

/** The network's current plan, made as a fresh Stage One plan when it has none. */
export async function currentPlanId(store: Store, networkId: string): Promise<string> {
  return (await currentPlanOrNew(store, networkId, '2025-01-01T09:00:00.000Z')).id;
}

/** A whole action with plain values for the fields a test does not care about. */
export function actionOf(networkId: string, planId: string, fields: Pick<Action, 'number' | 'title' | 'theme' | 'owner' | 'due' | 'status'> & Partial<Action>): Action {
  return {
    networkId,
    planId,
    shortTitle: '',
    edi: false,
    ownerEmail: fields.owner.includes('@') ? fields.owner : null,
    dueAsWritten: fields.due ?? 'Ongoing',
    note: '',
    successMeasure: '',
    evidence: '',
    carriedFrom: null,
    updatedAt: '2025-01-01T09:00:00.000Z',
    version: 1,
    ...fields,
  };
}
