import assert from 'node:assert/strict';
import { BotHarness } from '../support/bot-harness';
import { cardActions, cardText } from '../support/cards';
import { user } from '../support/teams-activities';
import { memberOf, people, startWorld } from '../support/teams-world';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';

/** Everything a reply showed, as text: its messages and its cards. */
const seen = (reply: { cards: Record<string, unknown>[]; texts: string[] }) => [...reply.texts, ...reply.cards.map(cardText)].join('\n');

describe('Teams: Welsh and English in chat', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('speaks Welsh to someone whose Teams is in Welsh, from the first hello, with no English of the catalogue', async () => {
    const gwen = user('Gwen Jones', 'cy-GB');
    const reply = await bot.say(gwen, 'helo');
    const text = seen(reply);
    assert.match(text, /Shwmae! Rwy’n helpu eich rhwydwaith technegwyr/);
    assert.match(text, /cymorth/);
    assert.match(text, /Rhannu syniad neu bryder/);
    assert.deepEqual(phrasesOfLanguageIn(text, 'en'), []);
    assert.deepEqual(cardActions(reply.cards[0]!).map((a) => a.title), ['English'], 'the other language is offered in its own name');
  });

  it('keeps a person’s own choice over their Teams language, from the help card’s button or typed', async () => {
    const gwen = user('Gwen Jones', 'cy-GB');
    await bot.say(gwen, 'helo');
    const english = await bot.press(gwen, 'language.set', { cv: 1, language: 'en' });
    assert.match(cardText(english), /Hello! I help your technician network/);
    assert.equal((await memberOf(bot, gwen)).language, 'en');
    const help = seen(await bot.say(gwen, 'help'));
    assert.match(help, /Share an idea or concern/);
    assert.deepEqual(phrasesOfLanguageIn(help, 'cy'), []);

    const welsh = await bot.say(gwen, 'iaith cymraeg');
    assert.match(seen(welsh), /byddaf yn siarad â chi yn Gymraeg/);
    assert.match(seen(await bot.say(gwen, 'cymorth')), /Dangos y rhestr hon/);
  });

  it('answers an unknown word and a refusal in Welsh, suggesting the Welsh command', async () => {
    await bot.say(people.member, 'language cymraeg');
    const unknown = seen(await bot.say(people.member, 'adborh'));
    assert.match(unknown, /Mae’n ddrwg gen i, dydw i ddim yn adnabod “adborh”. Oeddech chi’n golygu \*\*adborth\*\*\?/);
    const refused = seen(await bot.say(people.member, 'rolau'));
    assert.match(refused, /Dim ond gweinyddwyr sy’n gallu gwneud hynny/);
    assert.deepEqual(phrasesOfLanguageIn(unknown + refused, 'en'), []);
  });

  it('refuses a language it does not speak, in the person’s language, and changes nothing', async () => {
    const reply = seen(await bot.say(people.member, 'language klingon'));
    assert.match(reply, /I don’t know the language “klingon”/);
    assert.equal((await memberOf(bot, people.member)).language, null);
  });

  it('speaks English to an English session, with no Welsh of the catalogue', async () => {
    const text = seen(await bot.say(people.chair, 'help')) + seen(await bot.say(people.chair, 'language'));
    assert.match(text, /I speak to you in English/);
    assert.deepEqual(phrasesOfLanguageIn(text, 'cy'), []);
  });

  it('lets an admin make Welsh the network’s language for people whose Teams does not say', async () => {
    await bot.say(people.admin, 'language network cymraeg');
    const stranger = { ...user('Sam Smith') };
    const text = seen(await bot.say(stranger, 'help'));
    assert.match(text, /Shwmae!/);
  });
});
