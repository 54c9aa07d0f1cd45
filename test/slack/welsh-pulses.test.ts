import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText, dm, inputBlocks } from '../support/slack-harness';
import { openModal, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';
import type { SlackUser } from '../support/fake-slack';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';

const QUESTION = 'I know who to ask about my career development';
/** A member whose Slack is set to Welsh. */
const GWEN: SlackUser = { id: 'U0GWENWELSH', name: 'Gwen Jones', email: 'gwen.jones@example.ac.uk', locale: 'cy-GB' };
const ALL_TIME = ['2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'] as const;

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The labels and options of the inputs a person reads in some blocks. */
const labelsOf = (blocks: unknown) => inputBlocks(blocks).map((b) => (b as unknown as { label: { text: string } }).label.text);

describe('Slack: pulses and feedback for someone whose Slack is in Welsh', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
    h.slack.addUser(GWEN);
    await h.after(() => h.command(GWEN, 'help'));
  });
  afterEach(async () => {
    await h.close();
  });

  it('sends an English chair’s pulse to a Welsh member in Welsh, and to everyone else in English', async () => {
    const view = await openModal(h, slackPeople.chair, 'pulse new');
    const { response } = await h.submit(slackPeople.chair, view, {
      text: QUESTION,
      kind: 'yesno',
      theme: 'Career Development',
      audience: 'members',
      closesDate: futureDate(7),
      closesTime: '17:00',
    });
    const seenEn = [blocksText(view.blocks), blocksText(response.view?.blocks)];
    assert.match(blocksText(response.view?.blocks), /P-1 was sent to every member by direct message/);
    await h.bot.app.outbox.drain();

    const welsh = await h.shownIn(dm(GWEN).channelId, QUESTION);
    assert.match(blocksText(welsh.blocks), /Pwls P-1: Datblygu Gyrfa/);
    assert.match(blocksText(welsh.blocks), /Yn cau: .* · Dienw/);
    assert.match(blocksText(welsh.blocks), /Eich ateb[\s\S]*Ie[\s\S]*Na/);
    const english = await h.shownIn(dm(slackPeople.member).channelId, QUESTION);
    assert.match(blocksText(english.blocks), /Pulse P-1: Career Development/);
    seenEn.push(blocksText(english.blocks));

    const answered = await h.after(async () => h.press(GWEN, welsh, 'pulse.answer', { answer: 'yes' }));
    assert.match(blocksText(answered.blocks), /Diolch: mae eich ateb \(Ie\) wedi’i gadw\. Gallwch ei newid nes i’r pwls gau\./);
    const seenCy = [blocksText(welsh.blocks), blocksText(answered.blocks)];

    assert.deepEqual(phrasesOfLanguageIn(seenCy.join('\n'), 'en'), [], 'no English in what Gwen read');
    assert.deepEqual(phrasesOfLanguageIn(seenEn.join('\n'), 'cy'), [], 'no Welsh in what the others read');
  });

  it('opens the feedback form in Welsh in a modal, says what is wrong in Welsh and confirms in Welsh', async () => {
    const view = await openModal(h, GWEN, 'adborth');
    assert.equal((view.title as { text: string }).text, 'Rhannu adborth');
    assert.equal((view.submit as { text: string }).text, 'Anfon adborth');
    assert.deepEqual(labelsOf(view.blocks), ['Thema', 'Eich adborth', 'Bod yn ddienw']);
    assert.match(blocksText(view.blocks), /Cydnabyddiaeth[\s\S]*Anfon yn ddienw/);

    const noTheme = await h.submit(GWEN, view, { text: 'Thank technicians by name in papers' });
    assert.match(blocksText(noTheme.response.view?.blocks), /Dewiswch thema\./);
    const long = await h.submit(GWEN, view, { theme: 'Recognition', text: 'x'.repeat(2500) });
    assert.match(blocksText(long.response.view?.blocks), /Gall eich adborth fod hyd at 2,000 nod: mae 2,500 yn eich un chi\./);
    assert.deepEqual(await h.store.listFeedback(await slackNetworkId(h), ...ALL_TIME), []);

    const { response } = await h.submit(GWEN, view, { theme: 'Recognition', text: 'Thank technicians by name in papers' });
    assert.equal((response.view?.title as { text: string }).text, 'Diolch: FB-1');
    assert.match(blocksText(response.view?.blocks), /Diolch: mae eich adborth wedi cyrraedd y rhwydwaith fel FB-1[\s\S]*Thema\*  Cydnabyddiaeth[\s\S]*Anfonwyd\*  Yn ddienw/);

    const seen = [view, noTheme.response.view, long.response.view, response.view].map((v) => blocksText(v?.blocks)).join('\n');
    assert.deepEqual(phrasesOfLanguageIn(seen, 'en'), [], 'no English in what Gwen read');
  });
});
