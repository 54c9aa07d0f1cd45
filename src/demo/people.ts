import type { Role } from '../core/model';

/** The Teams tenant id the playground uses: the demo network is linked to it. */
export const PLAYGROUND_TENANT = 'playground';
export const DEMO_NETWORK_NAME = 'Demo University Technicians';
export const DEMO_FORUM = { channelId: 'playground-forum-tlf', name: "Technical Leaders' Forum" } as const;
export const PLAYGROUND_BOT = { id: '28:techvoice-playground', name: 'Techvoice' } as const;

export type PersonaKey = 'member' | 'owner' | 'chair' | 'admin';

export interface DemoPerson {
  name: string;
  email: string;
  roles: Role[];
}

/** Someone the playground lets you be: a demo member with a Teams identity in the playground tenant. */
export interface Persona extends DemoPerson {
  key: PersonaKey;
  /** What the persona picker says about them. */
  label: string;
  userId: string;
  aadObjectId: string;
}

function persona(key: PersonaKey, label: string, person: DemoPerson): Persona {
  return { key, label, ...person, userId: `29:playground-${key}`, aadObjectId: `playground-${key}` };
}

/** E-mails match owners in demo/action-plan.csv, so the owner and chair see their own actions. */
export const PERSONAS: readonly Persona[] = [
  persona('member', 'Member: a technician', { name: 'Sam Patel', email: 'sam.patel@example.ac.uk', roles: ['member'] }),
  persona('owner', 'Action owner: leads outreach (action 1.6)', { name: 'Olu Adeyemi', email: 'outreach.lead@example.ac.uk', roles: ['member', 'owner'] }),
  persona('chair', "Chair: Technical Leaders' Forum", { name: 'Chris Morgan', email: 'forum.chair@example.ac.uk', roles: ['member', 'chair', 'owner'] }),
  persona('admin', 'Admin: institutional lead', { name: 'Alex Reid', email: 'institutional.lead@example.ac.uk', roles: ['member', 'admin'] }),
];

/** Other demo technicians: enough people that pulse results clear the anonymity threshold. */
export const OTHER_MEMBERS: readonly DemoPerson[] = [
  { name: 'Priya Shah', email: 'hr.partner@example.ac.uk', roles: ['member', 'owner'] },
  { name: 'Jordan Lee', email: 'network.lead@example.ac.uk', roles: ['member', 'owner'] },
  { name: 'Morgan Evans', email: 'workforce.planning@example.ac.uk', roles: ['member', 'owner'] },
  { name: 'Rhiannon Price', email: 'apprenticeship.lead@example.ac.uk', roles: ['member', 'owner'] },
  { name: 'Tom Walsh', email: 'tom.walsh@example.ac.uk', roles: ['member'] },
  { name: 'Aisha Khan', email: 'aisha.khan@example.ac.uk', roles: ['member'] },
  { name: 'Ben Carter', email: 'ben.carter@example.ac.uk', roles: ['member'] },
  { name: 'Hannah Scott', email: 'hannah.scott@example.ac.uk', roles: ['member'] },
  { name: 'Ravi Mistry', email: 'ravi.mistry@example.ac.uk', roles: ['member'] },
  { name: 'Ellie Murphy', email: 'ellie.murphy@example.ac.uk', roles: ['member'] },
];

export function personaByKey(key: string): Persona | undefined {
  return PERSONAS.find((p) => p.key === key);
}

export function personaByUserId(userId: string): Persona | undefined {
  return PERSONAS.find((p) => p.userId === userId);
}

/** The id of a persona's 1:1 chat with the bot in the playground. */
export const directConversationId = (persona: Pick<Persona, 'key'>): string => `playground-dm-${persona.key}`;
