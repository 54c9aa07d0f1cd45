import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import { FakeSlack } from '../support/fake-slack';
import { SlackCallError, SlackJsonClient } from '../../src/slack/slack-json-client';
import { classifySlackError } from '../../src/slack/slack-messenger';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Slack JSON client (the card update on every button press)', () => {
  let slack: FakeSlack;
  let client: SlackJsonClient;
  beforeEach(async () => {
    slack = await new FakeSlack().start();
    client = new SlackJsonClient(slack.apiUrl, 'xoxb-test');
  });
  afterEach(async () => {
    await slack.stop();
  });

  async function failure(promise: Promise<unknown>): Promise<SlackCallError> {
    const error = await promise.then(
      () => assert.fail('expected the call to fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof SlackCallError, String(error));
    return error;
  }

  it('calls a method with a JSON body and the bot token, as Slack’s Web API takes it', async () => {
    await client.call('chat.update', { channel: 'D0MO', ts: '1700000000.000001', text: 'Thanks: your answer is in.', blocks: [{ type: 'divider' }] });
    const [call] = slack.callsOf('chat.update');
    assert.deepEqual(call.args, { channel: 'D0MO', ts: '1700000000.000001', text: 'Thanks: your answer is in.', blocks: [{ type: 'divider' }] });
  });

  it('takes the arguments as JSON text as they are', async () => {
    await client.call('chat.update', '{"channel":"D0MO","ts":"1.0","text":"hi"}');
    assert.deepEqual(slack.callsOf('chat.update')[0].args, { channel: 'D0MO', ts: '1.0', text: 'hi' });
  });

  it('fails with Slack’s error when the answer is not ok, and without a token Slack says not_authed', async () => {
    slack.failNext('chat.update', { status: 200, error: 'channel_not_found' });
    const error = await failure(client.call('chat.update', { channel: 'D0GONE', ts: '1.0', text: 'x' }));
    assert.equal(error.code, 'slack_webapi_platform_error');
    assert.equal(error.data.error, 'channel_not_found');
    assert.equal(classifySlackError(error).status, 'unreachable');
    const anonymous = new SlackJsonClient(slack.apiUrl, '');
    assert.equal((await failure(anonymous.call('chat.update', { channel: 'D0MO', ts: '1.0', text: 'x' }))).data.error, 'not_authed');
  });

  it('reports rate limiting with Slack’s Retry-After and server errors with their status, without retrying', async () => {
    slack.failNext('chat.update', { status: 429, retryAfter: 7 }, { status: 503 });
    const limited = await failure(client.call('chat.update', { channel: 'D0MO', ts: '1.0', text: 'x' }));
    assert.equal(limited.code, 'slack_webapi_rate_limited_error');
    assert.equal(limited.retryAfter, 7);
    assert.deepEqual(classifySlackError(limited), { status: 'retry', error: 'rate limited', retryAfterMs: 7000 });
    const down = await failure(client.call('chat.update', { channel: 'D0MO', ts: '1.0', text: 'x' }));
    assert.equal(down.code, 'slack_webapi_http_error');
    assert.equal(down.statusCode, 503);
    assert.equal(slack.callsOf('chat.update').length, 2, 'one request each');
  });

  it('reports an unreachable Slack as a request error', async () => {
    const nowhere = new SlackJsonClient(`http://127.0.0.1:${await closedPort()}/api/`, 'xoxb-test');
    assert.equal((await failure(nowhere.call('chat.update', { channel: 'D0MO', ts: '1.0', text: 'x' }))).code, 'slack_webapi_request_error');
  });

  it('posts to a response_url without the token', async () => {
    await client.respond(slack.responseUrl(), { response_type: 'ephemeral', text: 'Only you can see this.' });
    assert.deepEqual(slack.callsOf('respond')[0].args, { response_type: 'ephemeral', text: 'Only you can see this.' });
  });
});
