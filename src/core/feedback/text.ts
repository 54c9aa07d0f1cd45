import type { FeedbackStatus } from '../model';
import type { Language } from '../i18n/language';
import { counted, defineText } from '../i18n/text';

export const FEEDBACK_TEXT = defineText(
  'feedback',
  {
    anonymously: 'Anonymously',
    asMember: (name: string) => `As ${name}`,
    thanks: (reference: string, canReply: boolean, anonymous: boolean) =>
      `Thanks: your feedback reached the network as ${reference}. Chairs will see it in the next summary${
        canReply ? `, and when they reply I will pass it on to you here${anonymous ? ' without telling them who you are' : ''}` : ''
      }.`,
    sentAlready: (reference: string) => `You already sent this as ${reference}: it is counted once.`,
    tooMuch: (retryIn: string) => `You have sent a lot of feedback in a short time, so this one is not sent yet. Please send it again ${retryIn}: your text is still here.`,
    yourFeedback: 'Your feedback',
    theReply: 'The reply',
    chooseTheme: 'Choose a theme.',
    chooseAction: 'Choose the action this feedback led to.',
  },
  {
    anonymously: 'Yn ddienw',
    asMember: (name: string) => `Fel ${name}`,
    thanks: (reference: string, canReply: boolean, anonymous: boolean) =>
      `Diolch: mae eich adborth wedi cyrraedd y rhwydwaith fel ${reference}. Bydd y cadeiryddion yn ei weld yn y crynodeb nesaf${
        canReply ? `, a phan fyddan nhw’n ateb, byddaf yn anfon yr ateb ymlaen atoch chi yma${anonymous ? ' heb ddweud wrthyn nhw pwy ydych chi' : ''}` : ''
      }.`,
    sentAlready: (reference: string) => `Rydych chi eisoes wedi anfon hwn fel ${reference}: caiff ei gyfrif unwaith.`,
    tooMuch: (retryIn: string) => `Rydych chi wedi anfon llawer o adborth mewn amser byr, felly nid yw hwn wedi’i anfon eto. Anfonwch ef eto ${retryIn}: mae eich testun yma o hyd.`,
    yourFeedback: 'eich adborth',
    theReply: 'yr ateb',
    chooseTheme: 'Dewiswch thema.',
    chooseAction: 'Dewiswch y cam gweithredu a ddaeth o’r adborth hwn.',
  },
);

