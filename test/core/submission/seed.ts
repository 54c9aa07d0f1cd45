import type { Action, FeedbackStatus, Network, RagStatus, Theme } from '../../../src/core/model';
import { THEMES } from '../../../src/core/model';
import type { Store } from '../../../src/core/store';
import type { InstitutionProfile, NarrativeSectionKey } from '../../../src/core/submission/model';

/**
 * A Stage Two submission modelled on a real one (a university's 23-action plan, two red
 * items explained, forums, a showcase, surveys), with texts of real length and ’ – • in them.
 */
const ACTIONS: { theme: Theme; title: string; owner: string; status: RagStatus; note: string; evidence: string }[] = [
  { theme: 'Visibility', title: 'Establish a Technical Leaders’ Forum for senior technical staff that meets each term and reports to the Technician Commitment Steering Group', owner: 'technical.leaders.forum@example.ac.uk', status: 'green', note: 'Forum meets termly; minutes go to the steering group.\n• external speakers at every meeting\n• attendance 30–40', evidence: 'Minutes of nine forums; attendance register' },
  { theme: 'Visibility', title: 'Launch a Technicians’ Network open to every technical role, with a launch event and workplace tours across all three campuses', owner: 'technicians.network@example.ac.uk', status: 'green', note: 'Launched with 140 members; six workplace tours held.', evidence: 'Membership list grew from 140 to 310' },
  { theme: 'Visibility', title: 'Hold a flagship Technical Showcase every other year to raise the visibility of the role, impact and expertise of the technical community', owner: 'events.office@example.ac.uk', status: 'green', note: 'Two showcases held, over 1,000 visitors in total.', evidence: 'Visitor counts; feedback forms' },
  { theme: 'Visibility', title: 'Create a Technicians’ Hub on the external website as a single point of access to the Commitment, the action plan and the named contact', owner: 'web.team@example.ac.uk', status: 'green', note: 'Hub live; linked from the staff intranet front page.', evidence: 'Page views: 4,200 in the first year' },
  { theme: 'Visibility', title: 'Publish a quarterly newsletter celebrating the achievements of technicians, distributed across the university and its social media channels', owner: 'internal.communications@example.ac.uk', status: 'amber', note: 'Three issues out of four published this year; the winter issue moved to January.', evidence: '' },
  { theme: 'Visibility', title: 'Raise the visibility of technical careers across the city region and the North West of England through outreach with partner universities', owner: 'widening.participation@example.ac.uk', status: 'red', note: 'The university joined a UK-wide outreach programme in autumn 2019 with six other universities, featured on national television.\nThe programme was cancelled in early 2020 because of the pandemic:\n• school visits stopped\n• the partner events were not rescheduled', evidence: '' },
  { theme: 'Recognition', title: 'Establish a fund that reimburses the first year of fees for any technician who becomes professionally registered with their awarding body', owner: 'people.development@example.ac.uk', status: 'green', note: 'Fund open all year; 31 technicians reimbursed.', evidence: 'Registrations up from 14 to 31' },
  { theme: 'Recognition', title: 'Publish fair attribution guidance on how technicians and technical facilities are recognised as contributors to research outputs', owner: 'research.office@example.ac.uk', status: 'green', note: 'Guidance agreed by the research committee and published.', evidence: 'Guidance cited in 12 papers' },
  { theme: 'Recognition', title: 'Add an “Unsung Hero” category to the annual Staff Awards to reflect the behind-the-scenes work of technical staff', owner: 'staff.awards@example.ac.uk', status: 'green', note: 'Category added; 18 nominations in its first year.', evidence: '' },
  { theme: 'Recognition', title: 'Appoint two Technician Ambassadors from the Senior Leadership Team, one academic and one from professional services', owner: 'vice.chancellors.office@example.ac.uk', status: 'green', note: 'Both ambassadors attend the Technical Leaders’ Forum.', evidence: '' },
  { theme: 'Recognition', title: 'Represent technicians on the Concordat Steering Group and on cross-institutional projects such as research culture and sustainability work', owner: 'concordat.steering.group@example.ac.uk', status: 'amber', note: 'Representation agreed for the Concordat group; research culture project still to confirm.', evidence: '' },
  { theme: 'Career Development', title: 'Agree a Statement of Expectations for technicians and technical leaders that guarantees at least ten days of development time a year', owner: 'people.development@example.ac.uk', status: 'green', note: 'Statement agreed by the Senior Leadership Team and published.', evidence: 'Development days recorded in the HR system' },
  { theme: 'Career Development', title: 'Scope a professional career pathway for technicians, with guidance on development activities aligned to each route', owner: 'hr.policy@example.ac.uk', status: 'amber', note: 'Scoping in the planning cycle; draft pathway for consultation in spring.', evidence: '' },
  { theme: 'Career Development', title: 'Create a Technicians’ Development Fund that individuals and teams can bid into online, with a two-week turnaround', owner: 'people.development@example.ac.uk', status: 'green', note: '64 bids funded; priority for bids that cascade learning.', evidence: '64 funded bids; cascade sessions logged' },
  { theme: 'Career Development', title: 'Include technical leadership in the review of the leadership development offer, with places reserved for technical staff', owner: 'leadership.programmes@example.ac.uk', status: 'amber', note: 'Review under way; first cohort planned.', evidence: '' },
  { theme: 'Career Development', title: 'Subscribe to a national technical training network and communicate the opportunities it offers to every technician', owner: 'technical.training@example.ac.uk', status: 'green', note: 'Subscription renewed; 85 places taken.', evidence: '' },
  { theme: 'Sustainability', title: 'Pilot a skills-sharing app that technicians can use to learn new skills and techniques from colleagues in other departments', owner: 'digital.services@example.ac.uk', status: 'amber', note: 'Pilot in two faculties; wider launch after evaluation.', evidence: '' },
  { theme: 'Sustainability', title: 'Give every school and department workforce planning data on its technical staff, so managers address talent development and succession', owner: 'workforce.planning@example.ac.uk', status: 'green', note: 'Data packs sent each autumn.', evidence: 'Data packs opened by 92% of managers' },
  { theme: 'Sustainability', title: 'Promote technical careers and university study to school leavers through work experience and aligned outreach activities', owner: 'widening.participation@example.ac.uk', status: 'amber', note: 'Work experience resumed this year at reduced scale.', evidence: '' },
  { theme: 'Sustainability', title: 'Host outreach events for local schools that show technical roles, to encourage widening participation', owner: 'outreach.team@example.ac.uk', status: 'amber', note: 'Two events held; more planned.', evidence: '' },
  { theme: 'Sustainability', title: 'Investigate ways to enhance the technical skills of people outside the university but within the city region, using the apprenticeship levy', owner: 'apprenticeships@example.ac.uk', status: 'red', note: 'The plan was to transfer apprenticeship levy to help local organisations upskill their technical workforce.\nLimits on how much may be transferred to external businesses, and fewer technical apprenticeships during the pandemic, meant few employers were reached.', evidence: '' },
  { theme: 'Sustainability', title: 'Identify potential future leaders within technical services and give them targeted development for future roles', owner: 'leadership.programmes@example.ac.uk', status: 'amber', note: 'Talent review method agreed; first review next year.', evidence: '' },
  { theme: 'Sustainability', title: 'Offer technical apprenticeships in every faculty and track completion and progression into permanent roles', owner: 'apprenticeships@example.ac.uk', status: 'green', note: 'Apprentices in all three faculties; 9 completed, 7 stayed.', evidence: 'Completion and retention figures' },
];

