import { randomUUID } from 'node:crypto';
import { type Card, messageCard } from './cards';
import { linkAccounts } from './account-link';
import { isCurrentCard, isVerb, parseSubmission, type Submission, type Verb } from './submissions';
import type { CoreDeps } from './deps';
import type { Inbound } from './context';
import type { OutgoingMessage } from './messages';
import { UserError } from './errors';
import { closestCommand, parseCommand } from './commands';
import { now, nowIso, toTheHour } from './clock';
import { keyedHash } from './identity';
import { helpCard } from './help';
import { feedbackForm, submitFeedback } from './feedback';
import { acknowledgeFeedback, feedbackInbox, feedbackRespondCard, linkFeedback, replyToFeedback } from './feedback-triage';
import { answerPulse, createPulse, listPulses, pulseCreateForm, pulseResults, showQuestion } from './pulses';
import { actionUpdateForm, listActions, updateAction } from './actions';
import { summaryMessage } from './summary';
import { parseSummaryArgs } from './summary-command';
import { exportCommand } from './export';
import { planCommand } from './plan-commands';
import { rolesCard, setRoles } from './roles';
import { forumOf, registerForum } from './forums';
import { isAdmin, isChair, resolveSession, type Session } from './session';
import { auditCard, forgetConfirm, forgetMe, myData, recordAudit } from './privacy';
import { markActionDone, snoozeReminders } from './reminders';
import type { CardActionObserver } from './observers';
import { addConsultation, consultationForm, narrativeEdit, narrativeList, narrativeSave, quoteCommand, showProfile, submitProfile } from './submission/chat';
import { NO_LIMITS, RateLimiter, waitFor, type LimitKind, type RateLimits } from './rate-limits';
import { plain } from './markdown';

const SENT_PRIVATELY = 'That is for you alone, so I have sent it to you in a private chat with Techvoice.';
const PRIVATE_ONLY = 'That is for you alone, so I only show it in a private chat: write to me directly and ask there.';

const CHAIRS_ONLY = 'Only forum chairs and admins can do that. Ask an admin if you need the chair role.';
const ADMINS_ONLY = 'Only admins can do that. Admins are set by your Techvoice administrator.';

function requireChair(session: Session): void {
  if (!isChair(session.member)) throw new UserError(CHAIRS_ONLY);
}

function requireAdmin(session: Session): void {
  if (!isAdmin(session.member)) throw new UserError(ADMINS_ONLY);
}

type Handler<V extends Verb> = (session: Session, input: Submission<V>) => Promise<Card>;

/**
 * The platform-neutral core: every command and card action a person can use. Adapters turn
 * platform requests into `Inbound` values and render what comes back.
 */
export class Techvoice {
  private readonly admins: ReadonlySet<string>;
  private readonly limiter: RateLimiter;

  constructor(
    readonly deps: CoreDeps,
    admins: readonly string[],
    private readonly observer: CardActionObserver | null = null,
    limits: RateLimits = NO_LIMITS,
  ) {
    this.admins = new Set(admins);
    this.limiter = new RateLimiter(limits);
  }

  private admit(kind: LimitKind, inbound: Inbound, sent?: string) {
    return this.limiter.admit(kind, `${inbound.requester.platform}:${inbound.requester.userId}`, sent);
  }

  session(inbound: Inbound): Promise<Session> {
    return resolveSession(this.deps.store, this.admins, inbound);
  }

  /**
   * True the first time a platform event is seen: retried deliveries are handled once. The
   * parts name the event (an activity or action id with what makes it unique); only a keyed
   * hash of them is kept, stamped with the hour, so a mark names nobody and cannot be lined
   * up with the anonymous answer written just after it.
   */
  isFirstDelivery(...eventParts: string[]): Promise<boolean> {
    return this.deps.store.markProcessed(keyedHash(this.deps.secret, 'event', ...eventParts), toTheHour(now()));
  }

  /** Someone added the bot or joined a conversation with it: remember them and say hello. */
  async welcome(inbound: Inbound): Promise<OutgoingMessage[]> {
    const session = await this.session(inbound);
    return [{ card: helpCard(session.member, 'Hello! I am Techvoice: I help your technician network hear from everyone. Type one of these:') }];
  }