export const FEEDBACK_TRIAGE_TEXT = defineText(
  'feedback:triage',
  {
    statusNew: 'New',
    statusAcknowledged: 'Acknowledged',
    statusLinked: 'Linked to an action',
    statusClosed: 'Closed with a reply',
    waiting: (count: number) => counted('en', count, { one: '{n} feedback item waiting for a reply', other: '{n} feedback items waiting for a reply' }),
    newestShown: (shown: number) => ` (newest ${shown} shown)`,
    inboxHint: 'Open one to acknowledge it, link it to an action or reply.',
    nothingWaiting: 'No feedback is waiting for a reply. 🎉',
    anonymous: 'Anonymous',
    named: 'Named',
    namedAs: (name: string) => `Named: ${name}`,
    aMember: 'a member',
    noSuchItem: (reference: string) => `There is no ${reference} in your network. Type **feedback list** to see the open items.`,
    linkedTo: (action: string, title: string, status: string) => `Linked to **${action}** ${title} (${status})`,
    linkedToNumber: (action: string) => `Linked to ${action}`,
    replySent: (reply: string) => `Reply sent: ${reply}`,
    reachable: (anonymous: boolean) => `Your reply reaches the author in chat${anonymous ? ' without you or anyone learning who they are' : ''}.`,
    unreachable: 'The author cannot be reached in chat, so the reply will be kept with the item and counted in summaries.',
    acknowledgedAlready: (reference: string) => `${reference} was already acknowledged.`,
    acknowledged: (reference: string, told: boolean) => `Acknowledged ${reference}.${told ? ' The author has been told.' : ''}`,
    noSuchAction: (action: string) => `There is no action ${action} in your plan. Choose one from the list.`,
    closedAlready: (reference: string) => `${reference} is closed with a reply already.`,
    linked: (reference: string, action: string) => `Linked ${reference} to action ${action}. Summaries count it as feedback that led to action.`,
    sameReplyAgain: (reference: string) => `This reply to ${reference} was sent already: once is enough.`,
    repliedBefore: (reference: string) =>
      `${reference} is closed with a reply already, sent before yours: that is the reply the author received, and yours was not sent. Start a new conversation in the forum if there is more to say.`,
    replied: (reference: string) => `Reply sent to the author of ${reference}, and the item is closed.`,
    repliedUnreachable: (reference: string) => `${reference} is closed with your reply. Its author cannot be reached in chat.`,
  },
  {
    statusNew: 'Newydd',
    statusAcknowledged: 'Wedi’i gydnabod',
    statusLinked: 'Wedi’i gysylltu â cham gweithredu',
    statusClosed: 'Wedi’i gau gydag ateb',
    waiting: (count: number) => counted('cy', count, { one: '{n} eitem adborth yn aros am ateb', other: '{n} eitem adborth yn aros am ateb' }),
    newestShown: (shown: number) => ` (dangosir y ${shown} diweddaraf)`,
    inboxHint: 'Agorwch un i’w chydnabod, i’w chysylltu â cham gweithredu neu i’w hateb.',
    nothingWaiting: 'Does dim adborth yn aros am ateb. 🎉',
    anonymous: 'Dienw',
    named: 'Ag enw',
    namedAs: (name: string) => `Ag enw: ${name}`,
    aMember: 'aelod',
    noSuchItem: (reference: string) => `Does dim ${reference} yn eich rhwydwaith. Teipiwch **rhestr adborth** i weld yr eitemau agored.`,
    linkedTo: (action: string, title: string, status: string) => `Wedi’i gysylltu â **${action}** ${title} (${status})`,
    linkedToNumber: (action: string) => `Wedi’i gysylltu â ${action}`,
    replySent: (reply: string) => `Ateb wedi’i anfon: ${reply}`,
    reachable: (anonymous: boolean) => `Bydd eich ateb yn cyrraedd yr awdur yn y sgwrs${anonymous ? ' heb i chi nac unrhyw un arall wybod pwy ydyn nhw' : ''}.`,
    unreachable: 'Ni ellir cyrraedd yr awdur yn y sgwrs, felly bydd yr ateb yn cael ei gadw gyda’r eitem a’i gyfrif yn y crynodebau.',
    acknowledgedAlready: (reference: string) => `Roedd ${reference} wedi’i gydnabod eisoes.`,
    acknowledged: (reference: string, told: boolean) => `Wedi cydnabod ${reference}.${told ? ' Mae’r awdur wedi cael gwybod.' : ''}`,
    noSuchAction: (action: string) => `Does dim cam gweithredu ${action} yn eich cynllun. Dewiswch un o’r rhestr.`,
    closedAlready: (reference: string) => `Mae ${reference} eisoes wedi’i gau gydag ateb.`,
    linked: (reference: string, action: string) =>
      `Mae ${reference} wedi’i gysylltu â cham gweithredu ${action}. Mae crynodebau’n ei gyfrif fel adborth a arweiniodd at weithredu.`,
    sameReplyAgain: (reference: string) => `Anfonwyd yr ateb hwn i ${reference} eisoes: mae unwaith yn ddigon.`,
    repliedBefore: (reference: string) =>
      `Mae ${reference} eisoes wedi’i gau gydag ateb a anfonwyd cyn eich un chi: dyna’r ateb a gafodd yr awdur, ac ni chafodd eich un chi ei anfon. Dechreuwch sgwrs newydd yn y fforwm os oes mwy i’w ddweud.`,
    replied: (reference: string) => `Anfonwyd yr ateb at awdur ${reference}, ac mae’r eitem wedi’i chau.`,
    repliedUnreachable: (reference: string) => `Mae ${reference} wedi’i gau gyda’ch ateb. Ni ellir cyrraedd ei awdur yn y sgwrs.`,
  },
);

