import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Store } from '../core/store';
import type { Action, Feedback, FeedbackTheme, Member, PulseQuestion, Theme } from '../core/model';
import { importActionPlan } from '../core/actions/action-plan-csv';
import { addDays, now } from '../core/clock';
import { deriveId, respondentKey } from '../core/identity';
import { roundIdFor } from '../core/pulses/questions';
import { newNetwork } from '../core/session';
import { conversationAddress, encodeAddress } from '../teams/teams-address';
import {
  DEMO_FORUM,
  DEMO_NETWORK_NAME,
  OTHER_MEMBERS,
  PERSONAS,
  PLAYGROUND_BOT,
  PLAYGROUND_TENANT,
  directConversationId,
  type DemoPerson,
  type Persona,
} from './people';

export const DEMO_NETWORK_ID = deriveId('n', 'teams', PLAYGROUND_TENANT);

export interface DemoSeedOptions {
  /** The server key: demo answers are keyed exactly as the core keys real ones. */
  secret: string;
  /** The playground's local connector: persona chats and the demo forum are addressed there. */
  serviceUrl: string;
}

export type SeedOutcome = { seeded: true; networkId: string } | { seeded: false; reason: string };

/** demo/action-plan.csv, from src/demo (tsx) or dist/src/demo (built). */
function demoPlanCsv(): string {
  for (const up of ['../..', '../../..']) {
    const file = resolve(__dirname, up, 'demo', 'action-plan.csv');
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`demo/action-plan.csv not found from ${__dirname}`);
}

/**
 * Moves every due date by whole years so that the plan's first year is this year: the demo
 * then shows a live mix of done, due-soon and overdue actions whenever it is run.
 */
