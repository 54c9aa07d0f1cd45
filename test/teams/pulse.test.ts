import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startWorld, people, networkId, emails } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardActions, cardText, inputChoices, type CardJson } from '../support/cards';
import { channel, conversationIdOf, invoke, personal, user, type TeamsUser } from '../support/teams-activities';

const FORUM = channel();

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('Teams: pulse', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
  });
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  async function createPulse(inputs: Record<string, string> = {}): Promise<CardJson> {
    const list = (await bot.say(people.chair, 'pulse')).cards[0];
    const form = await bot.press(people.chair, 'pulse.new', actionFor(list, 'pulse.new').data);
    const create = actionFor(form, 'pulse.create');
    const result = await bot.press(people.chair, 'pulse.create', {
      ...create.data,
      text: 'I know who to ask about my career development',
      kind: 'likert',
      choices: '',
      theme: 'Career Development',
      audience: 'members',
      closesDate: futureDate(7),
      closesTime: '17:00',
      anonymous: 'true',
      ...inputs,
    });
    await bot.app.outbox.drain();
    return result;
  }

  async function roundId(): Promise<string> {
    const rounds = await bot.store.listRounds(await networkId(bot), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    assert.equal(rounds.length, 1);
    return rounds[0].id;
  }

  const answer = (who: TeamsUser, id: string, value: string) => bot.press(who, 'pulse.answer', { cv: 1, roundId: id, answer: value });

  it('lets a chair create a pulse that reaches every member by direct message', async () => {
    const sent = await createPulse();
    assert.match(cardText(sent), /P-1 was sent to every member/);
    for (const person of Object.values(people)) {
      const dm = conversationIdOf(person, personal);
      await bot.connector.waitFor(() => bot.connector.cardsIn(dm).some((c) => cardText(c).includes('I know who to ask')));
    }
    const question = bot.connector.cardsIn(conversationIdOf(people.member, personal)).find((c) => cardText(c).includes('I know who to ask'))!;
    assert.deepEqual(inputChoices(question, 'answer'), ['1', '2', '3', '4', '5']);
    assert.match(cardText(question), /Anonymous/);
  });

  it('takes one answer per person, changeable until close, and stores no user id when anonymous', async () => {
    await createPulse();
    const id = await roundId();
    const first = await answer(people.member, id, '4');
    assert.match(cardText(first), /Thanks: your answer \(4 · Agree\) is in/);
    const changed = await answer(people.member, id, '2');
    assert.match(cardText(changed), /now 2 · Disagree/);
    const answers = await bot.store.listAnswers(id);
    assert.equal(answers.length, 1);
    assert.equal(answers[0].value, '2');
    assert.equal(answers[0].memberId, null);
    assert.ok(!JSON.stringify(answers).includes(people.member.id));
  });

  it('records who answered a named pulse', async () => {
    await createPulse({ anonymous: 'false' });
    const id = await roundId();
    await answer(people.member, id, '5');
    const [stored] = await bot.store.listAnswers(id);
    assert.ok(stored.memberId);
  });

  it('refuses an answer after close with the closing time, and changes nothing', async () => {
    await createPulse();
    const id = await roundId();
    await answer(people.member, id, '3');
    sinon.useFakeTimers({ now: Date.now() + 8 * 86_400_000, toFake: ['Date'] });
    const late = await answer(people.member, id, '5');
    assert.match(cardText(late), /This pulse closed on .* 17:00\. Your answer was not recorded/);
    const answers = await bot.store.listAnswers(id);
    assert.deepEqual(answers.map((a) => a.value), ['3']);
  });

  it('refuses an answer whose pulse is sealed while it is on its way, and changes nothing', async () => {
    await createPulse();
    const id = await roundId();
    await answer(people.member, id, '3');
    // The scheduler seals the round between the answer's check of the closing time and its write.
    const save = bot.store.saveAnswer.bind(bot.store);
    sinon.stub(bot.store, 'saveAnswer').callsFake(async (given) => {
      await bot.store.sealRound(given.roundId);
      return save(given);
    });
    const late = await answer(people.member, id, '5');
    assert.match(cardText(late), /This pulse closed on .* 17:00\. Your answer was not recorded/);
    const round = (await bot.store.getRound(id))!;
    assert.equal(round.answerSalt, '');
    assert.deepEqual((await bot.store.countAnswers([round])).map((c) => `${c.value} ${c.count}`), ['3 1']);
  });

  it('refuses an answer that is not one of the options', async () => {
    await createPulse();
    const id = await roundId();
    const card = await answer(people.member, id, '7');
    assert.match(cardText(card), /not one of the options/);
    assert.equal((await bot.store.listAnswers(id)).length, 0);
  });

  it('shows results only once the round has closed, with the threshold of answers besides the reader’s own', async () => {
    await createPulse();
    const id = await roundId();
    const sid = user('Sid Sixth');
    bot.connector.addUser({ id: sid.id, name: sid.name, email: 'sid.sixth@example.ac.uk' });
    await bot.say(sid, 'hello');
    for (const person of [people.member, people.owner, people.otherOwner, sid]) await answer(person, id, '4');
    await answer(people.chair, id, '2');
    const open = cardText(await bot.press(people.chair, 'pulse.results', { cv: 1, roundId: id }));
    assert.match(open, /Results appear when the pulse closes/);
    assert.match(open, /5 answers so far/);
    assert.doesNotMatch(open, /Agree/, 'no distribution while answers can still come in');

    const round = await bot.store.getRound(id);
    sinon.useFakeTimers({ now: Date.parse(round!.closesAt) + 60_000, shouldAdvanceTime: true, toFake: ['Date'] });
    const chairs = cardText(await bot.press(people.chair, 'pulse.results', { cv: 1, roundId: id }));
    assert.match(chairs, /Results appear once 5 people besides you have answered/, 'the chair answered: four others are not enough');
    assert.doesNotMatch(chairs, /Agree/);
    const admins = cardText(await bot.press(people.admin, 'pulse.results', { cv: 1, roundId: id }));
    assert.match(admins, /5 answers/);
    assert.match(admins, /4 · Agree[\s\S]*4/, 'the admin did not answer: five answers are enough');
  });

  it('lets only chairs create pulses and see results', async () => {
    await createPulse();
    const id = await roundId();
    const list = (await bot.say(people.member, 'pulse')).cards[0];
    assert.throws(() => actionFor(list, 'pulse.new'));
    assert.throws(() => actionFor(list, 'pulse.results'));
    for (const [verb, data] of [
      ['pulse.new', { cv: 1 }],
      ['pulse.results', { cv: 1, roundId: id }],
      ['pulse.create', { cv: 1, formId: 'f', text: 'Q', kind: 'yesno', theme: 'Visibility', audience: 'members', closesDate: futureDate(3), closesTime: '10:00' }],
    ] as const) {
      const card = await bot.press(people.member, verb, data);
      assert.match(cardText(card), /Only forum chairs and admins/);
    }
    assert.equal((await bot.store.listPulseQuestions(await networkId(bot))).length, 1);
  });

  it('shows members the open pulses to answer', async () => {
    await createPulse();
    const list = (await bot.say(people.member, 'pulse')).cards[0];
    assert.match(cardText(list), /I know who to ask/);
    const opened = await bot.press(people.member, 'pulse.open', actionFor(list, 'pulse.open').data);
    assert.deepEqual(inputChoices(opened, 'answer'), ['1', '2', '3', '4', '5']);
  });

  it('names the pulse on every button, shows a member what they have answered, and offers no Answer once closed', async () => {
    await createPulse();
    const id = await roundId();
    const before = (await bot.say(people.member, 'pulse')).cards[0];
    assert.deepEqual(cardActions(before).map((a) => a.title), ['Answer P-1']);
    assert.doesNotMatch(cardText(before), /You have answered/);

    await answer(people.member, id, '4');
    const after = (await bot.say(people.member, 'pulse')).cards[0];
    assert.match(cardText(after), /You have answered/);
    assert.deepEqual(cardActions(after).map((a) => a.title), ['Change answer P-1']);
    assert.doesNotMatch(cardText((await bot.say(people.owner, 'pulse')).cards[0]), /You have answered/, 'only the person who answered sees it');

    const chairOpen = (await bot.say(people.chair, 'pulse')).cards[0];
    assert.deepEqual(cardActions(chairOpen).map((a) => a.title), ['Answer P-1', 'Results P-1', 'New pulse question']);
    sinon.useFakeTimers({ now: Date.now() + 8 * 86_400_000, toFake: ['Date'] });
    const chairClosed = (await bot.say(people.chair, 'pulse')).cards[0];
    assert.match(cardText(chairClosed), /Closed/);
    assert.deepEqual(cardActions(chairClosed).map((a) => a.title), ['Results P-1', 'New pulse question'], 'a closed pulse offers no Answer');
  });

  it('sends a pulse to a forum channel', async () => {
    await bot.say(people.admin, 'forum', FORUM);
    const sent = await createPulse({ audience: `forum:${(await bot.store.listForums(await networkId(bot)))[0].id}`, kind: 'yesno' });
    assert.match(cardText(sent), /sent to Technical Leaders' Forum/);
    await bot.connector.waitFor(() => bot.connector.cardsIn(FORUM.channelId!).some((c) => cardText(c).includes('I know who to ask')));
    const answered = await bot.press(people.member, 'pulse.answer', { cv: 1, roundId: await roundId(), answer: 'yes' }, FORUM);
    assert.match(cardText(answered), /your answer \(Yes\) is in/);
  });

  it('checks a single-choice question’s options and keeps what the chair typed', async () => {
    const card = await createPulse({ kind: 'choice', choices: 'Only one' });
    assert.match(cardText(card), /between 2 and 10 options/);
    assert.match(cardText(card), /I know who to ask/);
    assert.equal((await bot.store.listPulseQuestions(await networkId(bot))).length, 0);
  });

  it('refuses a closing time in the past', async () => {
    const card = await createPulse({ closesDate: '2020-01-01' });
    assert.match(cardText(card), /at least five minutes from now/);
    assert.equal((await bot.store.listPulseQuestions(await networkId(bot))).length, 0);
  });

  it('refuses an answer to a pulse of another network', async () => {
    await createPulse();
    const id = await roundId();
    const outsider = user('Olga Outsider');
    const stranger = await bot.post({
      ...invoke(bot.connector.url, outsider, 'pulse.answer', { verb: 'pulse.answer', cv: 1, roundId: id, answer: '1' }),
      conversation: { id: 'a:other', conversationType: 'personal', tenantId: 'other-tenant' },
      channelData: { tenant: { id: 'other-tenant' } },
    });
    assert.match(cardText((stranger.body as { value: CardJson }).value), /not one of your network’s/);
    assert.equal((await bot.store.listAnswers(id)).length, 0);
  });

  it('counts a person once even if they answer from two Teams chats', async () => {
    await createPulse();
    const id = await roundId();
    await answer(people.member, id, '1');
    await bot.press(people.member, 'pulse.answer', { cv: 1, roundId: id, answer: '5' }, FORUM);
    assert.equal((await bot.store.listAnswers(id)).length, 1);
    assert.ok(emails[people.member.id]);
  });
});
