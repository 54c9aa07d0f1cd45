import type { Inbound } from './context';
import type { Member, Network, Role } from './model';
import type { Store } from './store';
import { deriveId } from './identity';
import { nowIso } from './clock';
import { DEFAULT_LANGUAGE, languageOfLocale, type Language } from './i18n/language';

/** The resolved network and member behind an inbound request. */
export interface Session {
  inbound: Inbound;
  network: Network;
  member: Member;
  /** What Techvoice speaks to this person in. */
  language: Language;
}

/** A person's language: their own choice, else their client's, else their network's. */
export function languageOf(member: Member, network: Network): Language {
  return member.language ?? member.seenLanguage ?? network.language ?? DEFAULT_LANGUAGE;
}

export const DEFAULT_NETWORK_SETTINGS = {
  timeZone: 'Europe/London',
  quietHours: { start: '18:00', end: '08:00' },
  quietWeekends: true,
  anonymityThreshold: 5,
  reminderDaysBefore: [14, 3],
  staleAfterDays: 30,
  retention: { feedbackDays: null, answersDays: null },
  liveResults: false,
  language: DEFAULT_LANGUAGE,
} as const;

export function newNetwork(id: string, name: string): Network {
  return {
    id,
    name,
    ...DEFAULT_NETWORK_SETTINGS,
    quietHours: { ...DEFAULT_NETWORK_SETTINGS.quietHours },
    reminderDaysBefore: [...DEFAULT_NETWORK_SETTINGS.reminderDaysBefore],
    retention: { ...DEFAULT_NETWORK_SETTINGS.retention },
    createdAt: nowIso(),
  };
}

/**
 * Finds (or on first contact creates) the network of the requester's workspace and their
 * member record, keeping name, e-mail and direct address current.
 */
export async function resolveSession(store: Store, admins: ReadonlySet<string>, inbound: Inbound): Promise<Session> {
  const { requester, conversation } = inbound;
  const network = await findOrCreateNetwork(store, requester.platform, requester.workspaceId, requester.workspaceName);
  const existing = await store.findMember(network.id, requester.platform, requester.userId);
  const isAdmin = admins.has(requester.userId) || (requester.aadObjectId !== null && admins.has(requester.aadObjectId));
  const betterAddress =
    requester.directAddress !== null && (conversation.kind === 'personal' || !existing?.directAddress);
  const member: Member = existing
    ? {
        ...existing,
        name: requester.name || existing.name,
        email: requester.email ?? existing.email,
        aadObjectId: requester.aadObjectId ?? existing.aadObjectId,
        directAddress: betterAddress ? requester.directAddress : existing.directAddress,
        unreachable: betterAddress ? false : existing.unreachable,
        language: existing.language ?? null,
        seenLanguage: languageOfLocale(requester.locale) ?? existing.seenLanguage ?? null,
      }
    : {
        id: deriveId('m', network.id, requester.platform, requester.userId),
        networkId: network.id,
        platform: requester.platform,
        platformUserId: requester.userId,
        aadObjectId: requester.aadObjectId,
        name: requester.name || 'Unknown',
        email: requester.email,
        roles: ['member'],
        directAddress: requester.directAddress,
        unreachable: false,
        linkedPerson: null,
        language: null,
        seenLanguage: languageOfLocale(requester.locale),
        createdAt: nowIso(),
      };
  if (isAdmin && !member.roles.includes('admin')) member.roles = [...member.roles, 'admin'];
  if (!existing || JSON.stringify(existing) !== JSON.stringify(member)) await store.upsertMember(member);
  return { inbound, network, member, language: languageOf(member, network) };
}

async function findOrCreateNetwork(
  store: Store,
  platform: Inbound['requester']['platform'],
  workspaceId: string,
  workspaceName: string | null,
): Promise<Network> {
  const link = await store.findWorkspace(platform, workspaceId);
  if (link) {
    const network = await store.getNetwork(link.networkId);
    if (network) return network;
  }
  const id = deriveId('n', platform, workspaceId);
  let network = await store.getNetwork(id);
  if (!network) {
    network = newNetwork(id, workspaceName ?? 'Technician network');
    try {
      await store.createNetwork(network);
    } catch (error) {
      // A concurrent first contact created it a moment ago.
      network = await store.getNetwork(id);
      if (!network) throw error;
    }
  }
  await store.linkWorkspace({ platform, externalId: workspaceId, networkId: id });
  return network;
}

export function hasRole(member: Member, role: Role): boolean {
  return member.roles.includes(role) || member.roles.includes('admin');
}

export const isChair = (member: Member): boolean => hasRole(member, 'chair');
export const isAdmin = (member: Member): boolean => member.roles.includes('admin');
