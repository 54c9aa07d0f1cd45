import { DateTime } from 'luxon';
import { card, CARD_VERSION, inLanguage, messageCard, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays, now } from '../clock';
import { UserError } from '../errors';
import { canUpdateAction, ownsAction, recordActionUpdate } from './actions';
import { formatDate, formatDateTime, formatDue } from '../format';
import type { Language } from '../i18n/language';
import { ragLabel, themeName } from '../i18n/words';
import type { Action, Member, Network, Plan } from '../model';
import { distinctPeople } from '../pulses/pulses';
import { nextAllowedTime } from '../outbox/quiet-hours';
import type { Recipient } from '../outbox/outbox';
import { languageOf, type Session } from '../session';
import type { ReminderDoneInput, ReminderSnoozeInput } from './inputs';
import { plain } from '../markdown';
import { actionsText, remindersText, SNOOZE_DAYS } from './text';

export { SNOOZE_DAYS };

export type ReminderKind = `before-${number}` | 'overdue' | 'overdue-weekly' | 'stale' | 'explain-red';

const dayNumber = (isoDate: string): number => Math.round(DateTime.fromISO(isoDate, { zone: 'utc' }).toSeconds() / 86_400);

/** The network's calendar date at `at`, "yyyy-MM-dd". */
export const localDate = (at: Date, timeZone: string): string => DateTime.fromJSDate(at).setZone(timeZone).toISODate() ?? '';

/**
 * Which reminders an open action is due on `today` (a local date): some days before its due
 * date, the day it becomes overdue, every week while overdue, and every `staleAfterDays`
 * without an update.
 */
export function remindersDue(action: Action, network: Network, today: string): ReminderKind[] {
  if (action.status === 'green') return [];
  const kinds: ReminderKind[] = [];
  if (action.due !== null) {
    const daysToDue = dayNumber(action.due) - dayNumber(today);
    if (network.reminderDaysBefore.includes(daysToDue)) kinds.push(`before-${daysToDue}`);
    const daysOverdue = -daysToDue;
    if (daysOverdue === 1) kinds.push('overdue');
    else if (daysOverdue > 1 && (daysOverdue - 1) % 7 === 0) kinds.push('overdue-weekly');
  }
  const quietDays = dayNumber(today) - dayNumber(localDate(new Date(action.updatedAt), network.timeZone));
  if (network.staleAfterDays > 0 && quietDays > 0 && quietDays % network.staleAfterDays === 0) kinds.push('stale');
  return kinds;
}

function why(kind: ReminderKind, action: Action, language: Language): string {
  const t = remindersText(language);
  if (kind === 'explain-red') return t.explainRed;
  if (kind === 'overdue') return t.overdue(formatDue(action.due, language));
  if (kind === 'overdue-weekly') return t.overdueWeekly(formatDue(action.due, language));
  if (kind === 'stale') return t.stale(formatDate(action.updatedAt.slice(0, 10), language));
  return t.before(formatDue(action.due, language), Number(kind.slice('before-'.length)));
}

/** A reminder to an action's owner, drawn in their language. */
export function reminderCard(action: Action, kind: ReminderKind, language: Language, notice = ''): Card {
  const status = actionsText(language).now(ragLabel(action.status, language));
  const reminder = card('reminder', {
    cv: CARD_VERSION,
    number: action.number,
    title: plain(action.title),
    why: why(kind, action, language),
    details: `${plain(themeName(action.theme, language))} · ${status}${action.note ? ` · ${plain(action.note)}` : ''}`,
    version: action.version,
    snoozeDays: String(SNOOZE_DAYS),
    notice,
  });
  return inLanguage(reminder, language);
}

/** A snooze is a lease on the action's reminders, held until the snooze ends. */
const snoozeLease = (networkId: string, actionNumber: string): string => `snooze:${networkId}:${actionNumber}`;
const SNOOZE_HOLDER = 'snooze';

async function isSnoozed(deps: CoreDeps, networkId: string, actionNumber: string, at: Date): Promise<boolean> {
  // A free or lapsed lease is taken by this probe only until `at`, which leaves it lapsed.
  const free = await deps.store.acquireLease(snoozeLease(networkId, actionNumber), `probe:${at.getTime()}`, at.toISOString(), at.toISOString());
  return !free;
}

/** The action's reachable owners, grouped by the language each reads Techvoice in. */
function ownersByLanguage(action: Action, members: Member[], network: Network): Map<Language, Recipient[]> {
  const byLanguage = new Map<Language, Recipient[]>();
  for (const m of distinctPeople(members.filter((m) => ownsAction(m, action) && m.directAddress && !m.unreachable))) {
    const language = languageOf(m, network);
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), { key: m.id, platform: m.platform, address: m.directAddress as string }]);
  }
  return byLanguage;
}