const NARRATIVE: Record<NarrativeSectionKey, string> = {
  context: 'There are 669 staff in technical roles, based mostly on the main campus, with smaller teams at two others.\nThe split by gender is fairly even; most are on permanent contracts.',
  approach: 'The Technician Commitment is a core institutional agenda and informs workforce planning.\n\nA Steering Group chaired by the Director of the Academy manages the plan:\n• senior technical leaders from each faculty\n• representatives of specialist facilities\n• two Technician Ambassadors from the Senior Leadership Team',
  progress: 'Visibility: a Technical Leaders’ Forum, a Technicians’ Network and two showcases.\nRecognition: a registration fund and fair attribution guidance.\nCareer Development: a Statement of Expectations and a Development Fund.\nSustainability: workforce planning data for every department.',
  impact: 'The Steering Group, forums and ambassadors evaluate every action as it runs. The 2019 staff survey and a 2020 pulse survey showed improvement in:\n• overall experience\n• training and development\n• reward and recognition',
  initiatives: 'A sector-wide report on technicians’ support for student wellbeing, written with five partners and informed by over 700 technicians.\nA webinar on the same theme attended by over 100 people.',
  'new-plan': 'The new plan builds on the survey results: better communication to and from technicians, and a career pathway with development aligned to each route.',
  voice: 'The plan was drafted with the Technical Leaders’ Forum and tested at two open workshops; every action was read back to the Technicians’ Network before sign-off.',
};

