import { defineText } from '../i18n/text';

/** The Slack Home tab's words around the pulse and action lists. */
export const homeText = defineText(
  'home',
  {
    openPulses: 'Open pulse questions: your answers help the network see what to change.',
    noOpenPulses: 'No pulse questions are open right now.',
    yourActions: 'Your actions',
    noActions: 'You do not own any actions in the plan.',
    moreActions: (more: number) => `…and ${more} more. Type **actions** to see them all, ten at a time.`,
    due: (date: string) => `due ${date}`,
    overdue: 'overdue',
  },
  {
    openPulses: 'Cwestiynau pwls agored: mae eich atebion yn helpu’r rhwydwaith i weld beth i’w newid.',
    noOpenPulses: 'Does dim cwestiynau pwls ar agor ar hyn o bryd.',
    yourActions: 'Eich camau gweithredu',
    noActions: 'Does dim camau gweithredu yn y cynllun yn eiddo i chi.',
    moreActions: (more: number) => `…a ${more} arall. Teipiwch **camau** i’w gweld i gyd, deg ar y tro.`,
    due: (date: string) => `erbyn ${date}`,
    overdue: 'yn hwyr',
  },
);
