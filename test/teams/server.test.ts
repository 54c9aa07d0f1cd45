import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotHarness } from '../support/bot-harness';
import { botAdded, channel, message, user } from '../support/teams-activities';
import { cardText } from '../support/cards';

describe('Teams server', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await BotHarness.start();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('replies to help with a card at the connector', async () => {
    const reply = await bot.say(user('Tom Tech'), 'help');
    assert.equal(reply.cards.length, 1);
    assert.equal(reply.cards[0].type, 'AdaptiveCard');
    assert.equal(reply.cards[0].version, '1.5');
    assert.match(cardText(reply.cards[0]), /feedback[\s\S]*pulse[\s\S]*actions/);
    assert.doesNotMatch(cardText(reply.cards[0]), /roles/, 'members are not shown admin commands');
  });

  it('understands commands in any case and with an @mention in a channel', async () => {
    const reply = await bot.say(user('Tom Tech'), 'HeLp', channel());
    assert.match(cardText(reply.cards[0]), /Show this list/);
  });

  it('says what to do for an unknown command and changes nothing', async () => {
    const reply = await bot.say(user('Tom Tech'), 'dance');
    assert.deepEqual(reply.cards, []);
    assert.match(reply.texts[0], /don’t know “dance”.*help/);
    const network = (await bot.store.listNetworks())[0];
    assert.deepEqual(await bot.store.listFeedback(network.id, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'), []);
  });

  it('understands a typed “@Techvoice pulse” that carries no mention entity', async () => {
    const reply = await bot.say(user('Tom Tech'), '@Techvoice pulse', channel());
    assert.doesNotMatch(reply.texts.join('\n'), /don’t know/);
    assert.match(cardText(reply.cards[0]), /pulse/i);
  });

  it('suggests the command a typo was meant to be', async () => {
    const reply = await bot.say(user('Tom Tech'), 'sumary');
    assert.match(reply.texts[0], /don’t know “sumary”\. Did you mean \*\*summary\*\*\?/);
  });

  it('tells a member that the feedback list is for chairs instead of prefilling a form with “list”', async () => {
    await bot.say(user('Ada Admin'), 'help');
    const reply = await bot.say(user('Tom Tech'), 'feedback list');
    assert.deepEqual(reply.cards, [], 'no feedback form prefilled with “list”');
    assert.match(reply.texts[0], /Only forum chairs and admins can do that/);
  });

  it('creates the network on first contact and welcomes a team when installed', async () => {
    assert.deepEqual(await bot.store.listNetworks(), []);
    const result = await bot.post(botAdded(bot.connector.url, user('Ada Admin'), channel()));
    assert.equal(result.status, 200);
    const networks = await bot.store.listNetworks();
    assert.equal(networks.length, 1);
    assert.equal(networks[0].name, 'Technicians');
    assert.equal(networks[0].anonymityThreshold, 5);
    await bot.connector.waitFor(() => bot.connector.cardsIn('19:forum-tlf@thread.tacv2').length === 1);
    assert.match(cardText(bot.connector.cardsIn('19:forum-tlf@thread.tacv2')[0]), /I am Techvoice/);
  });

  it('stores every member’s address for messages later', async () => {
    bot.connector.addUser({ id: '29:tom-tech', name: 'Tom Tech', email: 'tom@example.ac.uk' });
    await bot.say(user('Tom Tech'), 'help', channel());
    const network = (await bot.store.listNetworks())[0];
    const member = await bot.store.findMember(network.id, 'teams', '29:tom-tech');
    assert.ok(member?.directAddress, 'a direct address is kept');
    assert.equal(member?.email, 'tom@example.ac.uk', 'e-mail is looked up at the connector');
  });

  it('answers a retried activity (same id) once', async () => {
    const activity = message(bot.connector.url, user('Tom Tech'), 'help');
    await bot.post(activity);
    await bot.post(activity);
    assert.equal(bot.connector.sent.length, 1);
  });

  for (const [what, body] of [
    ['invalid JSON', '{"type": "message",'],
    ['a JSON array', '[1,2,3]'],
    ['no activity type', JSON.stringify({ serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c' }, from: { id: 'u' } })],
    ['no serviceUrl', JSON.stringify({ type: 'message', conversation: { id: 'c' }, from: { id: 'u' } })],
    ['no conversation', JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:1', from: { id: 'u' } })],
  ] as const) {
    it(`rejects ${what} with 400 and stores nothing`, async () => {
      const result = await bot.post(body);
      assert.equal(result.status, 400);
      assert.deepEqual(await bot.store.listNetworks(), []);
      assert.equal(bot.connector.sent.length, 0);
    });
  }

  it('refuses a body over 256 KB', async () => {
    const result = await bot.post(message(bot.connector.url, user('Tom Tech'), 'x'.repeat(300_000)));
    assert.equal(result.status, 413);
    assert.deepEqual(await bot.store.listNetworks(), []);
  });
});

describe('Teams authentication', () => {
  it('with MicrosoftAppId set, refuses requests without a valid token (401) and processes nothing', async () => {
    const bot = await BotHarness.start({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' });
    try {
      const activity = message(bot.connector.url, user('Tom Tech'), 'help');
      assert.equal((await bot.post(activity)).status, 401);
      assert.equal((await bot.post(activity, { authorization: 'Bearer not-a-token' })).status, 401);
      assert.deepEqual(await bot.store.listNetworks(), []);
      assert.equal(bot.connector.sent.length, 0);
    } finally {
      await bot.close();
    }
  });
});

describe('npm start process', () => {
  it('listens, logs local mode, and exits 0 on SIGTERM', async function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-main-'));
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/main.ts'], {
      env: { ...process.env, PORT: '0', TECHVOICE_DB: join(dir, 'db', 'techvoice.db'), SCHEDULER: 'off', DEMO_DATA: 'off', MicrosoftAppId: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /"port":(\d+)/.exec(output);
        if (match) {
          clearInterval(timer);
          resolve(Number(match[1]));
        }
      }, 50);
      child.once('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    assert.match(output, /Local mode/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