/** What the author of an item reads: in the language they gave it in. */
export const FEEDBACK_AUTHOR_TEXT = defineText(
  'feedback:author',
  {
    acknowledged: (reference: string, theme: string) =>
      `Your feedback ${reference} (${theme}) has been read by the forum chairs. I will pass on their reply when they send one.`,
    replyTitle: (reference: string, theme: string) => `You said, we did: ${reference} (${theme})`,
    ledToAction: (action: string, title: string, status: string) => `It led to action **${action}** ${title}, now ${status}.`,
  },
  {
    acknowledged: (reference: string, theme: string) =>
      `Mae cadeiryddion y fforwm wedi darllen eich adborth ${reference} (${theme}). Byddaf yn anfon eu hateb ymlaen atoch chi pan fyddan nhw’n ei anfon.`,
    replyTitle: (reference: string, theme: string) => `Dywedoch chi, gwnaethom ni: ${reference} (${theme})`,
    ledToAction: (action: string, title: string, status: string) => `Arweiniodd at gam gweithredu **${action}** ${title} (statws nawr: ${status}).`,
  },
);

/** A feedback item's status as people read it. */
export function feedbackStatusName(status: FeedbackStatus, language: Language): string {
  const t = FEEDBACK_TRIAGE_TEXT(language);
  return { new: t.statusNew, acknowledged: t.statusAcknowledged, linked: t.statusLinked, closed: t.statusClosed }[status];
}

export const FEEDBACK_FORM_LABELS = defineText(
  'card:feedback-form',
  {
    title: 'Share feedback',
    intro: 'Tell your network what would make things better. Anonymous feedback is never linked to you.',
    theme: 'Theme',
    themeMissing: 'Choose a theme',
    feedback: 'Your feedback',
    feedbackMissing: 'Write your feedback',
    anonymity: 'Anonymity',
    anonymous: 'Send anonymously',
    send: 'Send feedback',
  },
  {
    title: 'Rhannu adborth',
    intro: 'Dywedwch wrth eich rhwydwaith beth fyddai’n gwella pethau. Nid yw adborth dienw byth yn cael ei gysylltu â chi.',
    theme: 'Thema',
    themeMissing: 'Dewiswch thema',
    feedback: 'Eich adborth',
    feedbackMissing: 'Ysgrifennwch eich adborth',
    anonymity: 'Bod yn ddienw',
    anonymous: 'Anfon yn ddienw',
    send: 'Anfon adborth',
  },
).languages;

export const FEEDBACK_DONE_LABELS = defineText(
  'card:feedback-done',
  { thanks: 'Thank you:', theme: 'Theme', sent: 'Sent' },
  { thanks: 'Diolch:', theme: 'Thema', sent: 'Anfonwyd' },
).languages;

export const FEEDBACK_INBOX_LABELS = defineText(
  'card:feedback-inbox',
  { title: 'Feedback to respond to', respondTo: 'Respond to' },
  { title: 'Adborth i ymateb iddo', respondTo: 'Ymateb i' },
).languages;

export const FEEDBACK_REPLY_LABELS = defineText(
  'card:feedback-reply',
  { youSaid: 'You said', weDid: 'We did', thanks: 'Thank you for speaking up: this is how the technician voice shapes the action plan.' },
  { youSaid: 'Dywedoch chi', weDid: 'Gwnaethom ni', thanks: 'Diolch am godi llais: dyma sut mae llais technegwyr yn llywio’r cynllun gweithredu.' },
).languages;

export const FEEDBACK_RESPOND_LABELS = defineText(
  'card:feedback-respond',
  {
    acknowledge: 'Acknowledge',
    ledToAction: 'It led to action',
    link: 'Link to this action',
    reply: 'You said, we did: your reply',
    replyHint: 'What changed, or what will, because of this feedback',
    send: 'Send reply and close',
    back: 'Back to the list',
  },
  {
    acknowledge: 'Cydnabod',
    ledToAction: 'Arweiniodd at gam gweithredu',
    link: 'Cysylltu â’r cam gweithredu hwn',
    reply: 'Dywedoch chi, gwnaethom ni: eich ateb',
    replyHint: 'Beth newidiodd, neu beth fydd yn newid, oherwydd yr adborth hwn',
    send: 'Anfon ateb a chau',
    back: 'Yn ôl i’r rhestr',
  },
).languages;
