import { defineText } from '../i18n/text';

export const languageText = defineText(
  'language',
  {
    current: 'I speak to you in English. Type **language cymraeg** to use Welsh (Cymraeg).',
    chosen: 'Done: I will speak to you in English from now on. Type **help** to see what I can do.',
    unknown: (word: string) => `I don’t know the language “${word}”. Type **language english** or **language cymraeg**.`,
    networkSet: (name: string) => `Done: people in ${name} who have not chosen a language, and whose Teams or Slack does not say, now get English.`,
    forumSet: (forum: string, choice: string) => `Done: posts to ${forum} are now in ${choice}.`,
    notAForum: 'Type **language forum …** in the channel of a registered forum (register it with **forum** first).',
    forumChoices: 'Choose **english**, **cymraeg** or **both** (Welsh first), e.g. **language forum both**.',
    names: (choice: 'en' | 'cy' | 'both') => ({ en: 'English', cy: 'Welsh', both: 'Welsh and English (Welsh first)' })[choice],
  },
  {
    current: 'Rwy’n siarad â chi yn Gymraeg. Teipiwch **iaith saesneg** i ddefnyddio Saesneg (English).',
    chosen: 'Wedi’i wneud: byddaf yn siarad â chi yn Gymraeg o hyn ymlaen. Teipiwch **cymorth** i weld beth alla i ei wneud.',
    unknown: (word: string) => `Dydw i ddim yn adnabod yr iaith “${word}”. Teipiwch **iaith cymraeg** neu **iaith saesneg**.`,
    networkSet: (name: string) => `Wedi’i wneud: mae pobl yn ${name} sydd heb ddewis iaith, a lle nad yw Teams na Slack yn dweud, bellach yn cael Cymraeg.`,
    forumSet: (forum: string, choice: string) => `Wedi’i wneud: mae negeseuon i ${forum} bellach yn ${choice}.`,
    notAForum: 'Teipiwch **iaith fforwm …** yn sianel fforwm cofrestredig (cofrestrwch ef gyda **fforwm** yn gyntaf).',
    forumChoices: 'Dewiswch **saesneg**, **cymraeg** neu **dwyieithog** (Cymraeg yn gyntaf), e.e. **iaith fforwm dwyieithog**.',
    names: (choice: 'en' | 'cy' | 'both') => ({ en: 'Saesneg', cy: 'Gymraeg', both: 'Gymraeg a Saesneg (Cymraeg yn gyntaf)' })[choice],
  },
);
