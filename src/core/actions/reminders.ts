import { DateTime } from 'luxon';
import { card, CARD_VERSION, messageCard, type Card } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays, now } from '../clock';
import { UserError } from '../errors';
import { canUpdateAction, ownsAction, recordActionUpdate } from './actions';
import { formatDate, formatDateTime, formatDue, RAG_LABELS } from '../format';
import type { Action, Member, Network, Plan } from '../model';
import { distinctPeople } from '../pulses/pulses';
import { nextAllowedTime } from '../outbox/quiet-hours';
import type { Recipient } from '../outbox/outbox';
import type { Session } from '../session';
import type { ReminderDoneInput, ReminderSnoozeInput } from './inputs';
import { plain } from '../markdown';

export const SNOOZE_DAYS = 7;

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

function why(kind: ReminderKind, action: Action): string {
  if (kind === 'explain-red') return 'It is red in the plan just imported, with no explanation: the self-assessment asks why for every red item. Please add one with **Update**.';
  if (kind === 'overdue') return `It was due on ${formatDue(action.due)} and is now overdue.`;
  if (kind === 'overdue-weekly') return `It has been overdue since ${formatDue(action.due)}.`;
  if (kind === 'stale') return `It has had no update since ${formatDate(action.updatedAt.slice(0, 10))}.`;
  const days = Number(kind.slice('before-'.length));
  return `It is due on ${formatDue(action.due)}, in ${days === 1 ? 'one day' : `${days} days`}.`;
}

export function reminderCard(action: Action, kind: ReminderKind, notice = ''): Card {
  return card('reminder', {
    cv: CARD_VERSION,
    number: action.number,
    title: plain(action.title),
    why: why(kind, action),
    details: `${plain(action.theme)} · now ${RAG_LABELS[action.status]}${action.note ? ` · ${plain(action.note)}` : ''}`,
    version: action.version,
    snoozeDays: String(SNOOZE_DAYS),
    notice,
  });
}

/** A snooze is a lease on the action's reminders, held until the snooze ends. */
const snoozeLease = (networkId: string, actionNumber: string): string => `snooze:${networkId}:${actionNumber}`;
const SNOOZE_HOLDER = 'snooze';

async function isSnoozed(deps: CoreDeps, networkId: string, actionNumber: string, at: Date): Promise<boolean> {
  // A free or lapsed lease is taken by this probe only until `at`, which leaves it lapsed.
  const free = await deps.store.acquireLease(snoozeLease(networkId, actionNumber), `probe:${at.getTime()}`, at.toISOString(), at.toISOString());
  return !free;
}

function ownersOf(action: Action, members: Member[]): Recipient[] {
  return distinctPeople(members.filter((m) => ownsAction(m, action) && m.directAddress && !m.unreachable)).map((m) => ({
    key: m.id,
    platform: m.platform,
    address: m.directAddress as string,
  }));
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
    const owners = ownersOf(action, members);
    if (owners.length === 0) continue;
    queued += await deps.outbox.enqueue(network.id, `explain-red:${network.id}:${plan.id}:${number}`, owners, { card: reminderCard(action, 'explain-red') }, nextAllowedTime(at, network));
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
      const owners = ownersOf(action, members);
      if (owners.length === 0 || (await isSnoozed(deps, network.id, action.number, at))) continue;
      queued += await deps.outbox.enqueue(network.id, jobKey, owners, { card: reminderCard(action, kind) }, nextAllowedTime(at, network));
    }
  }
  return queued;
}

async function ownAction(deps: CoreDeps, session: Session, number: string): Promise<Action> {
  const action = await deps.store.getAction(session.network.id, number);
  if (!action) throw new UserError(`There is no action ${number} in your plan any more. Type **actions** to see the plan.`);
  if (!canUpdateAction(session.member, action)) {
    throw new UserError(`Only the owner of ${number} (${action.owner}) or an admin can do that.`);
  }
  return action;
}

/** "Mark done" on a reminder: the action turns green, recorded in its history. */
export async function markActionDone(deps: CoreDeps, session: Session, input: ReminderDoneInput): Promise<Card> {
  const action = await ownAction(deps, session, input.number);
  if (action.status === 'green') {
    return messageCard(`${action.number} is done`, `${action.number} was already marked ${RAG_LABELS.green}. Nothing changed.`, 'good');
  }
  if (action.version !== input.version) {
    return reminderCard(action, 'stale', `Someone updated ${action.number} since this reminder was sent: it is now ${RAG_LABELS[action.status]}. Press Mark done again if it is finished.`);
  }
  const saved = await recordActionUpdate(deps, session, action, { status: 'green', note: action.note, evidence: action.evidence });
  if (!saved) {
    return reminderCard(action, 'stale', `Someone updated ${action.number} just now. Type **actions** to see the latest.`);
  }
  return messageCard(`${action.number} is done`, `Thanks! ${action.number} “${action.title}” is now ${RAG_LABELS.green}. No more reminders about it.`, 'good');
}

/** "Snooze 7 days": no reminders about the action until then. */
export async function snoozeReminders(deps: CoreDeps, session: Session, input: ReminderSnoozeInput): Promise<Card> {
  const action = await ownAction(deps, session, input.number);
  const at = now();
  const until = addDays(at, SNOOZE_DAYS);
  const taken = await deps.store.acquireLease(snoozeLease(session.network.id, action.number), SNOOZE_HOLDER, at.toISOString(), until.toISOString());
  if (!taken) throw new UserError('I could not snooze that just now. Please try again in a minute.');
  return messageCard(
    'Snoozed',
    `No reminders about ${action.number} until ${formatDateTime(until.toISOString(), session.network.timeZone)}. Type **actions** to update it any time.`,
    'good',
  );
}
