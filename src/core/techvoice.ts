import { type Card, messageCard } from './cards';
import { isCurrentCard, isVerb, parseSubmission, type Submission, type Verb } from './submissions';
import type { CoreDeps } from './deps';
import type { Inbound } from './context';
import type { OutgoingMessage } from './messages';
import { UserError } from './errors';
import { parseCommand } from './commands';
import { nowIso } from './clock';
import { helpCard } from './help';
import { feedbackForm, submitFeedback } from './feedback';
import { acknowledgeFeedback, feedbackInbox, feedbackRespondCard, linkFeedback, replyToFeedback } from './feedback-triage';
import { answerPulse, createPulse, listPulses, pulseCreateForm, pulseResults, showQuestion } from './pulses';
import { actionUpdateForm, listActions, updateAction } from './actions';
import { buildSummary } from './summary';
import { parseSummaryArgs } from './summary-command';
import { exportCommand } from './export';
import { planCommand } from './plan-commands';
import { rolesCard, setRoles } from './roles';
import { forumOf, registerForum } from './forums';
import { isAdmin, isChair, resolveSession, type Session } from './session';
import { auditCard, forgetConfirm, forgetMe, myData, recordAudit } from './privacy';
import { markActionDone, snoozeReminders } from './reminders';
import type { CardActionObserver } from './observers';

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

  constructor(
    readonly deps: CoreDeps,
    admins: readonly string[],
    private readonly observer: CardActionObserver | null = null,
  ) {
    this.admins = new Set(admins);
  }

  session(inbound: Inbound): Promise<Session> {
    return resolveSession(this.deps.store, this.admins, inbound);
  }

  /** True the first time a platform event id is seen: retried deliveries are handled once. */
  isFirstDelivery(eventKey: string): Promise<boolean> {
    return this.deps.store.markProcessed(eventKey, nowIso());
  }

  /** Someone added the bot or joined a conversation with it: remember them and say hello. */
  async welcome(inbound: Inbound): Promise<OutgoingMessage[]> {
    const session = await this.session(inbound);
    return [{ card: helpCard(session.member, 'Hello! I am Techvoice: I help your technician network hear from everyone. Type one of these:') }];
  }

  /** A typed command. Problems come back as a friendly message; nothing is changed by them. */
  async handleText(inbound: Inbound, text: string): Promise<OutgoingMessage[]> {
    const session = await this.session(inbound);
    try {
      return [await this.runCommand(session, text)];
    } catch (error) {
      if (error instanceof UserError) return [{ text: error.message }];
      throw error;
    }
  }

  private async runCommand(session: Session, text: string): Promise<OutgoingMessage> {
    const { command, word, args } = parseCommand(text);
    const deps = this.deps;
    switch (command) {
      case 'help':
        return { card: helpCard(session.member) };
      case 'feedback':
        if (/^(list|inbox)$/i.test(args.trim()) && isChair(session.member)) return { card: await feedbackInbox(deps, session) };
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
        return { card: summary };
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
        const text = await registerForum(deps, session, args.trim());
        await recordAudit(deps.store, session, 'forum', session.inbound.conversation.name ?? session.inbound.conversation.id);
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
      case 'my data':
        return { card: await myData(deps, session) };
      case 'forget me':
        return { card: forgetConfirm() };
      case null:
        return { text: `Sorry, I don’t know “${word.slice(0, 40)}”. Type **help** to see what I can do.` };
    }
  }

  private async summary(session: Session, args: string): Promise<Card> {
    requireChair(session);
    const forum = await forumOf(this.deps, session);
    const { days, filters } = parseSummaryArgs(args, forum);
    return buildSummary(this.deps, { network: session.network, audienceName: forum?.name ?? session.network.name, days, filters });
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
        return feedbackForm({ theme: str('theme'), text: str('text'), anonymous: str('anonymous') !== 'false' }, error);
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
        return rolesCard(this.deps, session, '', error, { member: str('member'), roles: str('roles'), email: str('email') });
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
]);

/** Identifiers only: never the text someone typed. */
function auditDetail(data: Record<string, unknown>): string {
  const keys = ['number', 'roundId', 'member', 'roles', 'status', 'action', 'audience', 'kind', 'theme'];
  return keys
    .filter((k) => typeof data[k] === 'string' || typeof data[k] === 'number')
    .map((k) => `${k}=${String(data[k])}`)
    .join(' ');
}

/** A card that reports a problem rather than a done act. */
function isProblem(card: Card): boolean {
  if (card.name === 'message') return card.data.style === 'attention' || card.data.style === 'warning';
  return 'error' in card.data && typeof card.data.error === 'string' && card.data.error !== '';
}

function parseDays(args: string): number {
  const days = args.trim() === '' ? 30 : Number(args.trim());
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UserError('Give the number of days as a whole number, e.g. **audit 90**.');
  return days;
}
