import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { SlackHarness, blocksText, buttons, dm, forum, inputBlocks, optionsOf } from '../support/slack-harness';
import { openModal, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';
import type { SlackUser } from '../support/fake-slack';

const QUESTION = 'I know who to ask about my career development';

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('Slack: pulse', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
  });
  afterEach(async () => {
    sinon.restore();
    await h.close();
  });

  async function createPulse(typed: Record<string, string | boolean> = {}) {
    const view = await openModal(h, slackPeople.chair, 'pulse new');
    const { response } = await h.submit(slackPeople.chair, view, {
      text: QUESTION,
      kind: 'likert',
      theme: 'Career Development',
      audience: 'members',
      closesDate: futureDate(7),
      closesTime: '17:00',
      ...typed,
    });
    await h.bot.app.outbox.drain();
    return response;
  }

  async function roundId(): Promise<string> {
    const rounds = await h.store.listRounds(await slackNetworkId(h), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    assert.equal(rounds.length, 1);
    return rounds[0].id;
  }

  const questionFor = (who: SlackUser) => h.shownIn(dm(who).channelId, QUESTION);
  const answer = async (who: SlackUser, value: string) => h.after(async () => h.press(who, await questionFor(who), 'pulse.answer', { answer: value }));

  it('lets a chair create a pulse in a modal that reaches every member by DM', async () => {
    const response = await createPulse();
    assert.match(blocksText(response.view?.blocks), /P-1 was sent to every member/);
    for (const person of Object.values(slackPeople)) await questionFor(person);
    const question = await questionFor(slackPeople.member);
    assert.deepEqual(optionsOf(question.blocks, 'answer'), ['1', '2', '3', '4', '5']);
    assert.equal(inputBlocks(question.blocks)[0].element.type, 'radio_buttons');
    assert.match(blocksText(question.blocks), /Anonymous/);
    assert.ok(buttons(question.blocks).some((b) => b.action_id.startsWith('pulse.answer#')));
  });

  it('takes one answer per person, changeable until close, updating the DM card in place, with no user id when anonymous', async () => {
    await createPulse();
    const id = await roundId();
    const first = await answer(slackPeople.member, '4');
    assert.equal(h.slack.callsOf('chat.update').length, 1, 'the DM card changes in place');
    assert.match(blocksText(first.blocks), /Thanks: your answer \(4 · Agree\) is in/);
    const changed = await h.after(() => h.press(slackPeople.member, first, 'pulse.answer', { answer: '2' }));
    assert.match(blocksText(changed.blocks), /now 2 · Disagree/);
    const answers = await h.store.listAnswers(id);
    assert.equal(answers.length, 1);
    assert.equal(answers[0].value, '2');
    assert.equal(answers[0].memberId, null);
    assert.equal(answers[0].platform, 'slack');
    assert.ok(!JSON.stringify(answers).includes(slackPeople.member.id));
  });

  it('keeps an answer even when Slack will not update its card', async () => {
    await createPulse();
    const id = await roundId();
    h.slack.failNext('chat.update', { status: 200, error: 'message_not_found' });
    const post = await h.press(slackPeople.member, await questionFor(slackPeople.member), 'pulse.answer', { answer: '5' });
    assert.equal(post.status, 200);
    await h.slack.waitFor(() => h.slack.callsOf('chat.update').length === 1);
    assert.deepEqual((await h.store.listAnswers(id)).map((a) => a.value), ['5']);
    const next = await answer(slackPeople.member, '3');
    assert.match(blocksText(next.blocks), /now 3/);
  });

  it('records who answered a named pulse', async () => {
    await createPulse({ anonymous: false });
    await answer(slackPeople.member, '5');
    const [stored] = await h.store.listAnswers(await roundId());
    assert.ok(stored.memberId);
  });

  it('refuses an answer after close with the closing time, and changes nothing', async () => {
    await createPulse();
    const id = await roundId();
    await answer(slackPeople.member, '3');
    sinon.useFakeTimers({ now: Date.now() + 8 * 86_400_000, toFake: ['Date'] });
    const late = await answer(slackPeople.member, '5');
    assert.match(blocksText(late.blocks), /This pulse closed on .* 17:00\. Your answer was not recorded/);
    assert.deepEqual((await h.store.listAnswers(id)).map((a) => a.value), ['3']);
  });

  it('refuses an answer that is not one of the options, and a missing one', async () => {
    await createPulse();
    const wrong = await answer(slackPeople.member, '7');
    assert.match(blocksText(wrong.blocks), /not one of the options/);
    const none = await h.after(async () => h.press(slackPeople.owner, await questionFor(slackPeople.owner), 'pulse.answer'));
    assert.match(blocksText(none.blocks), /Your answer is empty|Your answer is missing/);
    assert.equal((await h.store.listAnswers(await roundId())).length, 0);
  });

  it('shows results only once the round has closed, with the threshold of answers besides the reader’s own', async () => {
    await createPulse();
    for (const person of [slackPeople.member, slackPeople.owner, slackPeople.otherOwner, slackPeople.chair]) await answer(person, '4');
    const results = async (who = slackPeople.chair) => {
      const list = await h.after(() => h.command(who, 'pulse'));
      return h.after(() => h.press(who, list, 'pulse.results'));
    };
    const open = blocksText((await results()).blocks);
    assert.match(open, /Results appear when the pulse closes/);
    assert.doesNotMatch(open, /Agree/);
    await answer(slackPeople.admin, '2');
    const [round] = await h.store.listRounds(await slackNetworkId(h), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    sinon.useFakeTimers({ now: Date.parse(round.closesAt) + 60_000, shouldAdvanceTime: true, toFake: ['Date'] });
    const chairs = blocksText((await results()).blocks);
    assert.match(chairs, /Results appear once 5 people besides you have answered/);
    assert.doesNotMatch(chairs, /Agree/);
  });

  it('lets only chairs create pulses and see results', async () => {
    await createPulse();
    const refused = await h.after(() => h.command(slackPeople.member, 'pulse new'));
    assert.match(refused.text, /Only forum chairs and admins/);
    const list = await h.after(() => h.command(slackPeople.member, 'pulse'));
    assert.ok(buttons(list.blocks).some((b) => b.action_id.startsWith('pulse.open#')), 'members can open the pulse to answer it');
    assert.ok(!buttons(list.blocks).some((b) => b.action_id.startsWith('pulse.results#') || b.action_id.startsWith('pulse.new#')));
    const forged = await h.after(() =>
      h.press(slackPeople.member, { ...list, blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'pulse.results#0', text: { type: 'plain_text', text: 'Results' }, value: JSON.stringify({ verb: 'pulse.results', cv: 1, roundId: 'x' }) }] }] }, 'pulse.results'),
    );
    assert.match(blocksText(forged.blocks), /Only forum chairs and admins/);
  });

  it('opens a pulse from the list and answers it there', async () => {
    await createPulse();
    const list = await h.after(() => h.command(slackPeople.member, 'pulse'));
    const question = await h.after(() => h.press(slackPeople.member, list, 'pulse.open'));
    assert.equal(question.ephemeral, true);
    const done = await h.after(() => h.press(slackPeople.member, question, 'pulse.answer', { answer: '5' }));
    assert.match(blocksText(done.blocks), /Thanks: your answer \(5 · Strongly agree\) is in/);
  });

  it('posts a pulse to a forum channel, where each answer goes only to the person who gave it', async () => {
    await h.after(() => h.command(slackPeople.admin, 'forum Technical Leaders', forum()));
    await createPulse({ audience: (await h.store.listForums(await slackNetworkId(h))).map((f) => `forum:${f.id}`)[0] });
    const shared = await h.shownIn(forum().channelId, QUESTION);
    const updates = h.slack.callsOf('chat.update').length;
    const reply = await h.after(() => h.press(slackPeople.member, shared, 'pulse.answer', { answer: '4' }));
    assert.equal(reply.ephemeral, true);
    assert.equal(reply.channel, 'response_url');
    assert.match(blocksText(reply.blocks), /Thanks: your answer/);
    assert.equal(h.slack.callsOf('chat.update').length, updates, 'the shared card is unchanged for everyone else');
    await h.after(() => h.press(slackPeople.owner, shared, 'pulse.answer', { answer: '2' }));
    assert.equal((await h.store.listAnswers(await roundId())).length, 2);
  });

  it('checks a single-choice question’s options and keeps what the chair typed', async () => {
    const response = await createPulse({ kind: 'choice', choices: 'Only one' });
    assert.match(blocksText(response.view?.blocks), /between 2 and 10 options/);
    const text = inputBlocks(response.view?.blocks).find((b) => b.element.action_id === 'in|text|text');
    assert.equal(text?.element.initial_value, QUESTION);
    assert.ok(response.view?.submit);
  });

  it('refuses a closing time in the past', async () => {
    const response = await createPulse({ closesDate: '2020-01-01' });
    assert.match(blocksText(response.view?.blocks), /at least five minutes from now/);
    assert.deepEqual(await h.store.listPulseQuestions(await slackNetworkId(h)), []);
  });
});
