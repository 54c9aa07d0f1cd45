import { randomUUID } from 'node:crypto';
import { type Card, messageCard } from './cards';
import { isCurrentCard } from './card-input';
import type { CoreDeps } from './deps';
import type { Inbound } from './context';
import type { OutgoingMessage } from './messages';
import { UserError } from './errors';
import { now, toTheHour } from './clock';
import { keyedHash } from './identity';
import { helpCard } from './chat/help';
import { requireRole, typedFrom, type ActionDefinition } from './interactions';
import { actionFor, COMMAND_BOOK, COMMANDS } from './registry';
import { isChair, resolveSession, type Session } from './session';
import { recordAudit } from './privacy/privacy';
import type { CardActionObserver } from './observers';
import { NO_LIMITS, RateLimiter, waitFor, type LimitKind, type RateLimits } from './rate-limits';
import { plain } from './markdown';
import { chatText } from './chat/text';
import { spoken } from './i18n/text';
import { DEFAULT_LANGUAGE, languageOfLocale, type Language } from './i18n/language';
import { inLanguage } from './cards';


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
    return [{ card: inLanguage(helpCard(session, COMMANDS, chatText(session.language).welcomeIntro), session.language) }];
  }

  /** A typed command. Problems come back as a friendly message; nothing is changed by them. */
  async handleText(inbound: Inbound, text: string): Promise<OutgoingMessage[]> {
    // Platforms' redeliveries of a message are dropped before this (isFirstDelivery), so each call counts.
    const admitted = this.admit('commands', inbound);
    if (!admitted.ok) {
      const language = languageBefore(inbound);
      return [{ text: chatText(language).commandsTooFast(waitFor(admitted.retryInMs, language)) }];
    }
    const session = await this.session(inbound);
    try {
      return await this.keepPrivate(session, await this.runCommand(session, text));
    } catch (error) {
      if (error instanceof UserError) return [{ text: error.in(session.language) }];
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
    const say = chatText(session.language);
    if (!address) return [{ text: say.privateOnly }, ...messages.filter((m) => !m.private)];
    for (const message of mine) {
      await this.deps.outbox.enqueue(session.network.id, `private:${randomUUID()}`, [{ key: member.id, platform: member.platform, address }], message);
    }
    this.deps.outbox.kick();
    return [{ text: say.sentPrivately }, ...messages.filter((m) => !m.private)];
  }

  private async runCommand(session: Session, text: string): Promise<OutgoingMessage[]> {
    const { command, word, args } = COMMAND_BOOK.parse(text);
    if (!command) return [{ text: chatText(session.language).unknownCommand(plain(word.slice(0, 40)), COMMAND_BOOK.closest(word)) }];
    requireRole(session, command.who);
    const { auditDetail, followedBy = [], ...message } = await command.run(this.deps, session, args);
    if (command.audited) await recordAudit(this.deps.store, session, command.name, auditDetail ?? args.trim().slice(0, 40));
    return [message, ...followedBy].map((said) => (said.card ? { ...said, card: inLanguage(said.card, session.language) } : said));
  }

  /**
   * A card button or form: `data` is what the card sent (its action data merged with its
   * inputs). Returns the card that replaces the submitted one.
   */
  async handleCardAction(inbound: Inbound, data: Record<string, unknown>): Promise<Card> {
    if (!this.observer) return this.answerCardAction(inbound, data);
    const verb = actionFor(data.verb)?.verb ?? 'unknown';
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
    const action = actionFor(data.verb);
    if (!action || !isCurrentCard(data)) {
      const language = languageBefore(inbound);
      const say = chatText(language);
      const card = action ? messageCard(say.outOfDateTitle, say.outOfDate, 'warning') : messageCard(say.notRecognisedTitle, say.notRecognised, 'attention');
      return inLanguage(card, language);
    }
    const limited = this.limited(inbound, action, data);
    if (limited) return inLanguage(limited, languageBefore(inbound));
    const session = await this.session(inbound);
    try {
      requireRole(session, action.who);
      const card = await this.runAction(session, action, data);
      if (action.audit && isChair(session.member) && !isProblem(card)) {
        await recordAudit(this.deps.store, session, action.verb, auditDetail(action.audit, data));
      }
      return inLanguage(card, session.language);
    } catch (error) {
      if (error instanceof UserError) return inLanguage(messageCard(chatText(session.language).sorry, error.in(session.language), 'attention'), session.language);
      throw error;
    }
  }

  /** The card to show when a person is over their limit, or null. A retry (the same data) is never refused. */
  private limited(inbound: Inbound, action: ActionDefinition, data: Record<string, unknown>): Card | null {
    const limit = action.limit;
    const admitted = this.admit(limit?.kind ?? 'presses', inbound, limit ? limit.fingerprint(data) : JSON.stringify(data));
    if (admitted.ok) return null;
    const language = languageBefore(inbound);
    const when = waitFor(admitted.retryInMs, language);
    if (limit) return limit.refused(data, when, language);
    const say = chatText(language);
    return messageCard(say.oneMoment, say.pressesTooFast(when), 'warning');
  }

  /** Validates what the card sent, then runs the action; a form with a problem comes back to be fixed. */
  private async runAction(session: Session, action: ActionDefinition, data: Record<string, unknown>): Promise<Card> {
    const parsed = action.input.safeParse(data);
    if (parsed.success) return action.run(this.deps, session, parsed.data);
    const issue = parsed.error.issues[0]?.message;
    const error = issue ? spoken(issue, session.language) : chatText(session.language).cardNotRight;
    if (action.redraw) return action.redraw(this.deps, session, typedFrom(data), error);
    throw new UserError(error);
  }
}

/** The language of someone not yet looked up (refused before their session is read): their client's, else English. */
function languageBefore(inbound: Inbound): Language {
  return languageOfLocale(inbound.requester.locale) ?? DEFAULT_LANGUAGE;
}

function auditDetail(fields: readonly string[], data: Record<string, unknown>): string {
  return fields
    .filter((k) => typeof data[k] === 'string' || typeof data[k] === 'number')
    .map((k) => `${k}=${String(data[k])}`)
    .join(' ');
}

/** A card that reports a problem rather than a done act. */
function isProblem(card: Card): boolean {
  if (card.name === 'message') return card.data.style === 'attention' || card.data.style === 'warning';
  return 'error' in card.data && typeof card.data.error === 'string' && card.data.error !== '';
}
