import { strict as assert } from 'node:assert';
import { startWorldWithPlan, people } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardActions, cardInputs, cardText, inputChoiceTitles, type CardJson } from '../support/cards';
import { conversationIdOf, personal, type TeamsUser } from '../support/teams-activities';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';
import { seenOnCard } from '../support/seen-text';

const dm = (who: TeamsUser) => conversationIdOf(who, personal);
const FEEDBACK = 'Please pay for professional registration fees';

describe('Teams: feedback in Welsh and English', () => {
  let bot: BotHarness;
  let seenCy: string[];
  let seenEn: string[];
  beforeEach(async () => {
    bot = await startWorldWithPlan();
    seenCy = [];
    seenEn = [];
  });
  afterEach(async () => {
    await bot.close();
  });

  const sees = (into: string[], card: CardJson): CardJson => {
    into.push(seenOnCard(card));
    return card;
  };
  /** What reached someone's chat from the outbox: messages and cards. */
  const sentTo = (who: TeamsUser) => ({ texts: bot.connector.textsIn(dm(who)), cards: bot.connector.cardsIn(dm(who)) });

  async function giveFeedback(who: TeamsUser, into: string[], command: string): Promise<CardJson> {
    const form = sees(into, (await bot.say(who, command)).cards[0]);
    return sees(into, await bot.press(who, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, theme: 'Recognition', text: FEEDBACK, anonymous: 'true' }));
  }

  it('lets a Welsh speaker give feedback in Welsh, and passes an English chair’s acknowledgement and reply on to them in Welsh', async () => {
    await bot.say(people.member, 'iaith cymraeg');
    const form = sees(seenCy, (await bot.say(people.member, 'adborth')).cards[0]);
    assert.match(cardText(form), /Rhannu adborth/);
    assert.match(cardText(form), /Dywedwch wrth eich rhwydwaith beth fyddai’n gwella pethau/);
    assert.deepEqual(inputChoiceTitles(form, 'theme'), ['Gwelededd', 'Cydnabyddiaeth', 'Datblygu Gyrfa', 'Cynaliadwyedd', 'Arall']);
    assert.equal(actionFor(form, 'feedback.submit').title, 'Anfon adborth');
    for (const input of cardInputs(form)) {
      assert.ok(typeof input.label === 'string' && input.label !== '', `${String(input.id)} has a label`);
      if (input.isRequired) assert.ok(typeof input.errorMessage === 'string' && input.errorMessage !== '', `${String(input.id)} says what is missing`);
    }
    const submit = (inputs: Record<string, string>) => bot.press(people.member, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, anonymous: 'true', ...inputs });

    assert.match(cardText(sees(seenCy, await submit({ text: FEEDBACK }))), /Dewiswch thema\./);
    assert.match(cardText(sees(seenCy, await submit({ theme: 'Recognition', text: ' ' }))), /Mae eich adborth yn wag\./);
    const tooLong = sees(seenCy, await submit({ theme: 'Recognition', text: 'a'.repeat(2001) }));
    assert.match(cardText(tooLong), /Gall eich adborth fod hyd at 2,000 nod: mae 2,001 yn eich un chi\. Byrhewch y testun/);
    assert.equal((await bot.store.listFeedback((await bot.store.listNetworks())[0].id, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')).length, 0, 'nothing is stored for a form with a problem');

    const done = sees(seenCy, await submit({ theme: 'Recognition', text: FEEDBACK }));
    assert.match(cardText(done), /Diolch: FB-1/);
    assert.match(cardText(done), /Diolch: mae eich adborth wedi cyrraedd y rhwydwaith fel FB-1\. Bydd y cadeiryddion yn ei weld yn y crynodeb nesaf, a phan fyddan nhw’n ateb, byddaf yn anfon yr ateb ymlaen atoch chi yma heb ddweud wrthyn nhw pwy ydych chi\./);
    assert.match(cardText(done), /Cydnabyddiaeth[\s\S]*Yn ddienw/);
    assert.match(cardText(sees(seenCy, await submit({ theme: 'Recognition', text: FEEDBACK }))), /Rydych chi eisoes wedi anfon hwn fel FB-1: caiff ei gyfrif unwaith\./);

    const inbox = sees(seenEn, (await bot.say(people.chair, 'feedback list')).cards[0]);
    assert.match(cardText(inbox), /1 feedback item waiting for a reply/);
    const item = sees(seenEn, await bot.press(people.chair, 'feedback.open', actionFor(inbox, 'feedback.open').data));
    const acknowledged = sees(seenEn, await bot.press(people.chair, 'feedback.acknowledge', actionFor(item, 'feedback.acknowledge').data));
    assert.match(cardText(acknowledged), /Acknowledged FB-1\. The author has been told/);
    await bot.connector.waitFor(() => sentTo(people.member).texts.some((t) => t.includes('FB-1')));
    assert.equal(sentTo(people.member).texts.find((t) => t.includes('FB-1')), 'Mae cadeiryddion y fforwm wedi darllen eich adborth FB-1 (Cydnabyddiaeth). Byddaf yn anfon eu hateb ymlaen atoch chi pan fyddan nhw’n ei anfon.');

    const linked = sees(seenEn, await bot.press(people.chair, 'feedback.link', { ...actionFor(acknowledged, 'feedback.link').data, action: '2.1' }));
    const cardsBefore = sentTo(people.member).cards.length;
    const replied = sees(seenEn, await bot.press(people.chair, 'feedback.reply', { ...actionFor(linked, 'feedback.reply').data, reply: 'We now pay registration fees from the technician budget.' }));
    assert.match(cardText(replied), /Reply sent to the author of FB-1/);
    await bot.connector.waitFor(() => sentTo(people.member).cards.length > cardsBefore);
    const reply = sees(seenCy, sentTo(people.member).cards.at(-1)!);
    assert.match(cardText(reply), /Dywedoch chi, gwnaethom ni: FB-1 \(Cydnabyddiaeth\)/);
    assert.match(cardText(reply), /Dywedoch chi[\s\S]*Gwnaethom ni[\s\S]*We now pay registration fees/);
    assert.match(cardText(reply), /Arweiniodd at gam gweithredu \*\*2\.1\*\* .* \(statws nawr: \S+ (Coch|Ambr|Gwyrdd)\)\./);
    assert.match(cardText(reply), /Diolch am godi llais/);

    seenCy.push(...sentTo(people.member).texts);
    assert.deepEqual(phrasesOfLanguageIn(seenCy.join('\n'), 'en'), [], 'no English in what the Welsh speaker read');
    assert.deepEqual(phrasesOfLanguageIn(seenEn.join('\n'), 'cy'), [], 'no Welsh in what the English chair read');
  });

  it('lets a Welsh chair triage and answer in Welsh, while the English author is answered in English', async () => {
    await bot.say(people.chair, 'iaith cymraeg');
    const done = await giveFeedback(people.owner, seenEn, 'feedback');
    assert.match(cardText(done), /Thanks: your feedback reached the network as FB-1/);

    const inbox = sees(seenCy, (await bot.say(people.chair, 'rhestr adborth')).cards[0]);
    assert.match(cardText(inbox), /Adborth i ymateb iddo/);
    assert.match(cardText(inbox), /1 eitem adborth yn aros am ateb\. Agorwch un i’w chydnabod/);
    assert.match(cardText(inbox), /\*\*FB-1\*\* · Cydnabyddiaeth · Newydd[\s\S]*Dienw/);
    assert.deepEqual(cardActions(inbox).map((a) => a.title), ['Ymateb i FB-1']);

    const item = sees(seenCy, await bot.press(people.chair, 'feedback.open', actionFor(inbox, 'feedback.open').data));
    assert.match(cardText(item), /FB-1 · Cydnabyddiaeth · Newydd/);
    assert.match(cardText(item), /Bydd eich ateb yn cyrraedd yr awdur yn y sgwrs heb i chi nac unrhyw un arall wybod pwy ydyn nhw\./);
    assert.deepEqual(cardActions(item).map((a) => a.title), ['Cydnabod', 'Cysylltu â’r cam gweithredu hwn', 'Anfon ateb a chau', 'Yn ôl i’r rhestr']);

    const acknowledged = sees(seenCy, await bot.press(people.chair, 'feedback.acknowledge', actionFor(item, 'feedback.acknowledge').data));
    assert.match(cardText(acknowledged), /Wedi cydnabod FB-1\. Mae’r awdur wedi cael gwybod\./);
    assert.match(cardText(acknowledged), /FB-1 · Cydnabyddiaeth · Wedi’i gydnabod/);
    await bot.connector.waitFor(() => sentTo(people.owner).texts.some((t) => t.includes('has been read by the forum chairs')));

    const link = (action: string) => bot.press(people.chair, 'feedback.link', { ...actionFor(acknowledged, 'feedback.link').data, action });
    assert.match(cardText(sees(seenCy, await link('9.9'))), /Does dim cam gweithredu 9\.9 yn eich cynllun\. Dewiswch un o’r rhestr\./);
    assert.match(cardText(sees(seenCy, await link(''))), /Dewiswch y cam gweithredu a ddaeth o’r adborth hwn\./);
    const linked = sees(seenCy, await link('2.1'));
    assert.match(cardText(linked), /Mae FB-1 wedi’i gysylltu â cham gweithredu 2\.1\./);
    assert.match(cardText(linked), /Wedi’i gysylltu â \*\*2\.1\*\* .* \(\S+ (Coch|Ambr|Gwyrdd)\)/);

    const reply = (text: string) => bot.press(people.chair, 'feedback.reply', { ...actionFor(linked, 'feedback.reply').data, reply: text });
    assert.match(cardText(sees(seenCy, await reply(''))), /Mae’r ateb yn wag\./);
    const cardsBefore = sentTo(people.owner).cards.length;
    const replied = sees(seenCy, await reply('We now pay registration fees from the technician budget.'));
    assert.match(cardText(replied), /Anfonwyd yr ateb at awdur FB-1, ac mae’r eitem wedi’i chau\./);
    assert.match(cardText(replied), /Ateb wedi’i anfon: We now pay/);
    assert.match(cardText(sees(seenCy, await reply('We now pay registration fees from the technician budget.'))), /Anfonwyd yr ateb hwn i FB-1 eisoes: mae unwaith yn ddigon\./);
    await bot.connector.waitFor(() => sentTo(people.owner).cards.length > cardsBefore);
    const answer = sees(seenEn, sentTo(people.owner).cards.at(-1)!);
    assert.match(cardText(answer), /You said, we did: FB-1 \(Recognition\)/);
    assert.match(cardText(answer), /It led to action \*\*2\.1\*\*/);

    const damaged = sees(seenCy, await bot.press(people.chair, 'feedback.acknowledge', { cv: 1, number: 'un' }));
    assert.match(cardText(damaged), /Mae’r cerdyn hwn yn anghyflawn neu wedi’i ddifrodi\./);
    const missing = sees(seenCy, await bot.press(people.chair, 'feedback.open', { cv: 1, number: 99 }));
    assert.match(cardText(missing), /Does dim FB-99 yn eich rhwydwaith\. Teipiwch \*\*rhestr adborth\*\* i weld yr eitemau agored\./);
    const empty = sees(seenCy, (await bot.say(people.chair, 'rhestr adborth')).cards[0]);
    assert.match(cardText(empty), /Does dim adborth yn aros am ateb\./);

    seenEn.push(...sentTo(people.owner).texts);
    // The plan's actions are named in the words their owners wrote (one starts “Agree a Statement”).
    const planTitles = (await bot.store.listActions((await bot.store.listNetworks())[0].id)).map((a) => `${a.number} ${a.title}`.slice(0, 120));
    const seenByChair = planTitles.reduce((seen, title) => seen.split(title).join(''), seenCy.join('\n'));
    assert.deepEqual(phrasesOfLanguageIn(seenByChair, 'en'), [], 'no English in what the Welsh chair read');
    assert.deepEqual(phrasesOfLanguageIn(seenEn.join('\n'), 'cy'), [], 'no Welsh in what the English author read');
  });
});
