import { card, CARD_VERSION, NO_NOTICE, type Card } from './cards';
import type { CoreDeps } from './deps';
import { now, nowIso } from './clock';
import { UserError } from './errors';
import { compareActionNumbers, formatDate, formatDateTime, RAG_COLOURS, RAG_LABELS } from './format';
import type { Action, ActionUpdate, Member } from './model';
import { RAG_STATUSES } from './model';
import { isAdmin, isChair, type Session } from './session';
import type { Submission } from './submissions';
import { plain } from './markdown';

export function ownsAction(member: Member, action: Action): boolean {
  return member.email !== null && action.ownerEmail !== null && member.email.toLowerCase() === action.ownerEmail.toLowerCase();
}

export const canUpdateAction = (member: Member, action: Action): boolean => ownsAction(member, action) || isAdmin(member);

export function isOverdue(action: Action, today: string = now().toISOString().slice(0, 10)): boolean {
  return action.status !== 'green' && action.due !== null && action.due < today;
}

function details(action: Action): string {
  const overdue = isOverdue(action) ? ' · **overdue**' : '';
  const due = action.due === null ? 'ongoing' : `due ${formatDate(action.due)}`;
  return `${plain(action.theme)}${action.edi ? ' · EDI' : ''} · ${due}${overdue} · ${plain(action.owner)}`;
}

/** Owners see their own actions; chairs and admins see the whole plan. */
export async function listActions(deps: CoreDeps, session: Session, notice = ''): Promise<Card> {
  const { member } = session;
  const everything = (await deps.store.listActions(session.network.id)).sort((a, b) => compareActionNumbers(a.number, b.number));
  const seeAll = isChair(member);
  const shown = seeAll ? everything : everything.filter((a) => ownsAction(member, a));
  const empty = shown.length
    ? ''
    : seeAll
      ? 'No action plan yet. An admin can import one with `techvoice import-actions`.'
      : 'You do not own any actions. If you should, ask an admin to add your e-mail address with **roles**.';
  return card('actions-list', {
    ...NO_NOTICE,
    notice,
    cv: CARD_VERSION,
    title: seeAll ? 'Action plan' : 'Your actions',
    empty,
    actions: shown.map((a) => ({
      number: a.number,
      title: plain(a.title),
      details: details(a),
      status: RAG_LABELS[a.status],
      colour: RAG_COLOURS[a.status],
      note: plain(a.note),
      canUpdate: canUpdateAction(member, a),
    })),
  });
}

async function loadOwnAction(deps: CoreDeps, session: Session, number: string): Promise<Action> {
  const action = await deps.store.getAction(session.network.id, number);
  if (!action) throw new UserError(`There is no action ${number} in your plan. Type **actions** to see the plan.`);
  if (!canUpdateAction(session.member, action)) {
    throw new UserError(`Only the owner of ${number} (${action.owner}) or an admin can update it.`);
  }
  return action;
}

export async function actionUpdateForm(
  deps: CoreDeps,
  session: Session,
  number: string,
  values?: { status: string; note: string; evidence: string },
  notice = '',
  error = '',
): Promise<Card> {
  const action = await loadOwnAction(deps, session, number);
  const history = (await deps.store.listActionUpdates(session.network.id, number)).slice(-5).reverse();
  return card('action-update', {
    ...NO_NOTICE,
    notice,
    error,
    cv: CARD_VERSION,
    number: action.number,
    title: plain(action.title),
    details: `${details(action)} · now ${RAG_LABELS[action.status]}`,
    version: action.version,
    statuses: RAG_STATUSES.map((s) => ({ title: RAG_LABELS[s], value: s })),
    values: values ?? { status: action.status, note: action.note, evidence: action.evidence },
    history: history.map((h) => ({
      line: `${formatDateTime(h.at, session.network.timeZone)} · ${plain(h.byName)} · ${RAG_LABELS[h.status]}${h.note ? ` · ${plain(h.note)}` : ''}`,
    })),
  });
}

/** Saves an owner's update if nobody else saved one since their card was drawn. */
export async function updateAction(deps: CoreDeps, session: Session, input: Submission<'action.update'>): Promise<Card> {
  const action = await loadOwnAction(deps, session, input.number);
  const typed = { status: input.status, note: input.note, evidence: input.evidence };
  // The self-assessment asks for an explanation of every red item.
  if (typed.status === 'red' && typed.note.trim() === '') {
    return actionUpdateForm(deps, session, input.number, typed, '', `Please say why ${action.number} is red: what is stopping it, or what help it needs.`);
  }
  if (action.version !== input.version) {
    return actionUpdateForm(deps, session, input.number, typed, '', `Someone else updated ${action.number} while you were editing. Here is the latest: check it and save again.`);
  }
  if (typed.status === action.status && typed.note.trim() === action.note.trim() && typed.evidence.trim() === action.evidence.trim()) {
    return actionUpdateForm(deps, session, input.number, undefined, `Nothing changed: ${action.number} is still ${RAG_LABELS[action.status]}.`);
  }
  const next = await recordActionUpdate(deps, session, action, typed);
  if (!next) {
    return actionUpdateForm(deps, session, input.number, typed, '', `Someone else updated ${action.number} just now. Check the latest and save again.`);
  }
  return actionUpdateForm(deps, session, input.number, undefined, `Saved: ${action.number} is now ${RAG_LABELS[next.status]}.`);
}

/**
 * Saves a change to an action and its history entry, by the session's member, if nobody else
 * saved one since `action` was read. Returns the saved action, or null on such a conflict.
 */
export async function recordActionUpdate(
  deps: CoreDeps,
  session: Session,
  action: Action,
  change: Pick<Action, 'status' | 'note' | 'evidence'>,
): Promise<Action | null> {
  const at = nowIso();
  const next: Action = { ...action, ...change, updatedAt: at, version: action.version + 1 };
  const update: ActionUpdate = {
    networkId: action.networkId,
    planId: action.planId,
    actionNumber: action.number,
    at,
    by: session.member.id,
    byName: session.member.name,
    ...change,
  };
  return (await deps.store.updateAction(next, action.version, update)) ? next : null;
}
