import { randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { card, CARD_VERSION, NO_NOTICE, type Card, type Choice, type PulseListCard } from '../cards';
import type { CoreDeps } from '../deps';
import { addDays, now, nowIso, toTheHour } from '../clock';
import { UserError } from '../errors';
import { themeChoices } from '../feedback/feedback';
import { bar, formatDateTime, plural } from '../format';
import { personKey, respondentKey } from '../identity';
import type { Member, Network, PulseAnswer, PulseKind, PulseQuestion, PulseRound } from '../model';
import { THEMES } from '../model';
import { isPublishable, readerRule, tallyRounds, type DisclosureRule } from '../summary/summary-anonymity';
import type { Recipient } from '../outbox/outbox';
import { isChair, type Session } from '../session';
import type { PulseAnswerInput, PulseCreateInput } from './inputs';
import { createRecurringPulse, SCHEDULE_FORM_CHOICES, scheduleFormValues, type ScheduleFormField } from './recurring-pulses';
import { plain } from '../markdown';
import { RoundClosedError } from '../store';
import { MEMBERS_AUDIENCE, pulseReference, resolveAudience, roundIdFor, storePulseQuestion } from './questions';

export const KIND_LABELS: Record<PulseKind, string> = {
  likert: 'Agree/disagree scale (1–5)',
  yesno: 'Yes or no',
  choice: 'Single choice',
  nps: 'Score from 0 to 10',
  text: 'Free text',
};

const LIKERT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

/** The answers a question accepts, in display order. Empty for free text. */
export function answerChoices(question: Pick<PulseQuestion, 'kind' | 'choices'>): Choice[] {
  switch (question.kind) {
    case 'likert':
      return LIKERT.map((title, i) => ({ title: `${i + 1} · ${title}`, value: String(i + 1) }));
    case 'yesno':
      return [
        { title: 'Yes', value: 'yes' },
        { title: 'No', value: 'no' },
      ];
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => ({ title: String(i), value: String(i) }));
    case 'choice':
      return question.choices.map((c) => ({ title: c, value: c }));
    case 'text':
      return [];
  }
}

const forumAudience = (forumId: string): string => `forum:${forumId}`;

export function isRoundOpen(round: PulseRound, at: Date = now()): boolean {
  return at.getTime() >= Date.parse(round.opensAt) && at.getTime() < Date.parse(round.closesAt);
}

export async function pulseCreateForm(deps: CoreDeps, session: Session, values: Partial<PulseCreateValues> = {}, error = ''): Promise<Card> {
  const forums = await deps.store.listForums(session.network.id);
  const here = forums.find(
    (f) => f.platform === session.inbound.requester.platform && f.channelId === session.inbound.conversation.id,
  );
  const closes = DateTime.fromJSDate(addDays(now(), 7)).setZone(session.network.timeZone);
  return card('pulse-create', {
    ...NO_NOTICE,
    error,
    cv: CARD_VERSION,
    formId: randomUUID(),
    themes: themeChoices(THEMES),
    kinds: Object.entries(KIND_LABELS).map(([value, title]) => ({ title, value })),
    audiences: [
      ...forums.map((f) => ({ title: `Forum: ${f.name}`, value: forumAudience(f.id) })),
      { title: 'Every member, by direct message', value: MEMBERS_AUDIENCE },
    ],
    ...SCHEDULE_FORM_CHOICES,
    values: {
      text: values.text ?? '',
      kind: values.kind ?? 'likert',
      choices: values.choices ?? '',
      theme: values.theme ?? '',
      audience: values.audience ?? (here ? forumAudience(here.id) : MEMBERS_AUDIENCE),
      closesDate: values.closesDate ?? closes.toISODate() ?? '',
      closesTime: values.closesTime ?? '17:00',
      ...scheduleFormValues(values),
      anonymous: values.anonymous ?? 'true',
    },
  });
}

type PulseCreateValues = Record<'text' | 'kind' | 'choices' | 'theme' | 'audience' | 'closesDate' | 'closesTime' | 'anonymous' | ScheduleFormField, string>;

