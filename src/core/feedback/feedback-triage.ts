import { card, CARD_VERSION, inLanguage, NO_NOTICE, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import { feedbackReference, stampFor } from './feedback';
import { formatDateTime } from '../format';
import type { Language } from '../i18n/language';
import { ragLabel, themeName } from '../i18n/words';
import type { Action, Feedback, Network } from '../model';
import { openReplyAddress } from './sealed-reply';
import type { Session } from '../session';
import type { FeedbackAcknowledgeInput, FeedbackLinkInput, FeedbackReplyInput } from './inputs';
import { plain } from '../markdown';
import { FEEDBACK_AUTHOR_TEXT, FEEDBACK_TRIAGE_TEXT, feedbackStatusName } from './text';

const ALL_TIME = ['1970-01-01T00:00:00.000Z', '9999-12-31T00:00:00.000Z'] as const;
const SHOWN = 15;

/** Every feedback item of a network, oldest first. */
export const allFeedback = (deps: Pick<CoreDeps, 'store'>, networkId: string): Promise<Feedback[]> => deps.store.listFeedback(networkId, ...ALL_TIME);

/** Chairs' inbox: feedback not yet closed with a reply, newest first. */
export async function feedbackInbox(deps: CoreDeps, session: Session, notice = ''): Promise<Card> {
  const open = (await allFeedback(deps, session.network.id)).filter((f) => f.status !== 'closed').reverse();
  const zone = session.network.timeZone;
  const { language } = session;
  const t = FEEDBACK_TRIAGE_TEXT(language);
  return card('feedback-inbox', {
    ...NO_NOTICE,
    notice,
    cv: CARD_VERSION,
    intro: open.length ? `${t.waiting(open.length)}${open.length > SHOWN ? t.newestShown(SHOWN) : ''}. ${t.inboxHint}` : t.nothingWaiting,
    items: open.slice(0, SHOWN).map((f) => ({
      number: String(f.number),
      heading: `**${feedbackReference(f.number)}** · ${themeName(f.theme, language)} · ${feedbackStatusName(f.status, language)}${f.linkedAction ? ` (${plain(f.linkedAction)})` : ''}`,
      text: plain(f.text.length > 300 ? `${f.text.slice(0, 299)}…` : f.text),
      meta: `${formatDateTime(f.createdAt, zone, language)} · ${f.anonymous ? t.anonymous : t.named}`,
    })),
  });
}

async function loadFeedback(deps: CoreDeps, session: Session, number: number): Promise<Feedback> {
  const feedback = await deps.store.getFeedback(session.network.id, number);
  if (!feedback) throw new UserError((language) => FEEDBACK_TRIAGE_TEXT(language).noSuchItem(feedbackReference(number)));
  return feedback;
}

async function canReachAuthor(deps: CoreDeps, feedback: Feedback): Promise<boolean> {
  const sealed = await deps.store.getReplyHandle(feedback.networkId, feedback.number);
  return sealed !== null && openReplyAddress(deps.secret, feedback.networkId, feedback.number, sealed) !== null;
}

/** One item for a chair, with what they can do next. */
export async function feedbackRespondCard(
  deps: CoreDeps,
  session: Session,
  number: number,
  notice = '',
  error = '',
  values?: { action: string; reply: string },
): Promise<Card> {
  const feedback = await loadFeedback(deps, session, number);
  const actions = await deps.store.listActions(session.network.id);
  const linked = feedback.linkedAction ? actions.find((a) => a.number === feedback.linkedAction) : undefined;
  const author = feedback.authorMemberId ? await deps.store.getMember(session.network.id, feedback.authorMemberId) : null;
  const reachable = await canReachAuthor(deps, feedback);
  const { language } = session;
  const t = FEEDBACK_TRIAGE_TEXT(language);
  return card('feedback-respond', {
    notice,
    error,
    cv: CARD_VERSION,
    number: String(feedback.number),
    heading: `${feedbackReference(feedback.number)} · ${themeName(feedback.theme, language)} · ${feedbackStatusName(feedback.status, language)}`,
    text: plain(feedback.text),
    from: `${feedback.anonymous ? t.anonymous : t.namedAs(plain(author?.name ?? t.aMember))} · ${formatDateTime(feedback.createdAt, session.network.timeZone, language)}`,
    linked: linked
      ? t.linkedTo(plain(linked.number), plain(linked.title), ragLabel(linked.status, language))
      : feedback.linkedAction
        ? t.linkedToNumber(plain(feedback.linkedAction))
        : '',
    reply: feedback.reply ? t.replySent(plain(feedback.reply)) : '',
    canAcknowledge: feedback.status === 'new',
    isClosed: feedback.status === 'closed',
    actions: actions.map((a) => ({ title: `${a.number} ${a.title}`.slice(0, 120), value: a.number })),
    reachable: reachable ? t.reachable(feedback.anonymous) : t.unreachable,
    values: values ?? { action: feedback.linkedAction ?? '', reply: '' },
  });
}

/** Statuses of an item not yet closed with a reply. */
const OPEN = ['new', 'acknowledged', 'linked'] as const;

type OutgoingMessage = Parameters<CoreDeps['outbox']['enqueue']>[3];

/** Sends a message to the author through the sealed handle, in the language they wrote in; false when there is no way back. */
async function messageAuthor(deps: CoreDeps, network: Network, feedback: Feedback, job: string, message: (language: Language) => OutgoingMessage): Promise<boolean> {
  const sealed = await deps.store.getReplyHandle(network.id, feedback.number);
  const to = sealed ? openReplyAddress(deps.secret, network.id, feedback.number, sealed) : null;
  if (!to) return false;
  // The recipient key names the item, never the person: delivery records stay anonymous too.
  const address = { platform: to.platform, address: to.address };
  await deps.outbox.enqueue(network.id, `feedback-${job}:${network.id}:${feedback.number}`, [{ key: 'author', ...address }], message(to.language ?? network.language));
  deps.outbox.kick();
  return true;
}

export async function acknowledgeFeedback(deps: CoreDeps, session: Session, input: FeedbackAcknowledgeInput): Promise<Card> {
  const feedback = await loadFeedback(deps, session, input.number);
  const reference = feedbackReference(feedback.number);
  const t = FEEDBACK_TRIAGE_TEXT(session.language);
  const acknowledged = feedback.status === 'new' && (await deps.store.updateFeedbackFrom({ ...feedback, status: 'acknowledged', updatedAt: stampFor(feedback) }, ['new']));
  if (!acknowledged) return feedbackRespondCard(deps, session, feedback.number, t.acknowledgedAlready(reference));
  const told = await messageAuthor(deps, session.network, feedback, 'ack', (language) => ({
    text: FEEDBACK_AUTHOR_TEXT(language).acknowledged(reference, themeName(feedback.theme, language)),
  }));
  return feedbackRespondCard(deps, session, feedback.number, t.acknowledged(reference, told));
}

export async function linkFeedback(deps: CoreDeps, session: Session, input: FeedbackLinkInput): Promise<Card> {
  const feedback = await loadFeedback(deps, session, input.number);
  const action = await deps.store.getAction(session.network.id, input.action);
  const t = FEEDBACK_TRIAGE_TEXT(session.language);
  if (!action) return feedbackRespondCard(deps, session, feedback.number, '', t.noSuchAction(input.action), { action: '', reply: '' });
  const linked = await deps.store.updateFeedbackFrom({ ...feedback, status: 'linked', linkedAction: action.number, updatedAt: stampFor(feedback) }, OPEN);
  if (!linked) throw new UserError((language) => FEEDBACK_TRIAGE_TEXT(language).closedAlready(feedbackReference(feedback.number)));
  return feedbackRespondCard(deps, session, feedback.number, t.linked(feedbackReference(feedback.number), action.number));
}

/** "You said, we did", drawn in the author's language. */
function replyCard(feedback: Feedback, reply: string, action: Action | null, language: Language): Card {
  const t = FEEDBACK_AUTHOR_TEXT(language);
  const drawn = card('feedback-reply', {
    title: t.replyTitle(feedbackReference(feedback.number), themeName(feedback.theme, language)),
    said: plain(feedback.text),
    did: plain(reply),
    action: action ? t.ledToAction(plain(action.number), plain(action.title), ragLabel(action.status, language)) : '',
  });
  return inLanguage(drawn, language);
}

/** A reply to an item closed already: the same reply again is fine; another one is not sent. */
function alreadyReplied(deps: CoreDeps, session: Session, feedback: Feedback, reply: string): Promise<Card> {
  const reference = feedbackReference(feedback.number);
  const t = FEEDBACK_TRIAGE_TEXT(session.language);
  if (feedback.reply === reply) return feedbackRespondCard(deps, session, feedback.number, t.sameReplyAgain(reference));
  return feedbackRespondCard(deps, session, feedback.number, '', t.repliedBefore(reference));
}

/** Closes the item with a reply and sends it to the author, however they gave it. */
export async function replyToFeedback(deps: CoreDeps, session: Session, input: FeedbackReplyInput): Promise<Card> {
  const feedback = await loadFeedback(deps, session, input.number);
  if (feedback.status === 'closed') return alreadyReplied(deps, session, feedback, input.reply);
  const action = feedback.linkedAction ? await deps.store.getAction(session.network.id, feedback.linkedAction) : null;
  const closed: Feedback = { ...feedback, status: 'closed', reply: input.reply, updatedAt: stampFor(feedback) };
  // Conditional: of two chairs replying at once, only the reply stored first is sent.
  if (!(await deps.store.updateFeedbackFrom(closed, OPEN))) return alreadyReplied(deps, session, await loadFeedback(deps, session, input.number), input.reply);
  const reference = feedbackReference(feedback.number);
  const sent = await messageAuthor(deps, session.network, closed, 'reply', (language) => ({ card: replyCard(closed, input.reply, action, language) }));
  const t = FEEDBACK_TRIAGE_TEXT(session.language);
  return feedbackRespondCard(deps, session, feedback.number, sent ? t.replied(reference) : t.repliedUnreachable(reference));
}
