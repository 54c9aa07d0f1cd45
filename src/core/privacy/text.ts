import { counted, defineText } from '../i18n/text';

/** `my data`, `link`, `forget me` and the audit log. */
export const privacyText = defineText(
  'privacy',
  {
    daysUsage: 'Give the number of days as a whole number, e.g. **audit 90**.',
    myDataTitle: 'What Techvoice holds about you',
    myDataIntro: (network: string, platform: string) => `In ${network}, on ${platform}.`,
    name: 'Name',
    email: 'E-mail',
    notKnown: 'not known',
    roles: 'Roles',
    firstSeen: 'First seen',
    namedFeedback: 'Named feedback',
    namedAnswers: 'Named pulse answers',
    updatesMade: 'Action updates you made',
    actionsUnderEmail: 'Actions listed under your e-mail',
    none: 'none',
    pulseAnswer: (value: string, when: string) => `Pulse answer “${value}” · ${when}`,
    updateTo: (action: string, when: string, status: string, note: string) => `Update to ${action} · ${when} · ${status}${note ? `: ${note}` : ''}`,
    myDataNote:
      'Anonymous feedback and anonymous answers are not linked to you, so they cannot be listed here or removed by “forget me”. Type **forget me** to remove what is listed.',
    forgetText:
      'Techvoice will delete your member record and remove your name from the feedback, pulse answers and action updates you made. What you said stays, without your name. Anonymous feedback is not touched. This cannot be undone.',
    forgottenTitle: 'Done: you are forgotten',
    forgotten: (feedback: number, answers: number, updates: number, platform: string) =>
      `Your member record is deleted and your name is removed from ${[
        counted('en', feedback, { one: '{n} feedback item', other: '{n} feedback items' }),
        counted('en', answers, { one: '{n} pulse answer', other: '{n} pulse answers' }),
        counted('en', updates, { one: '{n} action update', other: '{n} action updates' }),
      ].join(', ')}. If you talk to Techvoice again, it will only know your name and e-mail from ${platform} again.`,
    auditTitle: 'Audit log',
    auditIntro: (days: number, entries: number) => `Chair, admin and command-line acts in the last ${counted('en', days, { one: '{n} day', other: '{n} days' })}: ${entries}.`,
    auditMore: (shown: number, networkId: string) => `Showing the latest ${shown}. The CLI lists them all: techvoice audit --network ${networkId}`,
    yourCode: (code: string, minutes: number, other: string) =>
      `Your one-time code is **${code}**. Within ${minutes} minutes, type **link ${code}** to Techvoice on ${other}: your two accounts then count as one person. Keep the code to yourself.`,
    unknownCode: 'That code is not one I know, or it has expired. Type **link** on your other account for a new one.',
    otherPlatform: (platform: string) => `Type the code on your other platform, not on ${platform}. Type **link** here for a code to use there.`,
    linked: (other: string, here: string) => `Done: your ${other} and ${here} accounts are now one person in Techvoice, so a pulse counts you once.`,
  },
  {
    daysUsage: 'Rhowch nifer y dyddiau fel rhif cyfan, e.e. **archwiliad 90**.',
    myDataTitle: 'Beth mae Techvoice yn ei gadw amdanoch chi',
    myDataIntro: (network: string, platform: string) => `Yn ${network}, ar ${platform}.`,
    name: 'Enw',
    email: 'E-bost',
    notKnown: 'anhysbys',
    roles: 'Rolau',
    firstSeen: 'Gwelwyd gyntaf',
    namedFeedback: 'Adborth ag enw',
    namedAnswers: 'Atebion pwls ag enw',
    updatesMade: 'Diweddariadau i gamau gweithredu a wnaethoch chi',
    actionsUnderEmail: 'Camau gweithredu wedi’u rhestru o dan eich e-bost',
    none: 'dim',
    pulseAnswer: (value: string, when: string) => `Ateb pwls “${value}” · ${when}`,
    updateTo: (action: string, when: string, status: string, note: string) => `Diweddariad i ${action} · ${when} · ${status}${note ? `: ${note}` : ''}`,
    myDataNote:
      'Dydy adborth dienw ac atebion dienw ddim wedi’u cysylltu â chi, felly does dim modd eu rhestru yma na’u tynnu gydag “anghofio fi”. Teipiwch **anghofio fi** i dynnu’r hyn sydd wedi’i restru.',
    forgetText:
      'Bydd Techvoice yn dileu eich cofnod aelod ac yn tynnu eich enw oddi ar yr adborth, yr atebion pwls a’r diweddariadau i gamau gweithredu a wnaethoch chi. Mae’r hyn a ddywedoch chi’n aros, heb eich enw. Fydd dim newid i adborth dienw. Does dim modd dadwneud hyn.',
    forgottenTitle: 'Wedi’i wneud: rydych chi wedi’ch anghofio',
    forgotten: (feedback: number, answers: number, updates: number, platform: string) =>
      `Mae eich cofnod aelod wedi’i ddileu ac mae eich enw wedi’i dynnu oddi ar ${feedback} eitem o adborth, ${answers} ateb pwls a ${updates} diweddariad i gamau gweithredu. Os byddwch chi’n siarad â Techvoice eto, dim ond eich enw a’ch e-bost o ${platform} fydd yn hysbys iddo eto.`,
    auditTitle: 'Log archwilio',
    auditIntro: (days: number, entries: number) =>
      `Gweithredoedd cadeiryddion, gweinyddwyr a’r llinell orchymyn yn y ${counted('cy', days, { zero: '{n} diwrnod', one: '{n} diwrnod', two: '{n} ddiwrnod', other: '{n} diwrnod' })} diwethaf: ${entries}.`,
    auditMore: (shown: number, networkId: string) => `Yn dangos y ${shown} diweddaraf. Mae’r CLI yn eu rhestru i gyd: techvoice audit --network ${networkId}`,
    yourCode: (code: string, minutes: number, other: string) =>
      `Eich cod untro yw **${code}**. O fewn ${minutes} munud, teipiwch **cysylltu ${code}** i Techvoice ar ${other}: bydd eich dau gyfrif wedyn yn cyfrif fel un person. Cadwch y cod i chi’ch hun.`,
    unknownCode: 'Dydw i ddim yn adnabod y cod hwnnw, neu mae wedi dod i ben. Teipiwch **cysylltu** ar eich cyfrif arall i gael un newydd.',
    otherPlatform: (platform: string) => `Teipiwch y cod ar eich platfform arall, nid ar ${platform}. Teipiwch **cysylltu** yma i gael cod i’w ddefnyddio yno.`,
    linked: (other: string, here: string) => `Wedi’i wneud: mae eich cyfrifon ${other} a ${here} bellach yn un person yn Techvoice, felly mae pwls yn eich cyfrif unwaith.`,
  },
);

/** The `forget me` card's fixed words. */
export const forgetConfirmLabels = defineText(
  'card:forget-confirm',
  { heading: 'Forget me?', confirm: 'Yes, forget me' },
  { heading: 'Anghofio fi?', confirm: 'Ie, anghofiwch fi' },
).languages;
