import { ROLE_CHANGES } from '../core/network/roles';
import { card, CARD_VERSION, NO_PAGING, type Card, type CardDataByName, type CardName, type Choice } from '../core/cards';
import { FEEDBACK_THEMES, THEMES, type Platform } from '../core/model';
import { answerChoices, KIND_LABELS } from '../core/pulses/pulses';
import { bar } from '../core/format';
import { REPEAT_CHOICES, WEEKDAY_CHOICES } from '../core/schedules';
import { distributionChart, planChart, trendChart } from '../core/summary/summary';
import type { ChartLinks } from '../core/charts/links';
import type { ChartSpec } from '../core/charts/spec';

const choices = (values: readonly string[]): Choice[] => values.map((v) => ({ title: v, value: v }));

/**
 * Realistic data for every card, typed against the card models: a new card name does not
 * compile until it has a sample here. Used by the /cards gallery and by tests.
 */
const SAMPLE_RAG: Extract<ChartSpec, { kind: 'rag' }> = {
  kind: 'rag',
  asAt: '25 Nov 2026',
  rows: [
    { theme: 'Visibility', red: 1, amber: 2, green: 3, total: 6 },
    { theme: 'Recognition', red: 0, amber: 2, green: 1, total: 3 },
    { theme: 'Career Development', red: 1, amber: 1, green: 2, total: 4 },
    { theme: 'Sustainability', red: 1, amber: 3, green: 1, total: 5 },
  ],
};

const SAMPLE_TREND: Extract<ChartSpec, { kind: 'trend' }> = {
  kind: 'trend',
  pulses: [
    { theme: 'Career Development', trend: [{ quarter: '2026 Q2', average: 3.2 }, { quarter: '2026 Q3', average: 3.5 }, { quarter: '2026 Q4', average: 3.8 }] },
    { theme: 'Recognition', trend: [{ quarter: '2026 Q2', average: 2.9 }, { quarter: '2026 Q3', average: 3.4 }, { quarter: '2026 Q4', average: 3.3 }] },
  ],
};

/**
 * The sample summary's charts, with their pictures when the server can link to them. Slack
 * gets the two overview charts as pictures after the card, so its card has only the answers.
 */
function sampleSummaryCharts(links?: ChartLinks, platform: Platform = 'teams') {
  const bars = ['1', '2', '3', '4', '5'].map((x, i) => ({ x, y: [0, 1, 2, 4, 2][i] }));
  const overview = platform === 'slack' ? null : { trendChart: trendChart(SAMPLE_TREND, links), planChart: planChart(SAMPLE_RAG, links) };
  return { charts: [distributionChart('Career Development', 'likert', bars, links)], trendChart: [], planChart: [], ...overview };
}