export function shiftPlanToYear(csv: string, year: number): string {
  const dueColumn = /^((?:[^,"\n]*,){4})(\d{4})(-\d{2}-\d{2})/;
  const lines = csv.split('\n');
  const years = lines.slice(1).map((l) => dueColumn.exec(l)?.[2]).filter((y): y is string => y !== undefined).map(Number);
  if (years.length === 0) return csv;
  const shift = year - Math.min(...years);
  return lines
    .map((line, i) => (i === 0 ? line : line.replace(dueColumn, (_m, before: string, y: string, rest: string) => `${before}${Number(y) + shift}${rest}`)))
    .join('\n');
}

const personalAddress = (serviceUrl: string, persona: Persona): string =>
  encodeAddress(
    conversationAddress({
      channelId: 'msteams',
      serviceUrl,
      recipient: { ...PLAYGROUND_BOT },
      conversation: { id: directConversationId(persona), conversationType: 'personal', tenantId: PLAYGROUND_TENANT, isGroup: false, name: '' },
    }),
  );

const forumAddress = (serviceUrl: string): string =>
  encodeAddress(
    conversationAddress({
      channelId: 'msteams',
      serviceUrl,
      recipient: { ...PLAYGROUND_BOT },
      conversation: { id: DEMO_FORUM.channelId, conversationType: 'channel', tenantId: PLAYGROUND_TENANT, isGroup: true, name: DEMO_FORUM.name },
    }),
  );

const forumId = deriveId('f', DEMO_NETWORK_ID, 'teams', DEMO_FORUM.channelId);

function demoMember(person: DemoPerson, userId: string, aadObjectId: string | null, directAddress: string | null, createdAt: string): Member {
  return {
    id: deriveId('m', DEMO_NETWORK_ID, 'teams', userId),
    networkId: DEMO_NETWORK_ID,
    platform: 'teams',
    platformUserId: userId,
    aadObjectId,
    name: person.name,
    email: person.email,
    roles: [...person.roles],
    directAddress,
    unreachable: false,
    linkedPerson: null,
    language: null,
    seenLanguage: null,
    createdAt,
  };
}

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z]+/g, '-');

/** The Teams identity a demo person talks to Techvoice with (personas have one; others are made up). */
function demoIdentity(person: DemoPerson): Pick<Member, 'platform' | 'platformUserId' | 'aadObjectId' | 'linkedPerson'> {
  const persona = PERSONAS.find((p) => p.name === person.name);
  return persona
    ? { platform: 'teams', platformUserId: persona.userId, aadObjectId: persona.aadObjectId, linkedPerson: null }
    : { platform: 'teams', platformUserId: `29:demo-${slug(person.name)}`, aadObjectId: null, linkedPerson: null };
}

/**
 * Seeds the demo network (people, forum, action plan, closed pulse rounds with answers,
 * feedback) into an empty store. Does nothing when any network exists, so it is safe to call
 * on every start.
 */
export async function seedDemoData(store: Store, options: DemoSeedOptions): Promise<SeedOutcome> {
  if ((await store.listNetworks()).length > 0) return { seeded: false, reason: 'the store already has a network' };
  const today = now();
  const daysAgo = (days: number): string => addDays(today, -days).toISOString();

  await store.createNetwork({ ...newNetwork(DEMO_NETWORK_ID, DEMO_NETWORK_NAME), createdAt: daysAgo(120) });
  await store.linkWorkspace({ platform: 'teams', externalId: PLAYGROUND_TENANT, networkId: DEMO_NETWORK_ID });

  for (const persona of PERSONAS) {
    await store.upsertMember(demoMember(persona, persona.userId, persona.aadObjectId, personalAddress(options.serviceUrl, persona), daysAgo(100)));
  }
  for (const person of OTHER_MEMBERS) {
    await store.upsertMember(demoMember(person, `29:demo-${slug(person.name)}`, null, null, daysAgo(100)));
  }
  await store.upsertForum({
    id: forumId,
    networkId: DEMO_NETWORK_ID,
    platform: 'teams',
    channelId: DEMO_FORUM.channelId,
    name: DEMO_FORUM.name,
    address: forumAddress(options.serviceUrl),
    language: null,
    createdAt: daysAgo(100),
  });

  const plan = shiftPlanToYear(demoPlanCsv(), DateTime.fromJSDate(today).year);
  const imported = await importActionPlan(store, DEMO_NETWORK_ID, plan, daysAgo(90));
  if (!imported.ok) throw new Error(`demo action plan does not import: ${JSON.stringify(imported.errors)}`);
  await seedActionUpdates(store, daysAgo);
  await seedPulses(store, options.secret, today);
  await seedFeedback(store, daysAgo);
  return { seeded: true, networkId: DEMO_NETWORK_ID };
}

/**
 * Points the personas' chats and the demo forum at the playground's connector, which moves
 * when the server starts on another port.
 */
export async function pointDemoAddressesAt(store: Store, serviceUrl: string): Promise<void> {
  if (!(await store.getNetwork(DEMO_NETWORK_ID))) return;
  for (const persona of PERSONAS) {
    const member = await store.findMember(DEMO_NETWORK_ID, 'teams', persona.userId);
    const address = personalAddress(serviceUrl, persona);
    if (member && member.directAddress !== address) await store.upsertMember({ ...member, directAddress: address, unreachable: false });
  }
  const forum = await store.getForum(DEMO_NETWORK_ID, forumId);
  if (forum && forum.address !== forumAddress(serviceUrl)) await store.upsertForum({ ...forum, address: forumAddress(serviceUrl) });
}

async function seedActionUpdates(store: Store, daysAgo: (days: number) => string): Promise<void> {
  const updates: { number: string; by: string; days: number; change: Pick<Action, 'status' | 'note' | 'evidence'> }[] = [
    { number: '2.1', by: 'Priya Shah', days: 21, change: { status: 'green', note: 'Fund open all year; 23 registrations paid so far.', evidence: 'https://intranet.example.ac.uk/technicians/registration-fund' } },
    { number: '2.3', by: 'Priya Shah', days: 15, change: { status: 'green', note: 'All twelve mentees have submitted their registration applications.', evidence: '' } },
    { number: '4.4', by: 'Morgan Evans', days: 12, change: { status: 'amber', note: 'At-risk roles identified; shadowing pilot agreed with two schools.', evidence: '' } },
    { number: '1.1', by: 'Chris Morgan', days: 8, change: { status: 'green', note: 'Autumn forum held; minutes sent to the steering group.', evidence: 'https://intranet.example.ac.uk/technicians/tlf-minutes' } },
  ];
  const members = await store.listMembers(DEMO_NETWORK_ID);
  for (const u of updates) {
    const action = await store.getAction(DEMO_NETWORK_ID, u.number);
    if (!action) continue;
    const at = daysAgo(u.days);
    const member = members.find((m) => m.name === u.by);
    await store.updateAction({ ...action, ...u.change, updatedAt: at, version: action.version + 1 }, action.version, {
      networkId: DEMO_NETWORK_ID,
      planId: action.planId,
      actionNumber: action.number,
      at,
      by: member?.id ?? 'demo',
      byName: u.by,
      ...u.change,
    });
  }
}

interface DemoRound {
  occurrence: string;
  opensDaysAgo: number;
  closesDaysAgo: number;
  /** One answer per respondent, in order of the demo people. */
  answers: string[];
}

interface DemoPulse {
  question: Pick<PulseQuestion, 'text' | 'kind' | 'choices' | 'anonymous'> & { theme: Theme };
  rounds: DemoRound[];
}

const DEMO_PULSES: DemoPulse[] = [
  {
    question: { text: 'How likely are you to recommend the Technicians’ Network to a colleague?', kind: 'nps', choices: [], anonymous: true, theme: 'Visibility' },
    rounds: [
      { occurrence: 'demo-1', opensDaysAgo: 55, closesDaysAgo: 48, answers: ['6', '7', '5', '8', '6', '9', '4'] },
      { occurrence: 'demo-2', opensDaysAgo: 6, closesDaysAgo: 1, answers: ['8', '9', '7', '8', '10', '6', '9', '7'] },
    ],
  },
  {
    question: { text: 'I know how to apply for the Technicians’ Development Fund.', kind: 'likert', choices: [], anonymous: true, theme: 'Career Development' },
    rounds: [{ occurrence: 'demo-1', opensDaysAgo: 26, closesDaysAgo: 19, answers: ['4', '5', '3', '4', '4', '2', '5', '4', '3'] }],
  },
  {
    question: { text: 'Have you been named as a contributor on a research output in the last year?', kind: 'yesno', choices: [], anonymous: true, theme: 'Recognition' },
    rounds: [{ occurrence: 'demo-1', opensDaysAgo: 13, closesDaysAgo: 6, answers: ['no', 'yes', 'no', 'no', 'yes', 'no', 'yes', 'no'] }],
  },
  {
    question: {
      text: 'Which would help most with succession planning in your team?',
      kind: 'choice',
      choices: ['Shadowing before someone retires', 'Written procedures', 'Apprenticeships', 'Cross-training between teams'],
      anonymous: true,
      theme: 'Sustainability',
    },
    // Still open, and below the anonymity threshold: its results are withheld until more answer.
    rounds: [{ occurrence: 'demo-1', opensDaysAgo: 1, closesDaysAgo: -6, answers: ['Shadowing before someone retires', 'Apprenticeships', 'Shadowing before someone retires'] }],
  },
];

async function seedPulses(store: Store, secret: string, today: Date): Promise<void> {
  // The member persona has answered nothing, so the open pulse is theirs to try.
  const respondents = [...OTHER_MEMBERS, ...PERSONAS.filter((p) => p.key !== 'member')];
  const everyone = PERSONAS.length + OTHER_MEMBERS.length;
  const at = (days: number): Date => addDays(today, -days);
  for (const [index, pulse] of DEMO_PULSES.entries()) {
    const first = Math.max(...pulse.rounds.map((r) => r.opensDaysAgo));
    const { value: question } = await store.createPulseQuestion(
      {
        networkId: DEMO_NETWORK_ID,
        ...pulse.question,
        audience: { type: 'members' },
        schedule: null,
        windowHours: 24 * 7,
        createdBy: deriveId('m', DEMO_NETWORK_ID, 'teams', PERSONAS.find((p) => p.key === 'chair')!.userId),
        createdAt: at(first + 1).toISOString(),
      },
      `demo-pulse-${index + 1}`,
    );
    for (const round of pulse.rounds) {
      const roundId = roundIdFor(DEMO_NETWORK_ID, question.number, round.occurrence);
      const stored = { id: roundId, answerSalt: randomBytes(18).toString('base64url') };
      const opensAt = at(round.opensDaysAgo);
      await store.createRound({
        id: roundId,
        networkId: DEMO_NETWORK_ID,
        questionNumber: question.number,
        opensAt: opensAt.toISOString(),
        closesAt: at(round.closesDaysAgo).toISOString(),
        askedCount: everyone,
        answerSalt: stored.answerSalt,
        createdAt: opensAt.toISOString(),
      });
      for (const [i, value] of round.answers.entries()) {
        const person = respondents[i % respondents.length];
        await store.saveAnswer({
          roundId,
          respondentKey: respondentKey(secret, stored, demoIdentity(person)) as string,
          memberId: null,
          value,
          platform: 'teams',
          answeredAt: new Date(opensAt.getTime() + (i + 1) * 3_600_000).toISOString(),
        });
      }
    }
  }
}

interface DemoFeedback {
  theme: FeedbackTheme;
  text: string;
  /** Name of the author for named feedback; anonymous otherwise. */
  author: string | null;
  days: number;
  status: Feedback['status'];
  linkedAction?: string;
  reply?: string;
}

const DEMO_FEEDBACK: DemoFeedback[] = [
  { theme: 'Visibility', text: 'Could the website show photos of technicians at work, not only of the equipment?', author: null, days: 44, status: 'closed', reply: 'You said the website hid the people: the Technicians’ Hub now has profiles of twelve technicians (action 1.4).' },
  { theme: 'Career Development', text: 'The development fund form needs a signature that takes weeks to get.', author: null, days: 24, status: 'closed', linkedAction: '3.3', reply: 'You said the fund was slow: bids are now online with a two-week turnaround (action 3.3).' },
  { theme: 'Recognition', text: 'Technicians are rarely named on the papers their work made possible.', author: null, days: 20, status: 'linked', linkedAction: '1.5' },
  { theme: 'Sustainability', text: 'Two of our three glassblowers retire within two years and nobody is training to replace them.', author: null, days: 16, status: 'linked', linkedAction: '4.4' },
  { theme: 'Visibility', text: 'Could the Technical Showcase include a session for visiting school pupils?', author: 'Tom Walsh', days: 9, status: 'acknowledged' },
  { theme: 'Career Development', text: 'Please publish the draft grade descriptors for the career pathway so we can comment.', author: 'Aisha Khan', days: 6, status: 'acknowledged' },
  { theme: 'Recognition', text: 'A thank-you from the research lead in my annual review would mean a lot.', author: null, days: 3, status: 'new' },
  { theme: 'Other', text: 'The workshop heating has been broken since October.', author: null, days: 2, status: 'new' },
];

async function seedFeedback(store: Store, daysAgo: (days: number) => string): Promise<void> {
  const members = await store.listMembers(DEMO_NETWORK_ID);
  for (const [index, item] of DEMO_FEEDBACK.entries()) {
    const at = daysAgo(item.days);
    const author = item.author ? members.find((m) => m.name === item.author) : undefined;
    await store.createFeedback(
      {
        networkId: DEMO_NETWORK_ID,
        theme: item.theme,
        text: item.text,
        anonymous: !author,
        authorMemberId: author?.id ?? null,
        status: item.status,
        linkedAction: item.linkedAction ?? null,
        reply: item.reply ?? null,
        platform: 'teams',
        createdAt: at,
        updatedAt: at,
      },
      `demo-feedback-${index + 1}`,
    );
  }
}