export interface SeedOptions {
  /** Number of actions; beyond 23 the plan repeats its themes with numbered variants. */
  actions?: number;
  /** Years of monthly pulses (one per theme) and feedback before `today`. */
  years?: number;
  today?: string;
  feedbackPerYear?: number;
}

export const LIVERPOOL_PROFILE = (networkId: string): InstitutionProfile => ({
  networkId,
  leadName: 'Dr James Howard, Director of The Academy',
  leadEmail: 'james.howard@example.ac.uk',
  leadPhone: '0151 794 2193',
  headName: 'Professor Dame Janet Beer, Vice-Chancellor',
  signatoryDate: '2017-09-28',
  webPage: 'https://www.example.ac.uk/researcher/technicians-hub/commitment/',
  governance: 'Progress is reported to the Senior Leadership Team through the Technician Ambassadors.\n• Steering Group meets every two months\n• Budget of £40,000 a year for the development fund',
  stage: 'two',
  planPeriod: 'April 2019 – March 2021',
  updatedAt: '2021-03-01T09:00:00.000Z',
});

/** The plan the seeded actions belong to (current, so narrative sections are kept under it). */
export const SEED_PLAN_ID = 'plan-2019';

/** Stores a Stage Two submission's plan, profile, narrative, consultations, pulses and feedback. */
export async function seedSubmission(store: Store, network: Network, options: SeedOptions = {}): Promise<void> {
  const count = options.actions ?? ACTIONS.length;
  const today = options.today ?? '2021-03-29';
  const years = options.years ?? 0;
  const perTheme = new Map<Theme, number>();
  const actions: Action[] = Array.from({ length: count }, (_, i) => {
    const template = ACTIONS[i % ACTIONS.length];
    const index = (perTheme.get(template.theme) ?? 0) + 1;
    perTheme.set(template.theme, index);
    const round = Math.floor(i / ACTIONS.length);
    const due = `202${i % 2 ? 0 : 1}-${String((i % 12) + 1).padStart(2, '0')}-28`;
    return {
      networkId: network.id,
      planId: SEED_PLAN_ID,
      number: `${THEMES.indexOf(template.theme) + 1}.${index}`,
      title: round ? `${template.title} (phase ${round + 1})` : template.title,
      shortTitle: '',
      theme: template.theme,
      edi: false,
      owner: template.owner,
      ownerEmail: template.owner,
      due,
      dueAsWritten: due,
      status: template.status,
      note: template.note,
      successMeasure: '',
      evidence: template.evidence,
      carriedFrom: null,
      updatedAt: `${today}T09:00:00.000Z`,
      version: 1,
    };
  });
  await store.createPlan({ networkId: network.id, id: SEED_PLAN_ID, name: 'Action plan 2019–2021', stage: 'stage-one', start: '2019-04-01', end: '2021-03-31', state: 'current', createdAt: `${today}T09:00:00.000Z`, closedAt: null, ragAtClose: null });
  await store.importActions(network.id, actions, []);
  await store.saveInstitutionProfile(LIVERPOOL_PROFILE(network.id));
  for (const [section, text] of Object.entries(NARRATIVE) as [NarrativeSectionKey, string][]) {
    await store.saveNarrativeSection({ networkId: network.id, planId: SEED_PLAN_ID, section, text, updatedAt: `${today}T09:00:00.000Z` });
  }
  await store.addConsultation({ networkId: network.id, id: 'c-workshop', heldOn: '2020-11-12', kind: 'workshop', participants: 46, summary: 'Open workshop on the draft plan:\n• career pathway wanted first\n• better communication from the steering group', actionsShaped: ['3.2', '1.5'], createdAt: `${today}T09:00:00.000Z` });
  await store.addConsultation({ networkId: network.id, id: 'c-forum', heldOn: '2021-01-20', kind: 'forum meeting', participants: 31, summary: 'Technical Leaders’ Forum read the new plan back action by action.', actionsShaped: ['2.5'], createdAt: `${today}T09:00:00.000Z` });

  const start = Date.parse(`${today}T09:00:00.000Z`) - years * 365 * 86_400_000;
  const months = years * 12;
  for (let theme = 0; theme < THEMES.length && months > 0; theme++) {
    const { value: question } = await store.createPulseQuestion(
      { networkId: network.id, text: `How well does the university support ${THEMES[theme]}?`, kind: 'likert', choices: [], theme: THEMES[theme], anonymous: true, audience: { type: 'members' }, schedule: '0 10 1 * *', windowHours: 72, createdBy: 'm-chair', createdAt: new Date(start).toISOString() },
      `seed-q-${theme}`,
    );
    for (let month = 0; month < months; month++) {
      const opens = new Date(start + month * 30.4 * 86_400_000);
      const id = `seed-r-${theme}-${month}`;
      await store.createRound({ id, networkId: network.id, questionNumber: question.number, opensAt: opens.toISOString(), closesAt: new Date(opens.getTime() + 72 * 3_600_000).toISOString(), askedCount: 60, answerSalt: null, createdAt: opens.toISOString() });
      const answers = 20 + ((month * 7 + theme * 3) % 15);
      for (let a = 0; a < answers; a++) {
        const value = String(1 + ((a + month + theme) % 5 > 1 ? Math.min(4, 2 + Math.floor((month / months) * 2 + (a % 3) / 2)) : (a % 3)));
        await store.saveAnswer({ roundId: id, respondentKey: `${id}-${a}`, memberId: null, value, platform: a % 3 ? 'teams' : 'slack', answeredAt: new Date(opens.getTime() + 3_600_000).toISOString() });
      }
    }
  }
  const feedbackCount = years * (options.feedbackPerYear ?? 60);
  const statuses: FeedbackStatus[] = ['new', 'acknowledged', 'linked', 'closed'];
  for (let i = 0; i < feedbackCount; i++) {
    const at = new Date(start + (i / Math.max(1, feedbackCount)) * years * 365 * 86_400_000).toISOString();
    const status = statuses[i % 4];
    const theme = THEMES[i % 4];
    const linked = status === 'linked' || status === 'closed' ? actions.find((a) => a.theme === theme)!.number : null;
    await store.createFeedback(
      { networkId: network.id, theme, text: `Feedback ${i} on ${theme}: we would like more time for training – and clearer routes to promotion.`, anonymous: true, authorMemberId: null, status, linkedAction: linked, reply: status === 'closed' ? 'The development fund now pays for courses within two weeks of a bid.' : null, platform: 'teams', createdAt: at, updatedAt: at },
      `seed-f-${i}`,
    );
  }
}