export const SAMPLE_CARDS: { [N in CardName]: CardDataByName[N] } = {
  help: {
    cv: CARD_VERSION,
    otherLanguage: 'cy',
    intro: 'Hello! I help your technician network hear from everyone. Type one of these:',
    commands: [
      { command: 'feedback', description: 'Share an idea or concern, anonymously if you like' },
      { command: 'pulse', description: 'Create pulse questions and see results' },
      { command: 'actions', description: 'See the action plan and its RAG status' },
      { command: 'summary [days]', description: 'Post a summary of the last 30 days (or the days you give) here' },
      { command: 'help', description: 'Show this list' },
    ],
  },
  'feedback-form': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    formId: 'sample-form',
    themes: choices(FEEDBACK_THEMES),
    maxLength: 2000,
    values: { theme: 'Recognition', text: 'A thank-you from the research lead in my annual review would mean a lot.', anonymous: 'true' },
  },
  'feedback-done': {
    reference: 'FB-9',
    theme: 'Recognition',
    text: 'A thank-you from the research lead in my annual review would mean a lot.',
    anonymity: 'Anonymously',
    notice: 'Thanks: your feedback reached the network as FB-9. Chairs will see it in the next summary.',
  },
  'pulse-create': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    formId: 'sample-pulse-form',
    themes: choices(THEMES),
    kinds: Object.entries(KIND_LABELS).map(([value, title]) => ({ title, value })),
    audiences: [
      { title: "Forum: Technical Leaders' Forum", value: 'forum:sample' },
      { title: 'Every member, by direct message', value: 'members' },
    ],
    values: {
      text: 'I know who to ask about professional registration.',
      kind: 'likert',
      choices: '',
      theme: 'Recognition',
      anonymous: 'true',
      audience: 'members',
      closesDate: '2026-12-04',
      closesTime: '17:00',
    },
  },
  'pulse-question': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    roundId: 'sample-round',
    reference: 'P-4',
    question: 'Which would help most with succession planning in your team?',
    theme: 'Sustainability',
    closes: 'Closes Tue 1 Dec 2026, 17:00',
    anonymity: 'Anonymous',
    isOpen: true,
    isText: false,
    choices: choices(['Shadowing before someone retires', 'Written procedures', 'Apprenticeships', 'Cross-training between teams']),
    values: { answer: '' },
  },
  'pulse-list': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    canCreate: true,
    intro: 'Recent pulse questions. Open one to answer it, or see its results.',
    rounds: [
      { roundId: 'sample-round-4', reference: 'P-4', question: 'Which would help most with succession planning in your team?', status: 'Open, closes Tue 1 Dec 2026, 17:00 · You have answered', canAnswer: true, answerTitle: 'Change answer P-4', resultsTitle: 'Results P-4', canSeeResults: true },
      { roundId: 'sample-round-3', reference: 'P-3', question: 'Have you been named as a contributor on a research output in the last year?', status: 'Closed Thu 19 Nov 2026, 03:15', canAnswer: false, answerTitle: 'Answer P-3', resultsTitle: 'Results P-3', canSeeResults: true },
    ],
  },
  'pulse-results': {
    reference: 'P-2',
    question: 'I know how to apply for the Technicians’ Development Fund.',
    theme: 'Career Development',
    status: 'Closed Fri 6 Nov 2026, 03:15',
    responses: '9 answers from 14 people asked',
    withheld: false,
    withheldReason: '',
    rows: answerChoices({ kind: 'likert', choices: [] }).map((c, i) => {
      const counts = [0, 1, 2, 4, 2];
      return { label: c.title, count: String(counts[i]), bar: bar(counts[i] / 9) };
    }),
    texts: [],
  },
  'actions-list': {
    ...NO_PAGING,
    notice: '',
    error: '',
    cv: CARD_VERSION,
    title: 'Your actions',
    empty: '',
    actions: [
      {
        number: '1.6',
        title: 'Raise the visibility of technical careers across the city region',
        details: 'Visibility · due 31 Dec 2026 · outreach.lead@example.ac.uk',
        status: '🔴 Red',
        colour: 'attention',
        note: 'Regional outreach programme cancelled; new partner schools being sought.',
        canUpdate: true,
      },
      {
        number: '1.3',
        title: 'Hold an annual Technical Showcase for academic and research staff',
        details: 'Visibility · due 31 Jul 2026 · **overdue** · events.lead@example.ac.uk',
        status: '🟠 Amber',
        colour: 'warning',
        note: 'Venue booked; call for exhibits open.',
        canUpdate: false,
      },
    ],
  },
  'action-update': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    number: '1.6',
    title: 'Raise the visibility of technical careers across the city region',
    details: 'Visibility · due 31 Dec 2026 · outreach.lead@example.ac.uk · now 🔴 Red',
    version: 2,
    statuses: [
      { title: '🔴 Red', value: 'red' },
      { title: '🟠 Amber', value: 'amber' },
      { title: '🟢 Green', value: 'green' },
    ],
    values: { status: 'red', note: 'Regional outreach programme cancelled; new partner schools being sought.', evidence: '' },
    history: [{ line: 'Wed 26 Aug 2026, 04:15 · Plan import · 🔴 Red · Regional outreach programme cancelled; new partner schools being sought.' }],
  },
  summary: {
    title: "Summary for Technical Leaders' Forum",
    period: 'Last 30 days: Mon 26 Oct 2026, 03:15 to Wed 25 Nov 2026, 03:15',
    filters: '',
    themes: [
      {
        heading: 'Career Development · 1 round · 64% answered',
        scales: [{ title: 'P-2 Development Fund', value: 'average 3.8 of 5 · first time asked' }],
      },
      {
        heading: 'Visibility · 1 round · 57% answered',
        scales: [{ title: 'P-1 Recommend the network', value: 'average 8.0 of 10 · up from 6.4' }],
      },
    ],
    noThemes: '',
    ...sampleSummaryCharts(),
    rounds: [
      { line: '**P-2** I know how to apply for the Technicians’ Development Fund. (Career Development)', detail: '9 answers of 14 asked · average 3.8 of 5' },
      { line: '**P-4** Which would help most with succession planning in your team? (Sustainability)', detail: '3 answers of 14 asked · results withheld below 5 answers' },
    ],
    noRounds: '',
    feedback: [
      { title: 'Visibility', value: '1' },
      { title: 'Recognition', value: '2' },
      { title: 'Career Development', value: '2' },
      { title: 'Sustainability', value: '1' },
      { title: 'Other', value: '1' },
    ],
    feedbackTotal: '7 items',
    feedbackStatus: [
      { title: 'New', value: '2' },
      { title: 'Acknowledged', value: '2' },
      { title: 'Linked to an action', value: '2' },
      { title: 'Closed with a reply', value: '1' },
    ],
    ledToAction: '3 of 7 led to action',
    rag: [
      { theme: 'Visibility', red: '1', amber: '2', green: '3', total: '6' },
      { theme: 'Recognition', red: '0', amber: '2', green: '1', total: '3' },
      { theme: 'Career Development', red: '1', amber: '1', green: '2', total: '4' },
      { theme: 'Sustainability', red: '1', amber: '3', green: '1', total: '5' },
    ],
    noRag: '',
    changes: [{ line: '**4.4** Plan succession for technical roles at risk of skills loss · 🟠 Amber · Morgan Evans' }],
    noChanges: '',
    attention: [{ line: '**1.6** Raise the visibility of technical careers across the city region · 🔴 red · outreach.lead@example.ac.uk' }],
    noAttention: '',
    footnote: 'Breakdowns with fewer than 5 answers are withheld to protect anonymity.',
  },
  roles: {
    notice: 'Saved: Chris Morgan is chair.',
    error: '',
    cv: CARD_VERSION,
    people: [
      { name: 'Alex Reid (teams, institutional.lead@example.ac.uk)', roles: 'admin' },
      { name: 'Chris Morgan (teams, forum.chair@example.ac.uk)', roles: 'chair, owner' },
    ],
    members: [
      { title: 'Alex Reid (teams, institutional.lead@example.ac.uk): admin', value: 'm-alex' },
      { title: 'Chris Morgan (teams, forum.chair@example.ac.uk): chair, owner', value: 'm-chris' },
      { title: 'Sam Patel (teams, sam.patel@example.ac.uk): member only', value: 'm-sam' },
    ],
    roles: [
      { title: 'Forum chair', value: 'chair' },
      { title: 'Action owner', value: 'owner' },
      { title: 'Admin', value: 'admin' },
    ],
    changes: ROLE_CHANGES,
    values: { member: '', roles: '', email: '', change: 'add' },
  },
  'feedback-inbox': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    intro: 'Feedback from the last 30 days, newest first. Open one to acknowledge it, link it to an action or reply.',
    items: [
      { number: '8', heading: 'FB-8 · Other · new', text: 'The workshop heating has been broken since October.', meta: 'Anonymous · 2 days ago' },
      { number: '7', heading: 'FB-7 · Recognition · new', text: 'A thank-you from the research lead in my annual review would mean a lot.', meta: 'Anonymous · 3 days ago' },
    ],
  },
  'feedback-respond': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    number: '3',
    heading: 'FB-3 · Recognition · linked to 1.5',
    text: 'Technicians are rarely named on the papers their work made possible.',
    from: 'Anonymous',
    linked: '1.5 Name technicians as contributors on research outputs (fair attribution guidance)',
    reply: '',
    canAcknowledge: false,
    isClosed: false,
    actions: [
      { title: '1.5 Name technicians as contributors on research outputs', value: '1.5' },
      { title: '2.2 Add a Technician of the Year category to the staff awards', value: '2.2' },
    ],
    reachable: 'Your reply reaches the author in Teams without revealing who they are.',
    values: { action: '1.5', reply: '' },
  },
  'feedback-reply': {
    title: 'You said, we did: FB-3',
    said: 'Technicians are rarely named on the papers their work made possible.',
    did: 'Fair attribution guidance now asks research leads to name technicians on every output they contributed to.',
    action: '1.5 Name technicians as contributors on research outputs (fair attribution guidance)',
  },
  reminder: {
    cv: CARD_VERSION,
    number: '1.6',
    title: 'Raise the visibility of technical careers across the city region',
    why: 'It is due on 31 Dec 2026, in 14 days.',
    details: 'Visibility · due 31 Dec 2026 · 🔴 Red · last update 12 Sep 2026',
    version: 2,
    snoozeDays: '7',
    notice: '',
  },
  digest: {
    title: "This week in the Technical Leaders' Forum",
    period: 'Mon 16 Nov 2026 to Mon 23 Nov 2026',
    sections: [
      { heading: 'New feedback', empty: '', lines: [{ line: '**FB-8** Other · The workshop heating has been broken since October.' }] },
      { heading: 'Pulses closing soon', empty: '', lines: [{ line: '**P-4** Which would help most with succession planning in your team? · closes Tue 1 Dec' }] },
      { heading: 'Overdue actions', empty: 'Nothing overdue. 🎉', lines: [] },
    ],
  },
  details: {
    title: 'What Techvoice holds about you',
    intro: 'In Demo University Technicians, on Teams.',
    facts: [
      { title: 'Name', value: 'Sam Patel' },
      { title: 'E-mail', value: 'sam.patel@example.ac.uk' },
      { title: 'Named feedback', value: '1' },
    ],
    lines: [{ line: 'FB-3 · Recognition · Tue 3 Nov 2026, 10:12 · acknowledged: “Please fund registration fees”' }],
    note: 'Anonymous feedback and anonymous answers are not linked to you. Type **forget me** to remove what is listed.',
  },
  'forget-confirm': {
    cv: CARD_VERSION,
    text: 'Techvoice will delete your member record and remove your name from what you sent. This cannot be undone.',
  },
  message: {
    title: 'Pulse sent',
    text: 'P-5 was sent to every member by direct message. It closes Wed 2 Dec 2026, 17:00.',
    style: 'good',
  },
  profile: {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    stages: [
      { title: 'Stage One', value: 'one' },
      { title: 'Stage Two', value: 'two' },
      { title: 'Stage Three', value: 'three' },
    ],
    values: {
      name: 'University of Midshire',
      leadName: 'Dr Alex Reid, Director of Technical Services',
      leadEmail: 'institutional.lead@example.ac.uk',
      leadPhone: '0151 794 2193',
      headName: 'Professor Jane Doe, Vice-Chancellor',
      signatoryDate: '2017-09-28',
      webPage: 'https://www.example.ac.uk/technicians/commitment',
      stage: 'two',
      planPeriod: 'April 2021 – March 2024',
      governance: 'A Technician Commitment Steering Group chaired by the institutional lead reports to the Senior Leadership Team.\n• two Technician Ambassadors\n• £40,000 a year for the development fund',
    },
  },
  'narrative-list': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    intro: 'The sections of the Stage Two submission. Techvoice adds the facts it holds (pulses, feedback, consultations, the RAG analysis) by itself; type **export** for the document.',
    sections: [
      { key: 'approach', name: 'Approach since signing', status: 'written, 1,240 characters, 2 Nov 2026', question: 'The institution’s approach to the Technician Commitment since becoming a signatory: governance and reporting lines, resources and wider community engagement.' },
      { key: 'voice', name: 'How the technician voice shaped the plan', status: 'not written yet', question: 'How the technician voice was present in the development and formation of the 36-month action plan.' },
    ],
  },
  'narrative-edit': {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    section: 'voice',
    name: 'How the technician voice shaped the plan',
    question: 'How the technician voice was present in the development and formation of the 36-month action plan.',
    values: { text: 'The plan was drafted with the Technical Leaders’ Forum and tested at two open workshops:\n• 46 technicians at the first\n• 31 at the second' },
  },
  consultation: {
    notice: '',
    error: '',
    cv: CARD_VERSION,
    formId: 'sample-consultation',
    kinds: [
      { title: 'Forum meeting', value: 'forum meeting' },
      { title: 'Workshop', value: 'workshop' },
      { title: 'Focus group', value: 'focus group' },
      { title: 'Staff survey', value: 'staff survey' },
      { title: 'Town hall', value: 'town hall' },
    ],
    values: { heldOn: '2026-11-12', kind: 'workshop', participants: '46', summary: 'Open workshop on the draft plan: a career pathway first, and clearer communication from the steering group.', actionsShaped: '3.2, 1.5' },
    recorded: [{ title: '20 Jan 2026 · forum meeting', value: '31 people · shaped 2.5' }],
  },
  schedule: {
    notice: 'The summary for “Technical Leaders’ Forum” now goes out on the first Monday of each month at 09:00 (Europe/London time). The next one goes out on Monday 7 December at 09:00.',
    error: '',
    cv: CARD_VERSION,
    forumId: 'sample-forum',
    facts: [
      { title: 'Summary in “Technical Leaders’ Forum”', value: 'On the first Monday of each month at 09:00 (set for this forum)' },
      { title: 'Summaries in other forums', value: 'On the first Monday of each month at 09:00 (Techvoice’s default)' },
      { title: 'Chairs’ digest', value: 'Every Friday at 16:00 (set for the network)' },
    ],
    note: 'Times are Europe/London time. Nothing goes out in quiet hours (18:00–08:00) or at weekends: a report due then waits until it may be sent. The summary you set here is this forum’s own; “Summaries in other forums” is set from a direct chat.',
    reports: [
      { title: 'Summary in “Technical Leaders’ Forum”', value: 'summary' },
      { title: 'Chairs’ digest', value: 'digest' },
    ],
    repeats: [
      ...REPEAT_CHOICES.filter((c) => c.value !== 'once').map((c) => ({ title: c.title, value: c.value })),
      { title: 'Off: none sent', value: 'off' },
      { title: 'Back to the default (the network’s for the summary)', value: 'default' },
    ],
    weekdays: WEEKDAY_CHOICES,
    values: { report: 'summary', repeat: 'monthly', weekday: '1', time: '09:00' },
  },
};

export const SAMPLE_CARD_NAMES = Object.keys(SAMPLE_CARDS) as CardName[];

/** A card with sample data, as `platform` gets it; the summary's charts link to their pictures when `links` is given. */
export function sampleCard<N extends CardName>(name: N, links?: ChartLinks, platform: Platform = 'teams'): Card {
  if (name === 'summary') return card('summary', { ...SAMPLE_CARDS.summary, ...sampleSummaryCharts(links, platform) });
  return card(name, SAMPLE_CARDS[name]);
}