  /** A typed command. Problems come back as a friendly message; nothing is changed by them. */
  async handleText(inbound: Inbound, text: string): Promise<OutgoingMessage[]> {
    // Platforms' redeliveries of a message are dropped before this (isFirstDelivery), so each call counts.
    const admitted = this.admit('commands', inbound);
    if (!admitted.ok) return [{ text: `You are sending commands faster than I can answer them. Please try again ${waitFor(admitted.retryInMs)}.` }];
    const session = await this.session(inbound);
    try {
      return await this.keepPrivate(session, [await this.runCommand(session, text)]);
    } catch (error) {
      if (error instanceof UserError) return [{ text: error.message }];
      throw error;
    }
  }

  /**
   * What is for one person, asked for in a channel, goes to their private chat with
   * Techvoice instead (through the outbox); the channel is told only that it was sent.
   */
  async keepPrivate(session: Session, messages: OutgoingMessage[]): Promise<OutgoingMessage[]> {
    if (session.inbound.conversation.kind === 'personal') return messages;
    const mine = messages.filter((m) => m.private);
    if (mine.length === 0) return messages;
    const { member } = session;
    const address = member.directAddress ?? session.inbound.requester.directAddress;
    if (!address) return [{ text: PRIVATE_ONLY }, ...messages.filter((m) => !m.private)];
    for (const message of mine) {
      await this.deps.outbox.enqueue(session.network.id, `private:${randomUUID()}`, [{ key: member.id, platform: member.platform, address }], message);
    }
    this.deps.outbox.kick();
    return [{ text: SENT_PRIVATELY }, ...messages.filter((m) => !m.private)];
  }

  private async runCommand(session: Session, text: string): Promise<OutgoingMessage> {
    const { command, word, args } = parseCommand(text);
    const deps = this.deps;
    switch (command) {
      case 'help':
        return { card: helpCard(session.member) };
      case 'feedback':
        if (/^(list|inbox)$/i.test(args.trim())) {
          requireChair(session);
          return { card: await feedbackInbox(deps, session) };
        }
        return { card: feedbackForm({ text: args.slice(0, 2000) }) };
      case 'pulse':
        if (args.toLowerCase() === 'new') {
          requireChair(session);
          return { card: await pulseCreateForm(deps, session) };
        }
        return { card: await listPulses(deps, session) };
      case 'actions':
        return { card: await listActions(deps, session, '', args) };
      case 'summary': {
        const summary = await this.summary(session, args);
        await recordAudit(deps.store, session, 'summary', args.trim());
        return summary;
      }
      case 'roles':
        requireAdmin(session);
        return { card: await rolesCard(deps, session) };
      case 'export': {
        requireChair(session);
        const file = await exportCommand(deps, session, args);
        await recordAudit(deps.store, session, 'export', args.trim());
        return file;
      }
      case 'forum': {
        requireAdmin(session);
        const { text, forum } = await registerForum(deps, session, args.trim());
        await recordAudit(deps.store, session, 'forum', forum.name);
        return { text };
      }
      case 'plan': {
        requireAdmin(session);
        const lines = await planCommand(deps.store, session.network.id, args, nowIso(), { id: session.member.id, name: session.member.name });
        await recordAudit(deps.store, session, 'plan', args.trim().split(/\s+/)[0] || 'list');
        return { text: lines.join('\n') };
      }
      case 'audit':
        requireAdmin(session);
        return { card: await auditCard(deps, session, parseDays(args)) };
      case 'profile':
        requireAdmin(session);
        return { card: await showProfile(deps, session) };
      case 'narrative':
        requireChair(session);
        return { card: args.trim() ? await narrativeEdit(deps, session, args.trim().toLowerCase()) : await narrativeList(deps, session) };
      case 'consultation':
        requireChair(session);
        return { card: await consultationForm(deps, session) };
      case 'quote': {
        requireChair(session);
        const text = await quoteCommand(deps, session, args);
        await recordAudit(deps.store, session, 'quote', args.trim().slice(0, 40));
        return { text };
      }
      case 'my data':
        return { card: await myData(deps, session), private: true };
      case 'link':
        return { text: await linkAccounts(deps, session, args), private: true };
      case 'forget me':
        return { card: forgetConfirm() };
      case null: {
        const meant = closestCommand(word);
        const suggestion = meant ? ` Did you mean **${meant}**?` : '';
        return { text: `Sorry, I don’t know “${plain(word.slice(0, 40))}”.${suggestion} Type **help** to see what I can do.` };
      }
    }
  }

