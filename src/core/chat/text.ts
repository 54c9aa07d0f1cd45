import { defineText } from '../i18n/text';
import { languageOfLocale } from '../i18n/language';

/** What Techvoice says about the conversation itself: help, unknown commands, limits, private replies. */
export const chatText = defineText(
  'chat',
  {
    helpIntro: 'Hello! I help your technician network hear from everyone. Type one of these:',
    welcomeIntro: 'Hello! I am Techvoice: I help your technician network hear from everyone. Type one of these:',
    unknownCommand: (word: string, meant: string | null) =>
      `Sorry, I don’t know “${word}”.${meant ? ` Did you mean **${meant}**?` : ''} Type **help** to see what I can do.`,
    commandsTooFast: (when: string) => `You are sending commands faster than I can answer them. Please try again ${when}.`,
    pressesTooFast: (when: string) => `You are pressing buttons faster than I can answer them. Please try again ${when}.`,
    oneMoment: 'One moment',
    sorry: 'Sorry',
    notRecognisedTitle: 'Not recognised',
    notRecognised: 'That button is not one I know. Type **help** to start again.',
    outOfDateTitle: 'This card is out of date',
    outOfDate: 'Techvoice has changed since this card was sent. Type **help** for a fresh one.',
    cardNotRight: 'Something on the card is not right.',
    sentPrivately: 'That is for you alone, so I have sent it to you in a private chat with Techvoice.',
    privateOnly: 'That is for you alone, so I only show it in a private chat: write to me directly and ask there.',
    somethingWentWrong: 'Sorry, something went wrong on my side. Please try again in a minute.',
    doneTitle: 'Done',
    alreadyDone: 'Teams sent that twice, so I did it once. Type **help** to carry on.',
  },
  {
    helpIntro: 'Shwmae! Rwy’n helpu eich rhwydwaith technegwyr i glywed gan bawb. Teipiwch un o’r rhain:',
    welcomeIntro: 'Shwmae! Techvoice ydw i: rwy’n helpu eich rhwydwaith technegwyr i glywed gan bawb. Teipiwch un o’r rhain:',
    unknownCommand: (word: string, meant: string | null) =>
      `Mae’n ddrwg gen i, dydw i ddim yn adnabod “${word}”.${meant ? ` Oeddech chi’n golygu **${meant}**?` : ''} Teipiwch **cymorth** i weld beth alla i ei wneud.`,
    commandsTooFast: (when: string) => `Rydych chi’n anfon gorchmynion yn gynt nag y galla i eu hateb. Rhowch gynnig arall arni ${when}.`,
    pressesTooFast: (when: string) => `Rydych chi’n pwyso botymau yn gynt nag y galla i eu hateb. Rhowch gynnig arall arni ${when}.`,
    oneMoment: 'Un eiliad',
    sorry: 'Mae’n ddrwg gen i',
    notRecognisedTitle: 'Heb ei adnabod',
    notRecognised: 'Dydw i ddim yn adnabod y botwm hwnnw. Teipiwch **cymorth** i ddechrau eto.',
    outOfDateTitle: 'Mae’r cerdyn hwn wedi dyddio',
    outOfDate: 'Mae Techvoice wedi newid ers anfon y cerdyn hwn. Teipiwch **cymorth** i gael un newydd.',
    cardNotRight: 'Mae rhywbeth ar y cerdyn sydd ddim yn iawn.',
    sentPrivately: 'Mae hynny i chi’n unig, felly rwyf wedi’i anfon atoch chi mewn sgwrs breifat gyda Techvoice.',
    privateOnly: 'Mae hynny i chi’n unig, felly dim ond mewn sgwrs breifat y bydda i’n ei ddangos: ysgrifennwch ataf yn uniongyrchol a gofynnwch yno.',
    somethingWentWrong: 'Mae’n ddrwg gen i, aeth rhywbeth o’i le ar fy ochr i. Rhowch gynnig arall arni ymhen munud.',
    doneTitle: 'Wedi’i wneud',
    alreadyDone: 'Anfonodd Teams hynny ddwywaith, felly fe’i gwnes i unwaith. Teipiwch **cymorth** i barhau.',
  },
);

/**
 * When the person's language is not known (a request that failed before they were looked
 * up): their client's, else both, Welsh first.
 */
export function inEitherLanguage(locale: string | null | undefined, say: (text: ReturnType<typeof chatText>) => string): string {
  const language = languageOfLocale(locale);
  return language ? say(chatText(language)) : `${say(chatText('cy'))}\n\n${say(chatText('en'))}`;
}
