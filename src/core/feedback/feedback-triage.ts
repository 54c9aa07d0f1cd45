import { card, CARD_VERSION, NO_NOTICE, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import { feedbackReference, stampFor } from './feedback';
import { formatDateTime, RAG_LABELS } from '../format';
import type { Action, Feedback, Network } from '../model';
import { openReplyAddress } from './sealed-reply';
import type { Session } from '../session';
import type { FeedbackAcknowledgeInput, FeedbackLinkInput, FeedbackReplyInput } from './inputs';
import { FEEDBACK_STATUS_LABELS } from '../summary/summary';
import { plain } from '../markdown';

const ALL_TIME = ['1970-01-01T00:00:00.000Z', '9999-12-31T00:00:00.000Z'] as const;
const SHOWN = 15;

/** Every feedback item of a network, oldest first. */
export const allFeedback = (deps: Pick<CoreDeps, 'store'>, networkId: string): Promise<Feedback[]> => deps.store.listFeedback(networkId, ...ALL_TIME);

/** Chairs' inbox: feedback not yet closed with a reply, newest first. */
export async function feedbackInbox(deps: CoreDeps, session: Session, notice = ''): Promise<Card> {
  const open = (await allFeedback(deps, session.network.id)).filter((f) => f.status !== 'closed').reverse();
  const zone = session.network.timeZone;
  return card('feedback-inbox', {
    ...NO_NOTICE,
    notice,
    cv: CARD_VERSION,
    intro: open.length
      ? `${open.length} feedback item${open.length === 1 ? '' : 's'} waiting for a reply${open.length > SHOWN ? ` (newest ${SHOWN} shown)` : ''}. Open one to acknowledge it, link it to an action or reply.`
      : 'No feedback is waiting for a reply. 🎉',
    items: open.slice(0, SHOWN).map((f) => ({
      number: String(f.number),
      heading: `**${feedbackReference(f.number)}** · ${plain(f.theme)} · ${FEEDBACK_STATUS_LABELS[f.status]}${f.linkedAction ? ` (${plain(f.linkedAction)})` : ''}`,
      text: plain(f.text.length > 300 ? `${f.text.slice(0, 299)}…` : f.text),
      meta: `${formatDateTime(f.createdAt, zone)} · ${f.anonymous ? 'Anonymous' : 'Named'}`,
    })),
  });
}

async function loadFeedback(deps: CoreDeps, session: Session, number: number): Promise<Feedback> {
  const feedback = await deps.store.getFeedback(session.network.id, number);
  if (!feedback) throw new UserError(`There is no ${feedbackReference(number)} in your network. Type **feedback list** to see the open items.`);
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
  return card('feedback-respond', {
    notice,
    error,
    cv: CARD_VERSION,
    number: String(feedback.number),
    heading: `${feedbackReference(feedback.number)} · ${plain(feedback.theme)} · ${FEEDBACK_STATUS_LABELS[feedback.status]}`,
    text: plain(feedback.text),
    from: `${feedback.anonymous ? 'Anonymous' : `Named: ${plain(author?.name ?? 'a member')}`} · ${formatDateTime(feedback.createdAt, session.network.timeZone)}`,
    linked: linked ? `Linked to **${plain(linked.number)}** ${plain(linked.title)} (${RAG_LABELS[linked.status]})` : feedback.linkedAction ? `Linked to ${plain(feedback.linkedAction)}` : '',
    reply: feedback.reply ? `Reply sent: ${plain(feedback.reply)}` : '',
    canAcknowledge: feedback.status === 'new',
    isClosed: feedback.status === 'closed',
    actions: actions.map((a) => ({ title: `${a.number} ${a.title}`.slice(0, 120), value: a.number })),
    reachable: reachable
      ? `Your reply reaches the author in chat${feedback.anonymous ? ' without you or anyone learning who they are' : ''}.`
      : 'The author cannot be reached in chat, so the reply will be kept with the item and counted in summaries.',
    values: values ?? { action: feedback.linkedAction ?? '', reply: '' },
  });
}

/** Statuses of an item not yet closed with a reply. */
const OPEN = ['new', 'acknowledged', 'linked'] as const;

/** Sends a message to the author through the sealed handle; false when there is no way back. */
async function messageAuthor(deps: CoreDeps, network: Network, feedback: Feedback, job: string, message: Parameters<CoreDeps['outbox']['enqueue']>[3]): Promise<boolean> {
  const sealed = await deps.store.getReplyHandle(network.id, feedback.number);
  const to = sealed ? openReplyAddress(deps.secret, network.id, feedback.number, sealed) : null;
  if (!to) return false;
  // The recipient key names the item, never the person: delivery records stay anonymous too.
  await deps.outbox.enqueue(network.id, `feedback-${job}:${network.id}:${feedback.number}`, [{ key: 'author', ...to }], message);
  deps.outbox.kick();
  return true;
}

export async function acknowledgeFeedback(deps: CoreDeps, session: Session, input: FeedbackAcknowledgeInput): Promise<Card> {
  const feedback = await loadFeedback(deps, session, input.number);
  const reference = feedbackReference(feedback.number);
  const acknowledged = feedback.status === 'new' && (await deps.store.updateFeedbackFrom({ ...feedback, status: 'acknowledged', updatedAt: stampFor(feedback) }, ['new']));
  if (!acknowledged) return feedbackRespondCard(deps, session, feedback.number, `${reference} was already acknowledged.`);
  const told = await messageAuthor(deps, session.network, feedback, 'ack', {
    text: `Your feedback ${reference} (${plain(feedback.theme)}) has been read by the forum chairs. I will pass on their reply when they send one.`,
  });
  return feedbackRespondCard(deps, session, feedback.number, `Acknowledged ${reference}.${told ? ' The author has been told.' : ''}`);
}

export async function linkFeedback(deps: CoreDeps, session: Session, input: FeedbackLinkInput): Promise<Card> {
  const feedback = await loadFeedback(deps, session, input.number);
  const action = await deps.store.getAction(session.network.id, input.action);
  if (!action) {
    return feedbackRespondCard(deps, session, feedback.number, '', `There is no action ${input.action} in your plan. Choose one from the list.`, { action: '', reply: '' });
  }
  const linked = await deps.store.updateFeedbackFrom({ ...feedback, status: 'linked', linkedAction: action.number, updatedAt: stampFor(feedback) }, OPEN);
  if (!linked) throw new UserError(`${feedbackReference(feedback.number)} is closed with a reply already.`);
  return feedbackRespondCard(deps, session, feedback.number, `Linked ${feedbackReference(feedback.number)} to action ${action.number}. Summaries count it as feedback that led to action.`);
}

function replyCard(feedback: Feedback, reply: string, action: Action | null): Card {
  return card('feedback-reply', {
    title: `You said, we did: ${feedbackReference(feedback.number)} (${plain(feedback.theme)})`,
    said: plain(feedback.text),
    did: plain(reply),
    action: action ? `It led to action **${plain(action.number)}** ${plain(action.title)}, now ${RAG_LABELS[action.status]}.` : '',
  });
}

/** A reply to an item closed already: the same reply again is fine; another one is not sent. */
function alreadyReplied(deps: CoreDeps, session: Session, feedback: Feedback, reply: string): Promise<Card> {
  const reference = feedbackReference(feedback.number);
  if (feedback.reply === reply) return feedbackRespondCard(deps, session, feedback.number, `This reply to ${reference} was sent already: once is enough.`);
  return feedbackRespondCard(
    deps,
    session,
    feedback.number,
    '',
    `${reference} is closed with a reply already, sent before yours: that is the reply the author received, and yours was not sent. Start a new conversation in the forum if there is more to say.`,
  );
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
  const sent = await messageAuthor(deps, session.network, closed, 'reply', { card: replyCard(closed, input.reply, action) });
  return feedbackRespondCard(
    deps,
    session,
    feedback.number,
    sent ? `Reply sent to the author of ${reference}, and the item is closed.` : `${reference} is closed with your reply. Its author cannot be reached in chat.`,
  );
}