  private async summary(session: Session, args: string): Promise<OutgoingMessage> {
    requireChair(session);
    const forum = await forumOf(this.deps, session);
    const { days, filters } = parseSummaryArgs(args, forum);
    return summaryMessage(this.deps, { network: session.network, audienceName: forum?.name ?? session.network.name, days, filters }, session.inbound.requester.platform);
  }

  /**
   * A card button or form: `data` is what the card sent (its action data merged with its
   * inputs). Returns the card that replaces the submitted one.
   */
  async handleCardAction(inbound: Inbound, data: Record<string, unknown>): Promise<Card> {
    if (!this.observer) return this.answerCardAction(inbound, data);
    const verb = isVerb(data.verb) ? data.verb : 'unknown';
    try {
      const answer = await this.answerCardAction(inbound, data);
      this.observer.cardAction(inbound.requester.platform, verb, isProblem(answer) ? 'refused' : 'done');
      return answer;
    } catch (error) {
      this.observer.cardAction(inbound.requester.platform, verb, 'failed');
      throw error;
    }
  }

  private async answerCardAction(inbound: Inbound, data: Record<string, unknown>): Promise<Card> {
    const verb = data.verb;
    if (!isVerb(verb)) {
      return messageCard('Not recognised', 'That button is not one I know. Type **help** to start again.', 'attention');
    }
    if (!isCurrentCard(data)) {
      return messageCard('This card is out of date', 'Techvoice has changed since this card was sent. Type **help** for a fresh one.', 'warning');
    }
    const limited = this.limited(inbound, verb, data);
    if (limited) return limited;
    const session = await this.session(inbound);
    try {
      const card = await this.runVerb(session, verb, data);
      if (AUDITED_VERBS.has(verb) && isChair(session.member) && !isProblem(card)) {
        await recordAudit(this.deps.store, session, verb, auditDetail(data));
      }
      return card;
    } catch (error) {
      if (error instanceof UserError) return messageCard('Sorry', error.message, 'attention');
      throw error;
    }
  }

  /** The card to show when a person is over their limit, or null. A retry (the same data) is never refused. */
  private limited(inbound: Inbound, verb: Verb, data: Record<string, unknown>): Card | null {
    const isFeedback = verb === 'feedback.submit';
    // Feedback is known by its form: the fingerprint needs none of what was written.
    const sent = isFeedback && typeof data.formId === 'string' ? `${verb} ${data.formId}` : JSON.stringify(data);
    const admitted = this.admit(isFeedback ? 'feedback' : 'presses', inbound, sent);
    if (admitted.ok) return null;
    const when = waitFor(admitted.retryInMs);
    if (!isFeedback) return messageCard('One moment', `You are pressing buttons faster than I can answer them. Please try again ${when}.`, 'warning');
    // The form comes back with what they wrote, so nothing is lost.
    return feedbackFormAgain(data, `You have sent a lot of feedback in a short time, so this one is not sent yet. Please send it again ${when}: your text is still here.`);
  }

  private async runVerb(session: Session, verb: Verb, data: Record<string, unknown>): Promise<Card> {
    const parsed = parseSubmission(verb, data);
    if (!parsed.ok) return this.invalid(session, verb, data, parsed.error);
    return this.handlers[verb](session, parsed.value as never);
  }

  /** Shows the form again with what the person typed and what to fix. */
  private async invalid(session: Session, verb: Verb, data: Record<string, unknown>, error: string): Promise<Card> {
    const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
    switch (verb) {
      case 'feedback.submit':
        return feedbackFormAgain(data, error);
      case 'pulse.create':
        requireChair(session);
        return pulseCreateForm(this.deps, session, Object.fromEntries(Object.keys(data).map((k) => [k, str(k)])), error);
      case 'action.update':
        return actionUpdateForm(this.deps, session, str('number'), { status: str('status'), note: str('note'), evidence: str('evidence') }, '', error);
      case 'feedback.link':
      case 'feedback.reply':
        requireChair(session);
        if (Number.isInteger(Number(data.number)) && Number(data.number) > 0) {
          return feedbackRespondCard(this.deps, session, Number(data.number), '', error, { action: str('action'), reply: str('reply') });
        }
        throw new UserError(error);
      case 'roles.set':
        requireAdmin(session);
        return rolesCard(this.deps, session, '', error, { member: str('member'), roles: str('roles'), email: str('email'), change: str('change') });
      default:
        throw new UserError(error);
    }
  }