/** Creates a question and sends its first round to the chosen audience. */
export async function createPulse(deps: CoreDeps, session: Session, input: PulseCreateInput): Promise<Card> {
  const { network } = session;
  const retry = (message: string) =>
    pulseCreateForm(deps, session, { ...input, anonymous: String(input.anonymous), ...scheduleFormValues(input) }, message);
  const choices = input.kind === 'choice' ? splitChoices(input.choices) : [];
  if (input.kind === 'choice' && (choices.length < 2 || choices.length > 10)) {
    return retry('A single-choice question needs between 2 and 10 options, separated by commas.');
  }
  if (input.repeat !== 'once') return createRecurringPulse(deps, session, input, choices, retry);
  const closesAt = DateTime.fromISO(`${input.closesDate}T${input.closesTime.slice(0, 5)}`, { zone: network.timeZone });
  if (!closesAt.isValid) return retry('That closing date or time is not a real one.');
  if (closesAt.toMillis() <= now().getTime() + 5 * 60_000) return retry('The closing time must be at least five minutes from now.');
  if (closesAt.toMillis() > addDays(now(), 92).getTime()) return retry('A pulse can stay open for three months at the most.');
  const audience = await resolveAudience(deps, network, input.audience);
  if (!audience) return retry('That forum is not registered any more. Choose another audience.');

  const { value: question, created } = await storePulseQuestion(deps, session, input, {
    choices,
    audience: audience.audience,
    schedule: null,
    windowHours: Math.ceil((closesAt.toMillis() - now().getTime()) / 3_600_000),
  });
  const round = await openRound(deps, network, question, 'first', now(), closesAt.toJSDate());
  const reference = pulseReference(question.number);
  const text = `${reference} ${created ? 'was sent' : 'was already sent'} to ${plain(audience.label)}. It closes ${formatDateTime(round.closesAt, network.timeZone)}.`;
  return card('message', { title: 'Pulse sent', text, style: 'good' });
}

/** Opens a round of a question (idempotent per occurrence) and queues it to its audience. */
export async function openRound(
  deps: CoreDeps,
  network: Network,
  question: PulseQuestion,
  occurrence: string,
  opensAt: Date,
  closesAt: Date,
): Promise<PulseRound> {
  const id = roundIdFor(network.id, question.number, occurrence);
  const existing = await deps.store.getRound(id);
  if (existing) return existing;
  const recipients = await audienceRecipients(deps, network, question);
  const round: PulseRound = {
    id,
    networkId: network.id,
    questionNumber: question.number,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    askedCount: question.audience.type === 'members' ? recipients.length : await countPeople(deps, network.id),
    answerSalt: randomBytes(18).toString('base64url'),
    createdAt: nowIso(),
  };
  await deps.store.createRound(round);
  await deps.outbox.enqueue(network.id, `round:${round.id}`, recipients, {
    card: questionCard(network, question, round, null),
  });
  deps.outbox.kick();
  return round;
}

