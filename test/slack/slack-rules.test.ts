import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { SlackHarness, blocksText, forum, stateFor } from '../support/slack-harness';
import { SIGNING_SECRET, slackSignature } from '../support/slack-signing';
import { openModal, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';

const ALL_TIME = ['2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'] as const;

describe('Slack: signatures, retries, acks and escaping', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
  });
  afterEach(async () => {
    sinon.restore();
    await h.close();
  });

  const feedbackCount = async () => (await h.store.listFeedback(await slackNetworkId(h), ...ALL_TIME)).length;

  it('refuses unsigned, wrongly signed and stale requests with 401 and changes nothing', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback');
    const calls = h.slack.calls.length;
    const payload = (text: string) =>
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'view_submission',
          team: { id: 'T0TECHNET', domain: 'technet' },
          user: { id: slackPeople.member.id, name: 'Mo' },
          view: { ...view, id: 'V1', type: 'modal', state: { values: stateFor(view.blocks, { theme: 'Other', text }) } },
          text,
        }),
      }).toString();
    const body = payload('x');
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    // The same request, correctly signed, would be stored: see the last line of this test.
    for (const headers of [
      {},
      slackSignature(body, 'not-the-secret'),
      slackSignature(body, SIGNING_SECRET, sixMinutesAgo),
      { ...slackSignature(body), 'x-slack-signature': slackSignature(payload('y'))['x-slack-signature'] },
    ]) {
      const post = await h.post(body, 'application/x-www-form-urlencoded', headers);
      assert.equal(post.status, 401);
    }
    const command = await h.command(slackPeople.member, 'help', undefined, {});
    assert.equal(command.status, 401);
    assert.equal(await feedbackCount(), 0);
    assert.equal(h.slack.calls.length, calls, 'nothing was sent to Slack');
    assert.equal((await h.post(body, 'application/x-www-form-urlencoded')).status, 200);
    assert.equal(await feedbackCount(), 1, 'signed, the same request is stored');
  });

  it('handles a retried event (X-Slack-Retry-Num, same event id) once', async () => {
    const before = h.shown().length;
    await h.dmMessage(slackPeople.member, 'help', { eventId: 'Ev0RETRY1' });
    await h.nextShown(before + 1);
    const retry = await h.dmMessage(slackPeople.member, 'help', { eventId: 'Ev0RETRY1', retryNum: 1 });
    assert.equal(retry.status, 200, 'the retry is acknowledged so Slack stops retrying');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.shown().length, before + 1);
  });

  it('ignores the bot’s own messages and message edits in DMs', async () => {
    const before = h.shown().length;
    await h.event({ type: 'message', channel_type: 'im', channel: 'D0X', user: slackPeople.member.id, text: 'help', subtype: 'message_changed', ts: '1.1' });
    await h.event({ type: 'message', channel_type: 'im', channel: 'D0X', bot_id: 'B0TECHVOICE', text: 'help', ts: '1.2' });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.shown().length, before);
  });

  it('acts once on a double click (the same action sent twice)', async () => {
    const chair = slackPeople.chair;
    const list = await h.after(() => h.dmMessage(chair, 'pulse'));
    const opened = h.slack.callsOf('views.open').length;
    await Promise.all([
      h.press(chair, list, 'pulse.new', {}, { actionTs: '1700000000.123456' }),
      h.press(chair, list, 'pulse.new', {}, { actionTs: '1700000000.123456' }),
    ]);
    await h.slack.waitFor(() => h.slack.callsOf('views.open').length === opened + 1);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.slack.callsOf('views.open').length, opened + 1);
  });

  it('acknowledges a button press once it has been acted on, and at 2 seconds when that takes longer', async () => {
    const chair = slackPeople.chair;
    const list = await h.after(() => h.dmMessage(chair, 'pulse'));
    const quick = await h.press(chair, list, 'pulse.new');
    assert.equal(quick.status, 200);
    const opened = h.slack.callsOf('views.open').length;
    assert.ok(opened >= 1, 'the form was opened by the time the press was acknowledged');

    const markProcessed = h.store.markProcessed.bind(h.store);
    sinon.stub(h.store, 'markProcessed').callsFake(async (...args) => {
      await new Promise((r) => setTimeout(r, 2600));
      return markProcessed(...args);
    });
    const slow = await h.press(chair, list, 'pulse.new');
    assert.equal(slow.status, 200);
    assert.ok(slow.ms >= 1900 && slow.ms < 2600, `acknowledged after ${slow.ms.toFixed(0)} ms`);
    await h.slack.waitFor(() => h.slack.callsOf('views.open').length === opened + 1);
  });

  it('refuses a signed block_actions it cannot read with 400, and changes nothing', async () => {
    const calls = h.slack.calls.length;
    for (const payload of [
      { type: 'block_actions', user: { id: slackPeople.member.id }, trigger_id: 't', container: {}, actions: [] },
      { type: 'block_actions', trigger_id: 't', container: {}, actions: [{ type: 'button', action_id: 'feedback.submit#0', action_ts: '1.0' }] },
      { type: 'block_actions', user: { id: slackPeople.member.id }, trigger_id: 't', container: {}, actions: [{ type: 'button', action_id: 7, action_ts: '1.0' }] },
    ]) {
      const post = await h.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
      assert.equal(post.status, 400);
      assert.equal(post.body, 'Malformed Slack payload');
    }
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(h.slack.calls.slice(calls).map((c) => c.method), []);
    assert.equal(await feedbackCount(), 0);
  });

  it('acks a slow summary within 3 seconds and delivers it after', async () => {
    const slowDown = 3500;
    const listRounds = h.store.listRounds.bind(h.store);
    sinon.stub(h.store, 'listRounds').callsFake(async (...args) => {
      await new Promise((r) => setTimeout(r, slowDown));
      return listRounds(...args);
    });
    const before = h.shown().length;
    const post = await h.command(slackPeople.chair, 'summary', forum());
    assert.equal(post.status, 200);
    assert.ok(post.ms < 1000, `acked in ${post.ms.toFixed(0)} ms`);
    console.log(`      slash command acked in ${post.ms.toFixed(0)} ms while the summary took over ${slowDown} ms`);
    const summary = await h.nextShown(before + 1, 10_000);
    assert.match(blocksText(summary.blocks), /Summary for/);
    assert.equal(summary.ephemeral, false, 'a summary asked for in a channel is shared there');
  });

  it('escapes what people type so nobody can trigger <!channel> or forge a mention through the bot', async () => {
    const view = await openModal(h, slackPeople.member, 'feedback');
    const nasty = '<!channel> look <@U0ADAADMIN> & <https://evil.example|click>';
    const { response } = await h.submit(slackPeople.member, view, { theme: 'Other', text: nasty });
    const shown = JSON.stringify(response.view);
    assert.doesNotMatch(shown, /<!channel>|<@U0ADAADMIN>|<https:/);
    assert.match(blocksText(response.view?.blocks), /&lt;!channel&gt; look &lt;@U0ADAADMIN&gt; &amp; &lt;https:\/\/evil.example\|click&gt;/);
    const unknown = await h.after(() => h.mention(slackPeople.member, '<!channel>', forum()));
    assert.doesNotMatch(JSON.stringify(unknown), /<!channel>/);
    assert.match(unknown.text, /&lt;!channel&gt;/);
  });
});