  private readonly handlers: { [V in Verb]: Handler<V> } = {
    'feedback.submit': (session, input) => submitFeedback(this.deps, session, input),
    'pulse.new': async (session) => {
      requireChair(session);
      return pulseCreateForm(this.deps, session);
    },
    'pulse.create': async (session, input) => {
      requireChair(session);
      return createPulse(this.deps, session, input);
    },
    'pulse.answer': (session, input) => answerPulse(this.deps, session, input),
    'pulse.open': (session, input) => showQuestion(this.deps, session, input.roundId),
    'pulse.results': async (session, input) => {
      requireChair(session);
      return pulseResults(this.deps, session, input.roundId);
    },
    'action.edit': (session, input) => actionUpdateForm(this.deps, session, input.number),
    'actions.page': (session, input) => listActions(this.deps, session, '', `${input.filter} page ${input.page}`),
    'action.update': (session, input) => updateAction(this.deps, session, input),
    'reminder.done': (session, input) => markActionDone(this.deps, session, input),
    'reminder.snooze': (session, input) => snoozeReminders(this.deps, session, input),
    'feedback.list': async (session) => {
      requireChair(session);
      return feedbackInbox(this.deps, session);
    },
    'feedback.open': async (session, input) => {
      requireChair(session);
      return feedbackRespondCard(this.deps, session, input.number);
    },
    'feedback.acknowledge': async (session, input) => {
      requireChair(session);
      return acknowledgeFeedback(this.deps, session, input);
    },
    'feedback.link': async (session, input) => {
      requireChair(session);
      return linkFeedback(this.deps, session, input);
    },
    'feedback.reply': async (session, input) => {
      requireChair(session);
      return replyToFeedback(this.deps, session, input);
    },
    'privacy.forget': (session) => forgetMe(this.deps, session),
    'roles.set': async (session, input) => {
      requireAdmin(session);
      return setRoles(this.deps, session, input);
    },
    'profile.save': async (session, input) => {
      requireAdmin(session);
      return submitProfile(this.deps, session, input);
    },
    'narrative.list': async (session) => {
      requireChair(session);
      return narrativeList(this.deps, session);
    },
    'narrative.edit': async (session, input) => {
      requireChair(session);
      return narrativeEdit(this.deps, session, input.section);
    },
    'narrative.save': async (session, input) => {
      requireChair(session);
      return narrativeSave(this.deps, session, input);
    },
    'consultation.add': async (session, input) => {
      requireChair(session);
      return addConsultation(this.deps, session, input);
    },
  };
}

/** Chair and admin acts that change something or reveal results: kept in the audit log. */
const AUDITED_VERBS: ReadonlySet<Verb> = new Set<Verb>([
  'pulse.create',
  'pulse.results',
  'action.update',
  'feedback.acknowledge',
  'feedback.link',
  'feedback.reply',
  'roles.set',
  'profile.save',
  'narrative.save',
  'consultation.add',
]);

/** Identifiers only: never the text someone typed. */
function auditDetail(data: Record<string, unknown>): string {
  const keys = ['number', 'roundId', 'member', 'roles', 'status', 'action', 'audience', 'kind', 'theme', 'section', 'heldOn'];
  return keys
    .filter((k) => typeof data[k] === 'string' || typeof data[k] === 'number')
    .map((k) => `${k}=${String(data[k])}`)
    .join(' ');
}

/** A card that reports a problem rather than a done act. */
/** The feedback form again with what was typed in it, and what to do. */
function feedbackFormAgain(data: Record<string, unknown>, error: string): Card {
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  return feedbackForm({ theme: str('theme'), text: str('text'), anonymous: str('anonymous') !== 'false' }, error);
}

function isProblem(card: Card): boolean {
  if (card.name === 'message') return card.data.style === 'attention' || card.data.style === 'warning';
  return 'error' in card.data && typeof card.data.error === 'string' && card.data.error !== '';
}

function parseDays(args: string): number {
  const days = args.trim() === '' ? 30 : Number(args.trim());
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UserError('Give the number of days as a whole number, e.g. **audit 90**.');
  return days;
}
