import { defineText } from '../i18n/text';

/** The soft mutation a noun takes after predicative "yn": "yn gadeirydd", "yn berchennog". */
function softMutation(word: string): string {
  const rules: [RegExp, string][] = [[/^ll/, 'l'], [/^rh/, 'r'], [/^c(?!h)/, 'g'], [/^p(?!h)/, 'b'], [/^t(?!h)/, 'd'], [/^g/, ''], [/^b/, 'f'], [/^d(?!d)/, 'dd'], [/^m/, 'f']];
  const rule = rules.find(([pattern]) => pattern.test(word));
  return rule ? word.replace(rule[0], rule[1]) : word;
}

/** The names of the audit log's detail fields that people read in Welsh; the rest are identifiers. */
const CY_AUDIT_KEYS: Readonly<Record<string, string>> = { member: 'aelod', roles: 'rolau', audience: 'cynulleidfa', pulse: 'pwls', report: 'adroddiad' };

/** Roles, forums and the audit log's words. */
export const networkText = defineText(
  'network',
  {
    chairTitle: 'Forum chair',
    ownerTitle: 'Action owner',
    adminTitle: 'Admin',
    giveRoles: 'Give the ticked roles (keeps the others)',
    takeRoles: 'Take the ticked roles away',
    chair: 'chair',
    owner: 'owner',
    admin: 'admin',
    member: 'member',
    memberOnly: 'member only',
    notInNetwork: 'That person is not in your network. They need to say hello to Techvoice first.',
    unknownRole: (roles: string) => `Unknown role: ${roles}.`,
    ownAdmin: 'You cannot remove your own admin role. Ask another admin.',
    saved: (name: string, roles: string) => `Saved: ${name} is ${roles}.`,
    noExtraRoles: 'a member with no extra roles',
    chooseChange: 'Choose whether to give or take away the roles.',
    badEmail: 'That e-mail address does not look right.',
    forumInDirectChat: 'Run **forum** in the channel you want to register, not in a direct chat.',
    defaultForumName: 'Forum',
    wasNamed: (name: string) => ` (it was “${name}”)`,
    forumRegistered: (name: string, was: string) => `This channel is now the forum “${name}”${was}. Chairs can send pulses here and ask for a **summary**.`,
    forumStill: (name: string) => `This channel is still the forum “${name}”. Chairs can send pulses here and ask for a **summary**.`,
    formerMember: 'a former member',
    everyMember: 'every member',
    forumNamed: (name: string) => `forum “${name}”`,
    forumGone: 'a forum no longer registered',
    pulseGone: '(no longer kept)',
    auditKey: (key: string) => key,
  },
  {
    chairTitle: 'Cadeirydd fforwm',
    ownerTitle: 'Perchennog cam gweithredu',
    adminTitle: 'Gweinyddwr',
    giveRoles: 'Rhoi’r rolau a diciwyd (gan gadw’r lleill)',
    takeRoles: 'Tynnu’r rolau a diciwyd',
    chair: 'cadeirydd',
    owner: 'perchennog',
    admin: 'gweinyddwr',
    member: 'aelod',
    memberOnly: 'aelod yn unig',
    notInNetwork: 'Dydy’r person hwnnw ddim yn eich rhwydwaith. Mae angen iddo ddweud helo wrth Techvoice yn gyntaf.',
    unknownRole: (roles: string) => `Rôl anhysbys: ${roles}.`,
    ownAdmin: 'Allwch chi ddim tynnu eich rôl gweinyddwr eich hun. Gofynnwch i weinyddwr arall.',
    saved: (name: string, roles: string) => `Wedi’i gadw: mae ${name} yn ${softMutation(roles)}.`,
    noExtraRoles: 'aelod heb rolau ychwanegol',
    chooseChange: 'Dewiswch a ydych chi am roi’r rolau neu eu tynnu.',
    badEmail: 'Dydy’r cyfeiriad e-bost hwnnw ddim yn edrych yn iawn.',
    forumInDirectChat: 'Rhedwch **fforwm** yn y sianel rydych chi am ei chofrestru, nid mewn sgwrs uniongyrchol.',
    defaultForumName: 'Fforwm',
    wasNamed: (name: string) => ` (“${name}” oedd ei henw)`,
    forumRegistered: (name: string, was: string) => `Mae’r sianel hon bellach yn fforwm “${name}”${was}. Gall cadeiryddion anfon pylsiau yma a gofyn am **crynodeb**.`,
    forumStill: (name: string) => `Mae’r sianel hon yn dal yn fforwm “${name}”. Gall cadeiryddion anfon pylsiau yma a gofyn am **crynodeb**.`,
    formerMember: 'cyn-aelod',
    everyMember: 'pob aelod',
    forumNamed: (name: string) => `fforwm “${name}”`,
    forumGone: 'fforwm nad yw wedi’i gofrestru bellach',
    pulseGone: '(heb ei gadw bellach)',
    auditKey: (key: string) => CY_AUDIT_KEYS[key] ?? key,
  },
);

