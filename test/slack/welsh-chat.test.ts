import assert from 'node:assert/strict';
import { blocksText, type SlackHarness } from '../support/slack-harness';
import { openModal, slackMember, startSlackWorld } from '../support/slack-world';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';

describe('Slack: Welsh and English in chat', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
  });
  afterEach(async () => {
    await h.close();
  });

  it('speaks Welsh to someone whose Slack is in Welsh (users.info with include_locale)', async () => {
    const gwen = { id: 'U0GWENJONES', name: 'Gwen Jones', email: 'gwen@example.ac.uk', locale: 'cy-GB' };
    h.slack.addUser(gwen);
    const shown = await h.after(() => h.command(gwen, 'cymorth'));
    const text = `${shown.text ?? ''}\n${blocksText(shown.blocks)}`;
    assert.match(text, /Shwmae! Rwy’n helpu eich rhwydwaith technegwyr/);
    assert.match(text, /Rhannu syniad neu bryder/);
    assert.deepEqual(phrasesOfLanguageIn(text, 'en'), []);
    assert.equal((await slackMember(h, gwen)).seenLanguage, 'cy');
    assert.equal(String(h.slack.callsOf('users.info').at(-1)?.args.include_locale), 'true', 'users.info is asked for the locale');
  });

  it('opens a Welsh form as a modal whose own buttons and menus are in Welsh', async () => {
    const gwen = { id: 'U0GWENJONES', name: 'Gwen Jones', email: 'gwen@example.ac.uk', locale: 'cy-GB' };
    h.slack.addUser(gwen);
    const modal = (await openModal(h, gwen, 'adborth')) as unknown as { submit?: { text: string }; close: { text: string }; blocks: unknown };
    assert.equal(modal.close.text, 'Canslo');
    assert.match(JSON.stringify(modal.blocks), /Dewiswch…/);
    const shown = [modal.close.text, modal.submit?.text ?? '', blocksText(modal.blocks)].join('\n');
    assert.deepEqual(phrasesOfLanguageIn(shown, 'en'), []);
  });

  it('switches to English from the help card’s button and keeps it', async () => {
    const gwen = { id: 'U0GWENJONES', name: 'Gwen Jones', email: 'gwen@example.ac.uk', locale: 'cy-GB' };
    h.slack.addUser(gwen);
    const help = await h.after(() => h.command(gwen, 'helo'));
    const english = await h.after(() => h.press(gwen, help, 'language.set'));
    assert.match(blocksText(english.blocks), /Hello! I help your technician network/);
    const again = await h.after(() => h.command(gwen, 'help'));
    assert.deepEqual(phrasesOfLanguageIn(blocksText(again.blocks), 'cy'), []);
  });
});
