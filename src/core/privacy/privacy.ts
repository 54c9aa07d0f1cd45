import { platformName } from '../platforms';
import { card, CARD_VERSION, messageCard, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays, now } from '../clock';
import { actorShown, formatDateTime } from '../format';
import type { Language } from '../i18n/language';
import { ragName, themeName } from '../i18n/words';
import { networkText } from '../network/text';
import { feedbackStatusName } from '../feedback/text';
import { privacyText } from './text';
import { feedbackReference } from '../feedback/feedback';
import { ownsAction } from '../actions/actions';
import { auditActName, describeAuditDetail } from '../network/audit';
import type { AuditEntry, FeedbackStatus, Network, RagStatus, Role } from '../model';
import type { Session } from '../session';
import { platformIdentity } from '../identity';
import { dropPendingCode } from './account-link';
import type { ExpiredCounts, Store } from '../store';
import { plain } from '../markdown';

const EVER = ['1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'] as const;

// Statuses as words in a line of prose ("linked to an action", "amber"), not as stored.
const feedbackStatusShown = (status: FeedbackStatus, language: Language): string => feedbackStatusName(status, language).toLowerCase();
const ragShown = (status: RagStatus, language: Language): string => ragName(status, language).toLowerCase();
const rolesShown = (roles: readonly Role[], language: Language): string => roles.map((r) => networkText(language)[r]).join(', ');

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
  const { language } = session;
  const say = privacyText(language);
  const when = (iso: string) => formatDateTime(iso, network.timeZone, language);
  const built = card('details', {
    title: say.myDataTitle,
    intro: say.myDataIntro(plain(network.name), platformName(member.platform)),
    facts: [
      { title: say.name, value: plain(member.name) },
      { title: say.email, value: member.email === null ? say.notKnown : plain(member.email) },
      { title: say.roles, value: rolesShown(member.roles, language) },
      { title: say.firstSeen, value: when(member.createdAt) },
      { title: say.namedFeedback, value: String(named.length) },
      { title: say.namedAnswers, value: String(answers.length) },
      { title: say.updatesMade, value: String(mine.length) },
      { title: say.actionsUnderEmail, value: owned.map((a) => a.number).join(', ') || say.none },
    ],
    lines: [
      ...named.map((f) => ({
        line: `${feedbackReference(f.number)} · ${plain(themeName(f.theme, language))} · ${when(f.createdAt)} · ${feedbackStatusShown(f.status, language)}: “${plain(f.text)}”`,
      })),
      ...answers.map((a) => ({ line: say.pulseAnswer(plain(a.value), when(a.answeredAt)) })),
      ...mine.map((u) => ({ line: say.updateTo(u.actionNumber, when(u.at), ragShown(u.status, language), u.note) })),
    ],
    note: say.myDataNote,
  });
  return { ...built, language };
}

export function forgetConfirm(language: Language = 'en'): Card {
  return { ...card('forget-confirm', { cv: CARD_VERSION, text: privacyText(language).forgetText }), language };
}

/** Removes the person's member record and anonymises everything they sent with their name. */
export async function forgetMe(deps: CoreDeps, session: Session): Promise<Card> {
  await forgetLinks(deps, session);
  const counts = await deps.store.forgetMember(session.network.id, session.member.id);
  const say = privacyText(session.language);
  const done = messageCard(say.forgottenTitle, say.forgotten(counts.feedback, counts.answers, counts.actionUpdates, platformName(session.member.platform)), 'good');
  return { ...done, language: session.language };
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
  const { language } = session;
  const say = privacyText(language);
  const built = card('details', {
    title: say.auditTitle,
    intro: say.auditIntro(days, entries.length),
    facts: [],
    lines: await Promise.all(
      latest.map(async (e) => {
        const detail = await describeAuditDetail(deps.store, e, language);
        return { line: `${formatDateTime(e.at, session.network.timeZone, language)} · ${actorShown(e.actorId, e.actorName, language)} · ${auditActName(e.act, language)}${detail ? ` · ${detail}` : ''}` };
      }),
    ),
    note: entries.length > latest.length ? say.auditMore(latest.length, session.network.id) : '',
  });
  return { ...built, language };
}
