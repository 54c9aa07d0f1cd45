/** What the self-assessment submission holds beyond the action plan: profile, narrative, evidence. */

export const STAGES = ['one', 'two', 'three'] as const;
export type Stage = (typeof STAGES)[number];

/** The facts on the submission's first page and its sign-off block. */
export interface InstitutionProfile {
  networkId: string;
  /** Name, and role if wanted, of the nominated institutional lead, e.g. "Dr James Howard, Director of The Academy". */
  leadName: string;
  leadEmail: string;
  leadPhone: string;
  /** The leader of the institution who signs with the lead, e.g. "Professor Jane Doe, Vice-Chancellor". */
  headName: string;
  /** Date the institution signed the Technician Commitment, "YYYY-MM-DD", or "". */
  signatoryDate: string;
  /** Where the signatory status and action plan are published. */
  webPage: string;
  /** Governance and reporting lines, resources: the approach since signing starts from it. */
  governance: string;
  /** The self-assessment being prepared, and the period of the plan it is about. */
  stage: Stage;
  planPeriod: string;
  updatedAt: string;
}

/** The guidance's questions, one narrative section each. */
export const NARRATIVE_SECTIONS = [
  'context',
  'approach',
  'progress',
  'impact',
  'initiatives',
  'new-plan',
  'voice',
] as const;
export type NarrativeSectionKey = (typeof NARRATIVE_SECTIONS)[number];

/** One narrative section of a plan's submission, as a chair or admin drafted it. */
export interface NarrativeSection {
  networkId: string;
  /** The plan the narrative is about (see PlanSource); sections of different plans never mix. */
  planId: string;
  section: NarrativeSectionKey;
  text: string;
  updatedAt: string;
}

export const CONSULTATION_KINDS = ['forum meeting', 'workshop', 'focus group', 'staff survey', 'town hall'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

/** A recorded consultation of technicians: evidence that the technician voice shaped the plan. */
export interface Consultation {
  networkId: string;
  /** Unique per network; the idempotency key of the form that recorded it. */
  id: string;
  /** "YYYY-MM-DD". */
  heldOn: string;
  kind: ConsultationKind;
  participants: number;
  summary: string;
  /** Action numbers the consultation shaped. */
  actionsShaped: string[];
  createdAt: string;
}
