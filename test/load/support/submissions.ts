import type { Techvoice } from '../../../src/core/techvoice';
import type { Platform } from '../../../src/core/model';
import type { Store } from '../../../src/core/store';

/** Opens a named (not anonymous) pulse round in the network of a workspace, so each stored answer says whose it is. */
export async function openRound(core: Techvoice, store: Store, platform: Platform, workspaceId: string, roundId: string): Promise<string> {
  const { network, member } = await core.session({
    requester: { platform, workspaceId, workspaceName: 'Load', userId: `chair-${platform}`, aadObjectId: null, name: 'Load Chair', email: null, directAddress: null, locale: null },
    conversation: { kind: 'personal', id: `chair-${platform}`, name: null, address: '{}' },
  });
  const { value: question } = await store.createPulseQuestion(
    { networkId: network.id, text: 'Load question', kind: 'likert', choices: [], theme: 'Visibility', anonymous: false, audience: { type: 'members' }, schedule: null, windowHours: 24, createdBy: member.id, createdAt: new Date().toISOString() },
    `load-${roundId}`,
  );
  await store.createRound({ id: roundId, networkId: network.id, questionNumber: question.number, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), askedCount: 500, answerSalt: null, createdAt: new Date().toISOString() });
  return network.id;
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/** What one person submitted and which submissions were acknowledged. */
export interface Ledger {
  /** Answer values in the order sent, each with whether it was acknowledged. */
  answers: { value: string; acked: boolean }[];
  /** Feedback form ids acknowledged (the text carries the form id, so each can be found). */
  feedbackAcked: Set<string>;
  feedbackSent: Set<string>;
}

export const newLedger = (): Ledger => ({ answers: [], feedbackAcked: new Set(), feedbackSent: new Set() });
