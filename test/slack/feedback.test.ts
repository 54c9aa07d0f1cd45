import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText, optionsOf, inputBlocks } from '../support/slack-harness';
import { openModal, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';

const ALL_TIME = ['2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'] as const;

describe('Slack: feedback', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
  });
  afterEach(async () => {
    await h.close();
  });

  const feedback = async () => h.store.listFeedback(await slackNetworkId(h), ...ALL_TIME);

  it('opens a modal from /techvoice feedback with the five themes, a 2,000-character box and anonymous on', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback');
    assert.equal(view.type, 'modal');
    assert.equal((view.title as { text: string }).text, 'Share feedback');
    assert.equal((view.submit as { text: string }).text, 'Send feedback');
    assert.deepEqual(optionsOf(view.blocks, 'theme'), ['Visibility', 'Recognition', 'Career Development', 'Sustainability', 'Other']);
    const text = inputBlocks(view.blocks).find((b) => b.element.type === 'plain_text_input');
    assert.equal(text?.element.max_length, 2000);
    assert.equal(text?.element.multiline, true);
    const toggle = inputBlocks(view.blocks).find((b) => b.element.type === 'checkboxes');
    assert.ok(toggle?.element.initial_options, 'anonymous is ticked by default');
  });

  it('stores anonymous feedback with no user id and confirms in the modal with a reference', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback');
    const { post, response } = await h.submit(slackPeople.member, view, { theme: 'Recognition', text: 'Thank technicians by name in papers' });
    assert.equal(post.status, 200);
    assert.equal(response.response_action, 'update');
    assert.match(blocksText(response.view?.blocks), /FB-1[\s\S]*Anonymously/);
    assert.equal(response.view?.submit, undefined, 'the confirmation has nothing left to submit');
    const [stored] = await feedback();
    assert.equal(stored.anonymous, true);
    assert.equal(stored.authorMemberId, null);
    assert.equal(stored.platform, 'slack');
    assert.doesNotMatch(JSON.stringify(stored), /U0MOMEMBER/);
  });

  it('stores named feedback with its author', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback');
    const { response } = await h.submit(slackPeople.member, view, { theme: 'Visibility', text: 'Named idea', anonymous: false });
    assert.match(blocksText(response.view?.blocks), /As Mo Member/);
    const [stored] = await feedback();
    assert.equal(stored.anonymous, false);
    assert.ok(stored.authorMemberId);
  });

  it('counts a form submitted twice once', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback');
    await h.submit(slackPeople.member, view, { theme: 'Recognition', text: 'Twice' });
    const { response } = await h.submit(slackPeople.member, view, { theme: 'Recognition', text: 'Twice' });
    assert.match(blocksText(response.view?.blocks), /already sent this as FB-1/);
    assert.equal((await feedback()).length, 1);
  });

  it('refuses oversized text with the count, keeps what was typed in the modal, and stores nothing', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback');
    const long = 'x'.repeat(2500);
    const { response } = await h.submit(slackPeople.member, view, { theme: 'Recognition', text: long });
    assert.equal(response.response_action, 'update');
    assert.match(blocksText(response.view?.blocks), /up to 2,000 characters: yours has 2,500/);
    const text = inputBlocks(response.view?.blocks).find((b) => b.element.type === 'plain_text_input');
    assert.equal(text?.element.initial_value, long);
    assert.ok(response.view?.submit, 'the form can be sent again');
    assert.deepEqual(await feedback(), []);
  });

  it('refuses a missing theme and stores nothing', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback');
    const { response } = await h.submit(slackPeople.member, view, { text: 'No theme' });
    assert.match(blocksText(response.view?.blocks), /Choose a theme/);
    assert.deepEqual(await feedback(), []);
  });

  it('from a DM, posts a button that opens the form', async () => {
    const launcher = await h.after(() => h.dmMessage(slackPeople.member, 'feedback'));
    assert.match(blocksText(launcher.blocks), /Share feedback/);
    const opened = h.slack.callsOf('views.open').length;
    await h.press(slackPeople.member, launcher, 'open-form');
    const view = await h.modal(opened + 1);
    assert.deepEqual(optionsOf(view.blocks, 'theme').length, 5);
    await h.submit(slackPeople.member, view, { theme: 'Sustainability', text: 'From a DM' });
    assert.equal((await feedback())[0].text, 'From a DM');
  });

  it('keeps text typed after the command in the form', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback more &lt;b&gt; please');
    const text = inputBlocks(view.blocks).find((b) => b.element.type === 'plain_text_input');
    assert.equal(text?.element.initial_value, 'more <b> please');
  });
});
