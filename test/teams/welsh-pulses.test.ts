import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardActions, cardInputs, cardText, inputChoiceTitles, type CardJson } from '../support/cards';
import { channel, conversationIdOf, personal, type TeamsUser } from '../support/teams-activities';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';
import { seenOnCard } from '../support/seen-text';
import { fakeDate, schedulerFor, tickAt } from '../scheduler/support/clock';

const FORUM = channel();
const QUESTION = 'I know who to ask about my career development';
const dm = (who: TeamsUser) => conversationIdOf(who, personal);

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('Teams: pulses in Welsh and English', () => {
  let bot: BotHarness;
  /** What the Welsh speakers (the chair and Mo) and the English speakers read. */
  let seenCy: string[];
  let seenEn: string[];

  beforeEach(async () => {
    bot = await startWorld();
    seenCy = [];
    seenEn = [];
    await bot.say(people.chair, 'iaith cymraeg');
    await bot.say(people.member, 'iaith cymraeg');
  });
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  const sees = (into: string[], card: CardJson): CardJson => {
    into.push(seenOnCard(card));
    return card;
  };
  const questionsIn = (who: TeamsUser) => bot.connector.cardsIn(dm(who)).filter((c) => cardText(c).includes(QUESTION));
  const roundIds = async () => (await bot.store.listRounds(await networkId(bot), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')).map((r) => r.id);
  const answer = async (who: TeamsUser, into: string[], roundId: string, value: string) => sees(into, await bot.press(who, 'pulse.answer', { cv: 1, roundId, answer: value }));

  async function welshForm(): Promise<CardJson> {
    const list = sees(seenCy, (await bot.say(people.chair, 'pwls')).cards[0]);
    assert.match(cardText(list), /Cwestiynau pwls/);
    assert.match(cardText(list), /Dim cwestiynau pwls eto\. Crëwch y cyntaf\./);
    return sees(seenCy, await bot.press(people.chair, 'pulse.new', actionFor(list, 'pulse.new').data));
  }

  const filled = (form: CardJson, inputs: Record<string, string> = {}) => ({
    ...actionFor(form, 'pulse.create').data,
    text: QUESTION,
    kind: 'likert',
    choices: '',
    theme: 'Career Development',
    audience: 'members',
    closesDate: futureDate(7),
    closesTime: '17:00',
    anonymous: 'true',
    ...inputs,
  });

  it('lets a Welsh chair ask a pulse that each member reads, answers and sees in their own language', async () => {
    const form = await welshForm();
    assert.match(cardText(form), /Cwestiwn pwls newydd/);
    assert.ok(inputChoiceTitles(form, 'kind').includes('Graddfa cytuno/anghytuno (1–5)'));
    assert.ok(inputChoiceTitles(form, 'theme').includes('Datblygu Gyrfa'));
    assert.ok(inputChoiceTitles(form, 'repeat').includes('Bob yn ail wythnos'));
    assert.deepEqual(inputChoiceTitles(form, 'weekday'), ['Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener']);
    assert.ok(inputChoiceTitles(form, 'windowHours').includes('2 ddiwrnod'));
    for (const input of cardInputs(form)) {
      assert.ok(typeof input.label === 'string' && input.label !== '', `${String(input.id)} has a label`);
      if (input.isRequired) assert.ok(typeof input.errorMessage === 'string' && input.errorMessage !== '', `${String(input.id)} says what is missing`);
    }

    const empty = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form, { text: '' })));
    assert.match(cardText(empty), /Mae’r cwestiwn yn wag\./);
    const tooLong = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form, { text: 'a'.repeat(301) })));
    assert.match(cardText(tooLong), /Gall y cwestiwn fod hyd at 300 nod: mae 301 yn eich un chi\./);
    const oneOption = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form, { kind: 'choice', choices: 'Dim ond un' })));
    assert.match(cardText(oneOption), /Mae angen rhwng 2 a 10 opsiwn ar gwestiwn un dewis/);
    const past = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form, { closesDate: '2020-01-01' })));
    assert.match(cardText(past), /Rhaid i’r amser cau fod o leiaf bum munud o nawr\./);
    assert.equal((await bot.store.listPulseQuestions(await networkId(bot))).length, 0, 'nothing is stored for a form with a problem');

    const sent = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form)));
    assert.match(cardText(sent), /Pwls wedi’i anfon/);
    assert.match(cardText(sent), /Mae P-1 wedi’i anfon at bob aelod drwy neges uniongyrchol\. Bydd yn cau /);
    await bot.app.outbox.drain();
    await bot.connector.waitFor(() => questionsIn(people.member).length === 1 && questionsIn(people.owner).length === 1);

    const welshQuestion = sees(seenCy, questionsIn(people.member)[0]);
    assert.match(cardText(welshQuestion), /Pwls P-1: Datblygu Gyrfa/);
    assert.match(cardText(welshQuestion), /Yn cau: .* · Dienw/);
    assert.deepEqual(inputChoiceTitles(welshQuestion, 'answer'), ['1 · Anghytuno’n gryf', '2 · Anghytuno', '3 · Ddim yn cytuno nac yn anghytuno', '4 · Cytuno', '5 · Cytuno’n gryf']);
    assert.equal(actionFor(welshQuestion, 'pulse.answer').title, 'Anfon ateb');
    const englishQuestion = sees(seenEn, questionsIn(people.owner)[0]);
    assert.match(cardText(englishQuestion), /Pulse P-1: Career Development/);
    assert.deepEqual(inputChoiceTitles(englishQuestion, 'answer'), ['1 · Strongly disagree', '2 · Disagree', '3 · Neither agree nor disagree', '4 · Agree', '5 · Strongly agree']);

    const [id] = await roundIds();
    assert.match(cardText(await answer(people.member, seenCy, id, '4')), /Diolch: mae eich ateb \(4 · Cytuno\) wedi’i gadw\./);
    assert.match(cardText(await answer(people.member, seenCy, id, '2')), /Eich ateb bellach yw 2 · Anghytuno\. Mae’n dal i gyfrif unwaith\./);
    assert.match(cardText(await answer(people.member, seenCy, id, '9')), /Nid yw’r ateb hwnnw’n un o’r opsiynau/);
    assert.match(cardText(await answer(people.owner, seenEn, id, '5')), /Thanks: your answer \(5 · Strongly agree\) is in/);

    const memberList = sees(seenCy, (await bot.say(people.member, 'pwls')).cards[0]);
    assert.match(cardText(memberList), /Cwestiynau pwls agored: mae eich atebion yn helpu’r rhwydwaith/);
    assert.match(cardText(memberList), /Ar agor, yn cau: .* · Rydych chi wedi ateb/);
    assert.deepEqual(cardActions(memberList).map((a) => a.title), ['Newid ateb P-1']);
    const reopened = sees(seenCy, await bot.press(people.member, 'pulse.open', actionFor(memberList, 'pulse.open').data));
    assert.match(cardText(reopened), /Rydych chi wedi ateb hwn: gallwch newid eich ateb nes iddo gau\./);
    const damaged = sees(seenCy, await bot.press(people.member, 'pulse.open', { cv: 1 }));
    assert.match(cardText(damaged), /Mae’r cerdyn hwn yn anghyflawn neu wedi’i ddifrodi\. Teipiwch \*\*cymorth\*\* a dechrau eto\./);
    const noRound = sees(seenCy, await bot.press(people.member, 'pulse.answer', { cv: 1, answer: '4' }));
    assert.match(cardText(noRound), /Mae’r cerdyn hwn yn anghyflawn/);
    const emptyAnswer = sees(seenCy, await bot.press(people.member, 'pulse.answer', { cv: 1, roundId: id }));
    assert.match(cardText(emptyAnswer), /Mae eich ateb ar goll\./);
    assert.match(cardText(emptyAnswer), /Pwls P-1: Datblygu Gyrfa/, 'the question comes back to be answered');
    assert.deepEqual((await bot.store.listAnswers(id)).map((a) => a.value).sort(), ['2', '5'], 'a card with a problem changes no answer');
    const englishList = sees(seenEn, (await bot.say(people.owner, 'pulse')).cards[0]);
    assert.match(cardText(englishList), /Open, closes .* · You have answered/);

    const whileOpen = sees(seenCy, await bot.press(people.chair, 'pulse.results', { cv: 1, roundId: id }));
    assert.match(cardText(whileOpen), /Canlyniadau P-1: Datblygu Gyrfa/);
    assert.match(cardText(whileOpen), /2 ateb gan 5 o bobl a holwyd/);
    assert.match(cardText(whileOpen), /Bydd y canlyniadau’n ymddangos pan fydd y pwls yn cau.* 2 ateb hyd yma\./);

    const network = (await bot.store.getNetwork(await networkId(bot)))!;
    await bot.store.updateNetwork({ ...network, anonymityThreshold: 2 });
    sinon.useFakeTimers({ now: Date.now() + 8 * 86_400_000, toFake: ['Date'] });
    const late = await answer(people.member, seenCy, id, '1');
    assert.match(cardText(late), /Mae’r pwls hwn wedi cau \(.*\)\. Ni chafodd eich ateb ei gofnodi\./);
    const closed = sees(seenCy, await bot.press(people.chair, 'pulse.results', { cv: 1, roundId: id }));
    assert.match(cardText(closed), /Wedi cau: /);
    assert.match(cardText(closed), /Anghytuno’n gryf/);
    const englishClosed = sees(seenEn, await bot.press(people.admin, 'pulse.results', { cv: 1, roundId: id }));
    assert.match(cardText(englishClosed), /Closed .* · 2 answers from 5 people asked/);
    assert.match(cardText(englishClosed), /Strongly disagree/);

    assert.deepEqual(phrasesOfLanguageIn(seenCy.join('\n'), 'en'), [], 'no English in what the Welsh speakers read');
    assert.deepEqual(phrasesOfLanguageIn(seenEn.join('\n'), 'cy'), [], 'no Welsh in what the English speakers read');
  });

  it('schedules a repeating pulse in Welsh, and opens and nudges each round in each member’s language', async () => {
    const clock = fakeDate('2026-06-03T12:00:00Z'); // Wednesday
    const scheduler = schedulerFor(bot);
    const form = await welshForm();
    const scheduled = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form, { kind: 'yesno', repeat: 'fortnightly', weekday: '1', time: '10:00', windowHours: '48' })));
    assert.match(cardText(scheduled), /Pwls wedi’i drefnu/);
    assert.match(cardText(scheduled), /Mae P-1 wedi’i drefnu: bob yn ail ddydd Llun am 10:00 \(amser Europe\/London\), i bob aelod drwy neges uniongyrchol\./);
    assert.match(cardText(scheduled), /Mae pob rownd yn aros ar agor am 48 awr; bydd pobl sydd heb ateb yn cael un nodyn atgoffa/);
    assert.match(cardText(scheduled), /Bydd y rownd gyntaf yn agor \S+ 8 \S+ 2026, 10:00\./);
    const tooLong = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form, { kind: 'yesno', repeat: 'weekly', windowHours: '336' })));
    assert.match(cardText(tooLong), /Rhaid i bob rownd gau cyn i’r nesaf agor/);
    const badTime = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form, { kind: 'yesno', repeat: 'weekly', time: '25:00' })));
    assert.match(cardText(badTime), /Dewiswch yr amser y bydd y pwls yn mynd allan, e\.e\. 10:00\./);

    await tickAt(clock, scheduler, bot, '2026-06-08T09:00:00Z'); // 10:00 London
    await tickAt(clock, scheduler, bot, '2026-06-08T09:01:00Z');
    assert.equal(questionsIn(people.member).length, 1);
    const opened = sees(seenCy, questionsIn(people.member)[0]);
    assert.deepEqual(inputChoiceTitles(opened, 'answer'), ['Ie', 'Na']);
    assert.deepEqual(inputChoiceTitles(sees(seenEn, questionsIn(people.owner)[0]), 'answer'), ['Yes', 'No']);

    await tickAt(clock, scheduler, bot, '2026-06-10T07:00:00Z'); // 08:00 London: the nudge
    assert.equal(questionsIn(people.member).length, 2);
    const welshNudge = sees(seenCy, questionsIn(people.member)[1]);
    assert.match(cardText(welshNudge), /Nodyn atgoffa bach: bydd y pwls hwn yn cau Mer 10 Meh 2026, 10:00\. Os ydych chi wedi ateb yn barod, diolch/);
    const englishNudge = sees(seenEn, questionsIn(people.owner)[1]);
    assert.match(cardText(englishNudge), /A gentle nudge: this pulse closes Wed 10 Jun 2026, 10:00\./);

    assert.deepEqual(phrasesOfLanguageIn(seenCy.join('\n'), 'en'), []);
    assert.deepEqual(phrasesOfLanguageIn(seenEn.join('\n'), 'cy'), []);
  });

  it('posts a pulse to a forum in both languages, Welsh first', async () => {
    await bot.say(people.admin, 'forum', FORUM);
    const [forum] = await bot.store.listForums(await networkId(bot));
    await bot.store.upsertForum({ ...forum, language: 'both' });
    const form = await welshForm();
    const sent = sees(seenCy, await bot.press(people.chair, 'pulse.create', filled(form, { audience: `forum:${forum.id}`, kind: 'yesno' })));
    assert.match(cardText(sent), /Mae P-1 wedi’i anfon at Technical Leaders' Forum\./);
    await bot.app.outbox.drain();
    const posted = () => bot.connector.cardsIn(FORUM.channelId!).filter((c) => cardText(c).includes(QUESTION));
    await bot.connector.waitFor(() => posted().length === 2);
    assert.match(cardText(posted()[0]), /Pwls P-1: Datblygu Gyrfa/);
    assert.match(cardText(posted()[1]), /Pulse P-1: Career Development/);
    assert.deepEqual(phrasesOfLanguageIn(seenOnCard(posted()[0]), 'en'), []);
    assert.deepEqual(phrasesOfLanguageIn(seenOnCard(posted()[1]), 'cy'), []);
    assert.ok(phrasesOfLanguageIn(seenOnCard(posted()[1]), 'en').includes('Send answer'), 'the check finds the words of a language where they are');
  });
});