/** One address per person: someone on both Teams and Slack is asked once. */
export function distinctPeople(members: Member[]): Member[] {
  const seen = new Set<string>();
  return members.filter((m) => {
    const key = personKey(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function countPeople(deps: CoreDeps, networkId: string): Promise<number> {
  return distinctPeople(await deps.store.listMembers(networkId)).length;
}

export async function audienceRecipients(deps: CoreDeps, network: Network, question: PulseQuestion): Promise<Recipient[]> {
  if (question.audience.type === 'forum') {
    const forum = await deps.store.getForum(network.id, question.audience.forumId);
    return forum ? [{ key: forum.id, platform: forum.platform, address: forum.address }] : [];
  }
  const members = await deps.store.listMembers(network.id);
  return distinctPeople(members.filter((m) => m.directAddress && !m.unreachable)).map((m) => ({
    key: m.id,
    platform: m.platform,
    address: m.directAddress as string,
  }));
}

function splitChoices(raw: string): string[] {
  return [...new Set(raw.split(',').map((c) => c.trim()).filter(Boolean))].map((c) => c.slice(0, 80));
}

export function questionCard(
  network: Network,
  question: PulseQuestion,
  round: PulseRound,
  answer: string | null,
  notice = '',
  error = '',
): Card {
  const open = isRoundOpen(round);
  return card('pulse-question', {
    notice,
    error,
    cv: CARD_VERSION,
    roundId: round.id,
    reference: pulseReference(question.number),
    question: plain(question.text),
    theme: plain(question.theme),
    closes: `${open ? 'Closes' : 'Closed'} ${formatDateTime(round.closesAt, network.timeZone)}`,
    anonymity: question.anonymous ? 'Anonymous' : 'Named: chairs can see who answered',
    isOpen: open,
    isText: question.kind === 'text',
    choices: answerChoices(question),
    values: { answer: answer ?? '' },
  });
}

async function loadRound(deps: CoreDeps, session: Session, roundId: string): Promise<{ round: PulseRound; question: PulseQuestion }> {
  const round = await deps.store.getRound(roundId);
  if (!round || round.networkId !== session.network.id) {
    throw new UserError('That pulse is not one of your network’s. Type **pulse** to see the open ones.');
  }
  const question = await deps.store.getPulseQuestion(round.networkId, round.questionNumber);
  if (!question) throw new UserError('That pulse question no longer exists.');
  return { round, question };
}

/**
 * This person's answer to a round: null when they have given none, 'unknown' once the round
 * is sealed (nobody can tell any more which answer was whose).
 */
async function myAnswer(deps: CoreDeps, session: Session, round: PulseRound): Promise<PulseAnswer | null | 'unknown'> {
  const key = respondentKey(deps.secret, round, session.member);
  return key === null ? 'unknown' : deps.store.getAnswer(round.id, key);
}

export async function showQuestion(deps: CoreDeps, session: Session, roundId: string): Promise<Card> {
  const { round, question } = await loadRound(deps, session, roundId);
  const mine = await myAnswer(deps, session, round);
  const given = mine === 'unknown' ? null : mine;
  return questionCard(session.network, question, round, given?.value ?? null, given ? 'You have answered this one: you can change your answer until it closes.' : '');
}

const closedNotice = (round: PulseRound, network: Network): string =>
  `This pulse closed on ${formatDateTime(round.closesAt, network.timeZone)}. Your answer was not recorded.`;

/** One answer per person per round, changeable until the round closes. */
export async function answerPulse(deps: CoreDeps, session: Session, input: PulseAnswerInput): Promise<Card> {
  const { network } = session;
  const { round, question } = await loadRound(deps, session, input.roundId);
  const at = now();
  const key = respondentKey(deps.secret, round, session.member);
  if (at.getTime() >= Date.parse(round.closesAt) || key === null) {
    return questionCard(network, question, round, null, '', closedNotice(round, network));
  }
  if (at.getTime() < Date.parse(round.opensAt)) {
    return questionCard(network, question, round, null, '', 'This pulse has not opened yet.');
  }
  const choices = answerChoices(question);
  const choice = choices.find((c) => c.value === input.answer);
  if (question.kind !== 'text' && !choice) {
    return questionCard(network, question, round, null, '', 'That answer is not one of the options. Choose one and send again.');
  }
  const answer: PulseAnswer = {
    roundId: round.id,
    respondentKey: key,
    memberId: question.anonymous ? null : session.member.id,
    value: input.answer,
    platform: session.inbound.requester.platform,
    answeredAt: question.anonymous ? toTheHour(at) : at.toISOString(),
  };
  let outcome: 'created' | 'updated';
  try {
    outcome = await deps.store.saveAnswer(answer);
  } catch (error) {
    // The round was sealed while this answer was on its way (Cosmos DB refuses it then).
    if (error instanceof RoundClosedError) return questionCard(network, question, round, null, '', closedNotice(round, network));
    throw error;
  }
  const shown = choice?.title ?? 'saved';
  const notice =
    outcome === 'created'
      ? `Thanks: your answer (${shown}) is in. You can change it until the pulse closes.`
      : `Your answer is now ${shown}. It still counts once.`;
  return questionCard(network, question, round, input.answer, notice);
}

function withheldText(round: PulseRound, rule: DisclosureRule, answered: number, readerAnswered: boolean): string {
  if (!rule.liveResults && isRoundOpen(round, rule.at)) {
    return `Results appear when the pulse closes, so that no new answer can be traced to the person who gave it. ${plural(answered, 'answer')} so far.`;
  }
  const who = readerAnswered ? `${rule.needed - 1} people besides you have` : `${rule.needed} people have`;
  return `Results appear once ${who} answered, so nobody can be singled out: ${plural(answered, 'answer')} so far.`;
}

/** A pulse in a list: its buttons name it, and the person sees whether they have answered. */
export async function pulseListItem(deps: CoreDeps, session: Session, round: PulseRound, question: PulseQuestion, at: Date): Promise<PulseListCard['rounds'][number]> {
  const open = isRoundOpen(round, at);
  const reference = pulseReference(question.number);
  const mine = await myAnswer(deps, session, round);
  const answered = mine !== null && mine !== 'unknown';
  return {
    roundId: round.id,
    reference,
    question: plain(question.text),
    status: `${open ? 'Open, closes' : 'Closed'} ${formatDateTime(round.closesAt, session.network.timeZone)}${answered ? ' · You have answered' : ''}`,
    canAnswer: open,
    answerTitle: `${answered ? 'Change answer' : 'Answer'} ${reference}`,
    resultsTitle: `Results ${reference}`,
    canSeeResults: isChair(session.member),
  };
}

export async function listPulses(deps: CoreDeps, session: Session, notice = ''): Promise<Card> {
  const chair = isChair(session.member);
  const at = now();
  const rounds = (await deps.store.listRounds(session.network.id, addDays(at, -120).toISOString(), addDays(at, 1).toISOString()))
    .filter((r) => chair || isRoundOpen(r, at))
    .reverse()
    .slice(0, 10);
  const questions = new Map((await deps.store.listPulseQuestions(session.network.id)).map((q) => [q.number, q]));
  const items = [];
  for (const round of rounds) {
    const question = questions.get(round.questionNumber);
    if (!question) continue;
    items.push(await pulseListItem(deps, session, round, question, at));
  }
  const intro = items.length
    ? chair
      ? 'Recent pulse questions. Open one to answer it, or see its results.'
      : 'Open pulse questions: your answers help the network see what to change.'
    : chair
      ? 'No pulse questions yet. Create the first one.'
      : 'There are no open pulse questions right now. Thanks for checking!';
  return card('pulse-list', { ...NO_NOTICE, notice, cv: CARD_VERSION, canCreate: chair, intro, rounds: items });
}

/**
 * Counts per option, once the round has closed and has the network's threshold of answers
 * besides the reader's own; while it is open, only how many have answered.
 */
export async function pulseResults(deps: CoreDeps, session: Session, roundId: string): Promise<Card> {
  const { network } = session;
  const { round, question } = await loadRound(deps, session, roundId);
  const answers = await deps.store.listAnswers(round.id);
  // Once sealed, nobody knows whether the reader answered: the rule assumes they did.
  const readerAnswered = (await myAnswer(deps, session, round)) !== null;
  const rule = readerRule(network, readerAnswered, now());
  const tally = tallyRounds([round.id], answers.map((a) => ({ roundId: round.id, value: a.value, platform: a.platform, count: 1 }))).get(round.id)!;
  const withheld = !isPublishable(tally, round, rule);
  const choices = answerChoices(question);
  const rows = choices.map((c) => {
    const count = answers.filter((a) => a.value === c.value).length;
    return { label: plain(c.title), count: String(count), bar: bar(answers.length ? count / answers.length : 0) };
  });
  // Free text in an order that says nothing about who answered when.
  const texts = answers.map((a) => a.value).sort((a, b) => a.localeCompare(b, 'en-GB'));
  return card('pulse-results', {
    reference: pulseReference(question.number),
    question: plain(question.text),
    theme: plain(question.theme),
    status: `${isRoundOpen(round) ? 'Open, closes' : 'Closed'} ${formatDateTime(round.closesAt, network.timeZone)}`,
    responses: `${plural(answers.length, 'answer')} from ${plural(round.askedCount, 'person', 'people')} asked`,
    withheld,
    withheldReason: withheld ? withheldText(round, rule, answers.length, readerAnswered) : '',
    rows: withheld ? [] : rows,
    texts: withheld || question.kind !== 'text' ? [] : texts.map((text) => ({ text: plain(text) })),
  });
}
