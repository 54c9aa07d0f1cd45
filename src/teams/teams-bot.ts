import {
  ActivityHandler,
  CardFactory,
  MessageFactory,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Activity,
  type Attachment,
  type InvokeResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Techvoice } from '../core/techvoice';
import type { OutgoingMessage } from '../core/messages';
import type { Card } from '../core/cards';
import { messageCard } from '../core/cards';
import { renderAdaptiveCard } from '../cards/adaptive';
import { inEitherLanguage } from '../core/chat/text';
import { echoed, MAX_ECHOED_FIELD } from './teams-address';
import { toInbound } from './teams-inbound';
import { answerFileConsent, fileOfferActivity, isFileConsent } from './teams-files';

/** The invoke response type that replaces a card in place (Universal Actions). */
export const INVOKE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

const sorry = (locale: string | null | undefined) => inEitherLanguage(locale, (say) => say.somethingWentWrong);
/** What a retried card action is answered with: it was done when it first came. */
const alreadyDone = (locale: string | null | undefined): Card =>
  messageCard(inEitherLanguage(locale, (say) => say.doneTitle), inEitherLanguage(locale, (say) => say.alreadyDone), 'good');

export function adaptiveAttachment(card: Card): Attachment {
  return CardFactory.adaptiveCard(renderAdaptiveCard(card));
}

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  if (message.file) return fileOfferActivity(message.file, message.text);
  if (message.card) {
    const activity = MessageFactory.attachment(adaptiveAttachment(message.card));
    if (message.text) activity.text = message.text;
    return activity;
  }
  return MessageFactory.text(message.text ?? '');
}

/** Teams-side translation only: activities in, core calls, Adaptive Cards out. */
export class TeamsBot extends ActivityHandler {
  /** Users whose e-mail has been looked up in this process (the lookup is a connector call). */
  private readonly emails = new Map<string, string | null>();

  constructor(
    private readonly core: Techvoice,
    private readonly log: Logger,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.handleMembersAdded(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.reply(context, await this.core.welcome(toInbound(context.activity, await this.emailOf(context))));
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const id = context.activity.id;
    if (id && !(await this.core.isFirstDelivery('teams', context.activity.conversation?.id ?? '', id))) return;
    const inbound = toInbound(context.activity, await this.emailOf(context));
    const value = context.activity.value as unknown;
    if (value && typeof value === 'object' && !context.activity.text) {
      // An Action.Submit from a card (clients without Universal Actions). Its answer is a new
      // message, so in a channel it would be everyone's: it goes to the person privately.
      const card = await this.core.handleCardAction(inbound, value as Record<string, unknown>);
      await this.reply(context, await this.core.keepPrivate(await this.core.session(inbound), [{ card, private: true }]));
      return;
    }
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
    await this.reply(context, await this.core.handleText(inbound, text));
  }

  private async handleMembersAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    for (const added of context.activity.membersAdded ?? []) {
      if (added.id === botId) {
        await this.reply(context, await this.core.welcome(toInbound(context.activity, null)));
      }
    }
  }

  /** File consent answers (export files) are handled here; every other invoke as usual. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (isFileConsent(context.activity)) return answerFileConsent(context);
    return super.onInvokeActivity(context);
  }

  /** Universal Actions: the returned card replaces the submitted one in place. */
  protected override async onAdaptiveCardInvoke(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    const card = await this.answerCardAction(context.activity, await this.emailOf(context));
    return { statusCode: 200, type: INVOKE_CARD_TYPE, value: renderAdaptiveCard(card) };
  }

  /**
   * The card that answers an Action.Execute, from the activity alone (no turn context): the
   * endpoint's fast path uses it once the sender's e-mail is known.
   */
  async answerCardAction(
    activity: Partial<Activity>,
    email: string | null,
  ): Promise<Card> {
    const action = (activity.value as Partial<AdaptiveCardInvokeValue> | undefined)?.action;
    const data = { ...((action?.data as Record<string, unknown> | undefined) ?? {}), verb: action?.verb };
    try {
      // A retried invoke carries the same activity id: it is done once, as a Slack press is.
      if (activity.id && !(await this.core.isFirstDelivery('teams:action', activity.id, activity.from?.id ?? ''))) return alreadyDone(activity.locale);
      return await this.core.handleCardAction(toInbound(activity, email), data);
    } catch (error) {
      this.log.error({ err: error, verb: action?.verb }, 'card action failed');
      return messageCard('Techvoice', sorry(activity.locale), 'attention');
    }
  }

  /** The e-mail of a Teams user if this process has looked it up already. */
  knownEmail(userId: string): { email: string | null } | null {
    return this.emails.has(userId) ? { email: this.emails.get(userId) ?? null } : null;
  }

  /**
   * A reply carries the inbound activity's sender, recipient and conversation objects back
   * whole: whatever fields, of whatever length, an inbound activity carried would be echoed
   * and could push the reply over Teams' size limit. Only the fields Teams reads go back, at
   * a length no real Teams id or name reaches.
   */
  override async run(context: TurnContext): Promise<void> {
    context.onSendActivities(async (_context, activities, next) => {
      for (const activity of activities) {
        if (activity.recipient) activity.recipient = echoed(activity.recipient, ['id', 'name', 'aadObjectId', 'role']);
        if (activity.from) activity.from = echoed(activity.from, ['id', 'name', 'role']);
        if (activity.conversation) activity.conversation = echoed(activity.conversation, ['id', 'name', 'conversationType', 'tenantId', 'isGroup']);
        for (const field of ['channelId', 'replyToId', 'locale'] as const) {
          const value = activity[field];
          if (typeof value === 'string' && value.length > MAX_ECHOED_FIELD) activity[field] = value.slice(0, MAX_ECHOED_FIELD);
        }
      }
      return next();
    });
    await super.run(context);
  }

  private async reply(context: TurnContext, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length) await context.sendActivities(messages.map(toActivity));
  }

  private async emailOf(context: TurnContext): Promise<string | null> {
    const userId = context.activity.from?.id;
    if (!userId || context.activity.channelId !== 'msteams') return null;
    if (this.emails.has(userId)) return this.emails.get(userId) ?? null;
    let email: string | null = null;
    try {
      const member = await TeamsInfo.getMember(context, userId);
      email = member.email ?? member.userPrincipalName ?? null;
    } catch (error) {
      this.log.debug({ err: error }, 'could not look up the member’s e-mail');
    }
    if (this.emails.size > 10_000) this.emails.clear();
    this.emails.set(userId, email);
    return email;
  }

  static errorHandler(log: Logger) {
    return async (context: TurnContext, error: Error): Promise<void> => {
      log.error({ err: error, activityType: context.activity.type }, 'turn failed');
      if (context.activity.type === 'message') await context.sendActivity(sorry(context.activity.locale)).catch(() => undefined);
    };
  }
}
