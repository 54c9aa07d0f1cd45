import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { SlackHarness } from '../support/slack-harness';
import { SLACK_TEAM } from '../support/fake-slack';
import { slackSignature, SIGNING_SECRET } from '../support/slack-signing';

const ALL_TIME = ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;
const mo = { id: 'U0MOSEC', name: 'Mo Member', email: 'mo@example.ac.uk' };

function feedbackPress(formId: string): string {
  const data = { verb: 'feedback.submit', cv: 1, formId, theme: 'Recognition', text: `Replay test ${formId}`, anonymous: 'true' };
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      team: { id: SLACK_TEAM, domain: 'technet' },
      user: { id: mo.id, username: mo.name, team_id: SLACK_TEAM },
      api_app_id: 'A0TECHVOICE',
      trigger_id: `t-${randomUUID()}`,
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: `D${mo.id}`, is_ephemeral: false },
      channel: { id: `D${mo.id}`, name: 'directmessage' },
      message: { type: 'message', ts: '1700000000.000001', text: 'card', blocks: [] },
      state: { values: {} },
      actions: [{ type: 'button', action_id: 'feedback.submit#0', block_id: 'b', value: JSON.stringify(data), text: { type: 'plain_text', text: 'Send' }, action_ts: `${Date.now() / 1000}` }],
    }),
  }).toString();
}

/** A DM to the app as an Events API callback. */
function eventBody(text: string): string {
  const event = { type: 'message', channel_type: 'im', channel: `D${mo.id}`, user: mo.id, text, ts: `${Date.now() / 1000}` };
  return JSON.stringify({ team_id: SLACK_TEAM, api_app_id: 'A0TECHVOICE', type: 'event_callback', event_id: 'EvFUTURE', event_time: Math.floor(Date.now() / 1000), event });
}

describe('Security: Slack request signatures on /slack/events', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await SlackHarness.start();
    h.slack.addUser(mo);
  });
  afterEach(async () => {
    await h.close();
  });

  async function feedbackCount(): Promise<number> {
    let count = 0;
    for (const network of await h.store.listNetworks()) count += (await h.store.listFeedback(network.id, ...ALL_TIME)).length;
    return count;
  }

  const quiet = () => new Promise((r) => setTimeout(r, 300));

  for (const [what, headers] of [
    ['no signature', () => ({})],
    ['a signature made with another secret', (body: string) => slackSignature(body, 'not-the-signing-secret')],
    ['a signature of another body', () => slackSignature('payload=%7B%7D')],
    ['a timestamp six minutes old (Slack’s window is five)', (body: string) => slackSignature(body, SIGNING_SECRET, Math.floor(Date.now() / 1000) - 360)],
    ['a timestamp six minutes ahead', (body: string) => slackSignature(body, SIGNING_SECRET, Math.floor(Date.now() / 1000) + 360)],
  ] as [string, (body: string) => Record<string, string>][]) {
    it(`refuses a card submit with ${what}: 401, nothing stored, nothing said`, async () => {
      const body = feedbackPress(randomUUID());
      const calls = h.slack.calls.length;
      const result = await h.post(body, 'application/x-www-form-urlencoded', headers(body));
      assert.equal(result.status, 401);
      await quiet();
      assert.equal(await feedbackCount(), 0);
      assert.deepEqual(h.slack.calls.slice(calls).map((c) => c.method).filter((m) => m !== 'auth.test'), []);
      assert.deepEqual(await h.store.listNetworks(), [], 'not even a first-contact record');
    });
  }

  it('accepts the same card submit correctly signed, once', async () => {
    const body = feedbackPress(randomUUID());
    assert.equal((await h.post(body, 'application/x-www-form-urlencoded')).status, 200);
    await h.slack.waitFor(() => h.slack.calls.some((c) => c.method === 'chat.update'));
    assert.equal(await feedbackCount(), 1);
  });

  it('a replayed card submit (same body, signature and timestamp) has no second effect', async () => {
    const body = feedbackPress(randomUUID());
    const headers = slackSignature(body);
    assert.equal((await h.post(body, 'application/x-www-form-urlencoded', headers)).status, 200);
    await h.slack.waitFor(() => h.slack.calls.some((c) => c.method === 'chat.update'));
    const calls = h.slack.calls.length;
    await h.post(body, 'application/x-www-form-urlencoded', headers);
    await h.post(body, 'application/x-www-form-urlencoded', { ...headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await quiet();
    assert.equal(await feedbackCount(), 1);
    assert.equal(h.slack.calls.length, calls, 'nothing said twice');
  });

  for (const [what, contentType, bodyOf] of [
    ['a slash command', 'application/x-www-form-urlencoded', () => h.commandBody(mo, 'help')],
    ['an event', 'application/json', () => eventBody('help')],
  ] as const) {
    it(`refuses ${what} signed six minutes ahead (Bolt alone would take it): 401, nothing said`, async () => {
      const calls = h.slack.calls.length;
      const body = bodyOf();
      const result = await h.post(body, contentType, slackSignature(body, SIGNING_SECRET, Math.floor(Date.now() / 1000) + 360));
      assert.equal(result.status, 401);
      await quiet();
      assert.deepEqual(h.slack.calls.slice(calls).map((c) => c.method).filter((m) => m !== 'auth.test'), []);
      assert.deepEqual(await h.store.listNetworks(), [], 'not even a first-contact record');
    });
  }

  it('answers Slack’s unsigned certificate check (ssl_check=1) with 200, and acts on nothing smuggled with it', async () => {
    const calls = h.slack.calls.length;
    assert.equal((await h.post('ssl_check=1&token=verification-token', 'application/x-www-form-urlencoded', {})).status, 200);
    const smuggled = `ssl_check=1&${feedbackPress(randomUUID())}`;
    assert.equal((await h.post(smuggled, 'application/x-www-form-urlencoded', {})).status, 200);
    await quiet();
    assert.equal(await feedbackCount(), 0);
    assert.deepEqual(h.slack.calls.slice(calls).map((c) => c.method).filter((m) => m !== 'auth.test'), []);
  });

  it('a replayed slash command (same body, signature and timestamp) is answered once', async () => {
    const body = h.commandBody(mo, 'help');
    const headers = slackSignature(body);
    assert.equal((await h.post(body, 'application/x-www-form-urlencoded', headers)).status, 200);
    await h.slack.waitFor(() => h.slack.callsOf('respond').length === 1);
    assert.equal((await h.post(body, 'application/x-www-form-urlencoded', headers)).status, 200);
    await quiet();
    assert.equal(h.slack.callsOf('respond').length, 1, 'the help card is not sent again');
  });

  it('a replayed event (same event id) is answered once', async () => {
    const eventId = `Ev${randomUUID().slice(0, 8)}`;
    await h.dmMessage(mo, 'help', { eventId });
    await h.slack.waitFor(() => h.slack.calls.some((c) => c.method === 'chat.postMessage'));
    const posted = h.slack.callsOf('chat.postMessage').length;
    await h.dmMessage(mo, 'help', { eventId });
    await h.dmMessage(mo, 'help', { eventId, retryNum: 1 });
    await quiet();
    assert.equal(h.slack.callsOf('chat.postMessage').length, posted);
  });
});
