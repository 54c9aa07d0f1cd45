import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText, dm, forum } from '../support/slack-harness';
import { SLACK_TEAM } from '../support/fake-slack';
import { slackSignature } from '../support/slack-signing';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/app';

const tom = { id: 'U0TOMTECH', name: 'Tom Tech', email: 'tom@example.ac.uk' };

describe('Slack server', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await SlackHarness.start();
    h.slack.addUser(tom);
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers /techvoice help on the same port as Teams, for the person alone', async () => {
    const post = await h.command(tom, 'help');
    assert.equal(post.status, 200);
    const reply = await h.nextShown(1);
    assert.equal(reply.ephemeral, true);
    assert.equal(reply.blocks[0].type, 'header');
    assert.match(blocksText(reply.blocks), /feedback[\s\S]*pulse[\s\S]*actions/);
    assert.doesNotMatch(blocksText(reply.blocks), /roles/, 'members are not shown admin commands');
    assert.equal((await fetch(`${h.bot.url}/healthz`)).status, 200);
  });

  it('understands the same words in a DM and in a mention, in any case', async () => {
    await h.dmMessage(tom, 'HeLp');
    const inDm = await h.nextShown(1);
    assert.equal(inDm.channel, dm(tom).channelId);
    assert.match(blocksText(inDm.blocks), /Show this list/);
    await h.mention(tom, 'help');
    const inChannel = await h.nextShown(2);
    assert.equal(inChannel.channel, forum().channelId);
    assert.match(blocksText(inChannel.blocks), /Show this list/);
  });

  it('says what to do for an unknown word and changes nothing', async () => {
    await h.command(tom, 'dance');
    const reply = await h.nextShown(1);
    assert.match(reply.text, /don’t know “dance”.*\*help\*/);
    const link = await h.store.findWorkspace('slack', SLACK_TEAM);
    assert.ok(link);
    assert.deepEqual(await h.store.listFeedback(link.networkId, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'), []);
  });

  it('answers Slack’s url_verification challenge when the request URL is saved', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' });
    const post = await h.post(body, 'application/json');
    assert.equal(post.status, 200);
    assert.match(post.body, /abc123/);
  });

  it('creates the network on first contact and keeps the person’s e-mail and DM address', async () => {
    assert.deepEqual(await h.store.listNetworks(), []);
    await h.command(tom, 'help', forum());
    await h.nextShown(1);
    const link = await h.store.findWorkspace('slack', SLACK_TEAM);
    assert.ok(link);
    const member = await h.store.findMember(link.networkId, 'slack', tom.id);
    assert.equal(member?.email, 'tom@example.ac.uk', 'e-mail from users.info');
    assert.equal(member?.directAddress, tom.id);
    assert.equal(h.slack.callsOf('users.info').length, 1);
    await h.command(tom, 'help');
    await h.nextShown(2);
    assert.equal(h.slack.callsOf('users.info').length, 1, 'the profile is looked up once per process');
  });
});

describe('Slack switched off', () => {
  it('logs one clear line and has no /slack/events route when its secrets are unset', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-noslack-'));
    const app = await createApp(loadConfig({ PORT: '0', TECHVOICE_DB: join(dir, 'db.sqlite'), SCHEDULER: 'off', PLAYGROUND: 'off', DEMO_DATA: 'off' }), log);
    try {
      const port = await app.listen();
      const off = lines.filter((l) => l.includes('Slack is off: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set'));
      assert.equal(off.length, 1);
      const body = 'command=%2Ftechvoice&text=help';
      const response = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body) }, body });
      assert.equal(response.status, 404);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