/** Queues one reminder card per language, each to the owners who read that language. */
async function enqueueReminder(
  deps: Pick<CoreDeps, 'outbox'>,
  network: Network,
  jobKey: string,
  owners: Map<Language, Recipient[]>,
  reminder: (language: Language) => Card,
  at: Date,
): Promise<number> {
  let queued = 0;
  for (const [language, recipients] of owners) {
    queued += await deps.outbox.enqueue(network.id, jobKey, recipients, { card: reminder(language) }, nextAllowedTime(at, network));
  }
  return queued;
}

export const reminderJobKey = (networkId: string, actionNumber: string, kind: ReminderKind, date: string): string =>
  `reminder:${networkId}:${actionNumber}:${kind}:${date}`;

/**
 * Asks the owners of red actions imported without an explanation for one, once per action
 * and plan, at the next time the network allows. Only the current plan asks anyone.
 */
export async function askForRedExplanations(deps: Pick<CoreDeps, 'store' | 'outbox'>, network: Network, plan: Plan, numbers: string[], at: Date = now()): Promise<number> {
  if (plan.state !== 'current' || numbers.length === 0) return 0;
  const members = await deps.store.listMembers(network.id);
  let queued = 0;
  for (const number of numbers) {
    const action = await deps.store.getAction(network.id, number, plan.id);
    if (!action || action.status !== 'red' || action.note) continue;
    const owners = ownersByLanguage(action, members, network);
    if (owners.size === 0) continue;
    queued += await enqueueReminder(deps, network, `explain-red:${network.id}:${plan.id}:${number}`, owners, (language) => reminderCard(action, 'explain-red', language), at);
  }
  return queued;
}

/**
 * Queues today's reminders for every open action's owners, once per (action, kind, date),
 * to go out at the next time the network allows. Returns how many were queued.
 */
export async function queueDueReminders(deps: CoreDeps, network: Network, at: Date = now()): Promise<number> {
  const today = localDate(at, network.timeZone);
  const [actions, members] = await Promise.all([deps.store.listActions(network.id), deps.store.listMembers(network.id)]);
  let queued = 0;
  for (const action of actions) {
    for (const kind of remindersDue(action, network, today)) {
      const jobKey = reminderJobKey(network.id, action.number, kind, today);
      if ((await deps.store.listDeliveries(jobKey)).length > 0) continue;
      const owners = ownersByLanguage(action, members, network);
      if (owners.size === 0 || (await isSnoozed(deps, network.id, action.number, at))) continue;
      queued += await enqueueReminder(deps, network, jobKey, owners, (language) => reminderCard(action, kind, language), at);
    }
  }
  return queued;
}

async function ownAction(deps: CoreDeps, session: Session, number: string): Promise<Action> {
  const action = await deps.store.getAction(session.network.id, number);
  if (!action) throw new UserError((language) => remindersText(language).noActionAnyMore(number));
  if (!canUpdateAction(session.member, action)) {
    throw new UserError((language) => remindersText(language).onlyOwner(number, action.owner));
  }
  return action;
}

/** "Mark done" on a reminder: the action turns green, recorded in its history. */
export async function markActionDone(deps: CoreDeps, session: Session, input: ReminderDoneInput): Promise<Card> {
  const { language } = session;
  const t = remindersText(language);
  const action = await ownAction(deps, session, input.number);
  const green = ragLabel('green', language);
  if (action.status === 'green') {
    return messageCard(t.doneTitle(action.number), t.alreadyDone(action.number, green), 'good');
  }
  if (action.version !== input.version) {
    return reminderCard(action, 'stale', language, t.changedSinceSent(action.number, ragLabel(action.status, language)));
  }
  const saved = await recordActionUpdate(deps, session, action, { status: 'green', note: action.note, evidence: action.evidence });
  if (!saved) {
    return reminderCard(action, 'stale', language, t.updatedJustNow(action.number));
  }
  return messageCard(t.doneTitle(action.number), t.done(action.number, action.title, green), 'good');
}

/** "Snooze 7 days": no reminders about the action until then. */
export async function snoozeReminders(deps: CoreDeps, session: Session, input: ReminderSnoozeInput): Promise<Card> {
  const action = await ownAction(deps, session, input.number);
  const at = now();
  const until = addDays(at, SNOOZE_DAYS);
  const taken = await deps.store.acquireLease(snoozeLease(session.network.id, action.number), SNOOZE_HOLDER, at.toISOString(), until.toISOString());
  if (!taken) throw new UserError((language) => remindersText(language).snoozeFailed);
  const t = remindersText(session.language);
  return messageCard(t.snoozedTitle, t.snoozed(action.number, formatDateTime(until.toISOString(), session.network.timeZone, session.language)), 'good');
}