/** The roles card's fixed words. */
export const rolesCardLabels = defineText(
  'card:roles',
  {
    heading: 'Roles',
    person: 'Person',
    personError: 'Choose a person',
    roles: 'Roles',
    change: 'Change',
    changeError: 'Choose whether to give or take away the roles',
    email: 'E-mail their actions are listed under (optional)',
    save: 'Save roles',
  },
  {
    heading: 'Rolau',
    person: 'Person',
    personError: 'Dewiswch berson',
    roles: 'Rolau',
    change: 'Newid',
    changeError: 'Dewiswch a ydych chi am roi’r rolau neu eu tynnu',
    email: 'Yr e-bost y mae eu camau gweithredu wedi’u rhestru odano (dewisol)',
    save: 'Cadw’r rolau',
  },
).languages;

/**
 * What each audited act is called in the audit log, by the identifier the log keeps (a
 * command's name, a card button's verb, a command-line act). An act not named here (one a
 * newer version logged) is shown as its identifier.
 */
export const auditActText = defineText(
  'audit acts',
  {
    plan: 'Changed the action plan',
    summary: 'Asked for a summary',
    'schedule summary': 'Scheduled forum summaries',
    'schedule digest': 'Scheduled the weekly digest',
    'schedule.set': 'Changed a schedule',
    export: 'Exported',
    quote: 'Quoted feedback',
    forum: 'Registered a forum',
    'feedback.acknowledge': 'Acknowledged feedback',
    'feedback.link': 'Linked feedback to an action',
    'feedback.reply': 'Replied to feedback',
    'pulse.create': 'Sent a pulse',
    'pulse.results': 'Looked at pulse results',
    'action.update': 'Updated an action',
    'roles.set': 'Changed roles',
    'profile.save': 'Saved the institution profile',
    'narrative.save': 'Saved a narrative section',
    'consultation.add': 'Recorded a consultation',
    'language network': 'Set the network’s language',
    'language forum': 'Set a forum’s language',
    'import-actions': 'Imported an action plan',
    link: 'Linked a workspace',
    retention: 'Set how long data is kept',
    sweep: 'Deleted data past its keeping time',
  },
  {
    plan: 'Newidiodd y cynllun gweithredu',
    summary: 'Gofynnodd am grynodeb',
    'schedule summary': 'Trefnodd grynodebau’r fforwm',
    'schedule digest': 'Trefnodd y crynhoad wythnosol',
    'schedule.set': 'Newidiodd amserlen',
    export: 'Allforiodd',
    quote: 'Dyfynnodd adborth',
    forum: 'Cofrestrodd fforwm',
    'feedback.acknowledge': 'Cydnabu adborth',
    'feedback.link': 'Cysylltodd adborth â cham gweithredu',
    'feedback.reply': 'Atebodd adborth',
    'pulse.create': 'Anfonodd bwls',
    'pulse.results': 'Edrychodd ar ganlyniadau pwls',
    'action.update': 'Diweddarodd gam gweithredu',
    'roles.set': 'Newidiodd rolau',
    'profile.save': 'Cadwodd broffil y sefydliad',
    'narrative.save': 'Cadwodd adran o’r naratif',
    'consultation.add': 'Cofnododd ymgynghoriad',
    'language network': 'Gosododd iaith y rhwydwaith',
    'language forum': 'Gosododd iaith fforwm',
    'import-actions': 'Mewnforiodd gynllun gweithredu',
    link: 'Cysylltodd weithle',
    retention: 'Gosododd am ba hyd y cedwir data',
    sweep: 'Dileodd ddata y tu hwnt i’w amser cadw',
  },
);
