import { platformName } from '../platforms';
import { card, CARD_VERSION, messageCard, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays, now } from '../clock';
import { actorShown, formatDateTime, plural } from '../format';
import { feedbackReference } from '../feedback/feedback';
import { ownsAction } from '../actions/actions';
import { describeAuditDetail } from '../network/audit';
import type { AuditEntry, Network } from '../model';
import type { Session } from '../session';
import { platformIdentity } from '../identity';
import { dropPendingCode } from './account-link';
import type { ExpiredCounts, Store } from '../store';
import { plain } from '../markdown';

const EVER = ['1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'] as const;

/** Everything Techvoice holds that is linked to the person asking. */
export async function myData(deps: CoreDeps, session: Session): Promise<Card> {
  const { store } = deps;
  const { member, network } = session;
  const [feedback, answers, actions, updates] = await Promise.all([
    store.listFeedback(network.id, ...EVER),
    store.listAnswersByMember(network.id, member.id),
    store.listActions(network.id),
    store.listActionUpdatesInPeriod(network.id, ...EVER),
  ]);
  const named = feedback.filter((f) => f.authorMemberId === member.id);
  const mine = updates.filter((u) => u.by === member.id);
  const owned = actions.filter((a) => ownsAction(member, a));
  const when = (iso: string) => formatDateTime(iso, network.timeZone);
  return card('details', {
    title: 'What Techvoice holds about you',
    intro: `In ${plain(network.name)}, on ${platformName(member.platform)}.`,
    facts: [
      { title: 'Name', value: plain(member.name) },
      { title: 'E-mail', value: member.email === null ? 'not known' : plain(member.email) },
      { title: 'Roles', value: member.roles.join(', ') },
      { title: 'First seen', value: when(member.createdAt) },
      { title: 'Named feedback', value: String(named.length) },
      { title: 'Named pulse answers', value: String(answers.length) },
      { title: 'Action updates you made', value: String(mine.length) },
      { title: 'Actions listed under your e-mail', value: owned.map((a) => a.number).join(', ') || 'none' },
    ],
    lines: [
      ...named.map((f) => ({ line: `${feedbackReference(f.number)} · ${plain(f.theme)} · ${when(f.createdAt)} · ${f.status}: “${plain(f.text)}”` })),
      ...answers.map((a) => ({ line: `Pulse answer “${plain(a.value)}” · ${when(a.answeredAt)}` })),
      ...mine.map((u) => ({ line: `Update to ${u.actionNumber} · ${when(u.at)} · ${u.status}${u.note ? `: ${u.note}` : ''}` })),
    ],
    note: 'Anonymous feedback and anonymous answers are not linked to you, so they cannot be listed here or removed by “forget me”. Type **forget me** to remove what is listed.',
  });
}

export function forgetConfirm(): Card {
  return card('forget-confirm', {
    cv: CARD_VERSION,
    text: 'Techvoice will delete your member record and remove your name from the feedback, pulse answers and action updates you made. What you said stays, without your name. Anonymous feedback is not touched. This cannot be undone.',
  });
}

/** Removes the person's member record and anonymises everything they sent with their name. */
export async function forgetMe(deps: CoreDeps, session: Session): Promise<Card> {
  await forgetLinks(deps, session);
  const counts = await deps.store.forgetMember(session.network.id, session.member.id);
  const removed = [
    plural(counts.feedback, 'feedback item'),
    plural(counts.answers, 'pulse answer'),
    plural(counts.actionUpdates, 'action update'),
  ].join(', ');
  return messageCard(
    'Done: you are forgotten',
    `Your member record is deleted and your name is removed from ${removed}. If you talk to Techvoice again, it will only know your name and e-mail from ${platformName(session.member.platform)} again.`,
    'good',
  );
}

/**
 * Platforms resend an event they think was missed within minutes (Slack: three retries in
 * about an hour; Bot Framework: seconds), so a day is well past every retry window.
 */
export const DELIVERY_MARK_DAYS = 1;

/** Forgets the first-delivery marks of events older than any platform still retries. */
export function pruneDeliveryMarks(store: Store, at: Date = now()): Promise<number> {
  return store.pruneProcessed(addDays(at, -DELIVERY_MARK_DAYS).toISOString());
}

/**
 * Seals the rounds that have closed: their answer salt is erased, so that from then on not
 * even the server key tells which answer was whose (docs/anonymity.md). Returns how many.
 */
export async function sealClosedRounds(store: Store, network: Network, at: Date = now()): Promise<number> {
  const rounds = await store.listRounds(network.id, addDays(at, -SEAL_LOOKBACK_DAYS).toISOString(), at.toISOString());
  let sealed = 0;
  for (const round of rounds) {
    if (round.answerSalt && Date.parse(round.closesAt) <= at.getTime() && (await store.sealRound(round.id))) sealed++;
  }
  return sealed;
}

/** Rounds stay open three months at most, so a closed round is sealed well within this. */
const SEAL_LOOKBACK_DAYS = 120;

/**
 * A forgotten person's identity must not live on in the account they had linked to theirs,
 * nor in a one-time code they had asked for.
 */
async function forgetLinks(deps: CoreDeps, session: Session): Promise<void> {
  const identity = platformIdentity(session.member);
  for (const other of await deps.store.listMembers(session.network.id)) {
    if (other.linkedPerson === identity) await deps.store.upsertMember({ ...other, linkedPerson: null });
  }
  await dropPendingCode(deps, session.member.id);
}

/** Deletes feedback and answers older than the network's retention policy allows. */
export function sweepExpired(store: Store, network: Network, at: Date = now()): Promise<ExpiredCounts> {
  const cutOff = (days: number | null) => (days === null ? null : addDays(at, -days).toISOString());
  return store.deleteExpired(network.id, cutOff(network.retention.feedbackDays), cutOff(network.retention.answersDays));
}

export async function recordAudit(store: Store, session: Session, act: string, detail: string): Promise<void> {
  const entry: AuditEntry = {
    networkId: session.network.id,
    at: now().toISOString(),
    actorId: session.member.id,
    actorName: session.member.name,
    act,
    detail: detail.slice(0, 300),
  };
  await store.appendAudit(entry);
}

/** The chair and admin acts of the last `days` days, newest first. */
export async function auditCard(deps: CoreDeps, session: Session, days: number): Promise<Card> {
  const entries = await deps.store.listAudit(session.network.id, addDays(now(), -days).toISOString(), now().toISOString());
  const latest = entries.reverse().slice(0, 50);
  return card('details', {
    title: 'Audit log',
    intro: `Chair, admin and command-line acts in the last ${plural(days, 'day')}: ${entries.length}.`,
    facts: [],
    lines: await Promise.all(
      latest.map(async (e) => {
        const detail = await describeAuditDetail(deps.store, e);
        return { line: `${formatDateTime(e.at, session.network.timeZone)} · ${actorShown(e.actorId, e.actorName)} · ${e.act}${detail ? ` · ${detail}` : ''}` };
      }),
    ),
    note: entries.length > latest.length ? `Showing the latest ${latest.length}. The CLI lists them all: techvoice audit --network ${session.network.id}` : '',
  });
}
