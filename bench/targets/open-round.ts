import type { App } from '../../src/app';
import type { Network } from '../../src/core/model';

/** The benchmark network (Teams tenant "bench") with one open, anonymous Likert round. */
export async function openBenchRound(app: App): Promise<{ network: Network; roundId: string }> {
  const { network, member } = await app.core.session({
    requester: { platform: 'teams', workspaceId: 'bench', workspaceName: 'Bench', userId: '29:chair', aadObjectId: null, name: 'Chair', email: null, directAddress: null, locale: null },
    conversation: { kind: 'personal', id: 'a:chair', name: null, address: '{}' },
  });
  const { value: question } = await app.store.createPulseQuestion(
    { networkId: network.id, text: 'Bench question', kind: 'likert', choices: [], theme: 'Visibility', anonymous: true, audience: { type: 'members' }, schedule: null, windowHours: 24, createdBy: member.id, createdAt: new Date().toISOString() },
    'bench',
  );
  const roundId = 'bench-round';
  await app.store.createRound({ id: roundId, networkId: network.id, questionNumber: question.number, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), askedCount: 500, answerSalt: null, createdAt: new Date().toISOString() });
  return { network, roundId };
}
