import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { BotHarness } from '../support/bot-harness';
import { invoke, message, user, TENANT, type TeamsUser } from '../support/teams-activities';
import { TokenIssuer } from './support/token-issuer';

const APP_ID = '00000000-0000-4000-8000-00000000b07a';
const ALL_TIME = ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;

/** Every way a token can be wrong, and the header that carries it. */
const BAD_TOKENS: [string, (issuer: TokenIssuer) => string | null][] = [
  ['no token', () => null],
  ['a token that is not a JWT', () => 'Bearer not-a-token'],
  ['a token expired ten minutes ago', (i) => i.token({ expiresIn: -600 })],
  ['a token for another bot (wrong audience)', (i) => i.token({ audience: 'another-bot-app-id' })],
  ['a token from another issuer', (i) => i.token({ issuer: 'https://sts.example.com/' })],
  ['a token signed with another key', (i) => i.token({ forgedKey: true })],
  ['a token signed with a key the metadata does not list', (i) => i.token({ forgedKey: true, kid: 'unknown-key' })],
  ['a token issued for another serviceUrl', (i) => i.token({ serviceUrl: 'https://smba.example.com/emea/' })],
  ['a token sent with another scheme', (i) => i.token().replace('Bearer', 'Basic')],
];

function feedback(serviceUrl: string, from: TeamsUser, text: string) {
  return invoke(serviceUrl, from, 'feedback.submit', { verb: 'feedback.submit', cv: 1, formId: randomUUID(), theme: 'Recognition', text, anonymous: 'true' });
}

describe('Security: Bot Framework authentication on /api/messages', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let issuer: TokenIssuer;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    // Outbound calls (member look-up, replies) need a token too: App Service's managed
    // identity endpoint is a loopback URL in production as well, so the test serves one.
    issuer = await new TokenIssuer(APP_ID).start();
    for (const name of ['IDENTITY_ENDPOINT', 'IDENTITY_HEADER']) saved[name] = process.env[name];
    process.env.IDENTITY_ENDPOINT = issuer.managedIdentityEndpoint;
    process.env.IDENTITY_HEADER = 'test-identity-header';
    bot = await BotHarness.start({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
      BotOpenIdMetadata: issuer.metadataUrl,
    });
    issuer.serviceUrl = bot.connector.url;
  });
  after(async () => {
    await bot.close();
    await issuer.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  async function feedbackCount(): Promise<number> {
    const networks = await bot.store.listNetworks();
    let count = 0;
    for (const network of networks) count += (await bot.store.listFeedback(network.id, ...ALL_TIME)).length;
    return count;
  }

  async function memberCount(): Promise<number> {
    let count = 0;
    for (const network of await bot.store.listNetworks()) count += (await bot.store.listMembers(network.id)).length;
    return count;
  }

  const post = (body: unknown, authorization: string | null) => bot.post(body, authorization === null ? {} : { authorization });

  it('processes a card submit from a new user with a valid token (the adapter path) and stores it', async () => {
    const alice = user('Alice First');
    bot.connector.addUser({ id: alice.id, name: alice.name, email: 'alice@example.ac.uk' });
    const result = await post(feedback(bot.connector.url, alice, 'Valid token, first contact'), issuer.token());
    assert.equal(result.status, 200);
    assert.match(JSON.stringify(result.body), /FB-1/);
    assert.equal(await feedbackCount(), 1);
    assert.ok(issuer.fetched.includes('/v1/.well-known/keys'), 'the signing keys came from the configured OpenID metadata');
  });

  it('answers a message with a valid token', async () => {
    const before = bot.connector.sent.length;
    const result = await post(message(bot.connector.url, user('Alice First'), 'help'), issuer.token());
    assert.equal(result.status, 200);
    await bot.connector.waitFor(() => bot.connector.sent.length > before);
    assert.ok(issuer.fetched.includes('/msi/token'), 'the reply was sent with a token from the loopback identity endpoint');
  });

  for (const [what, header] of BAD_TOKENS) {
    it(`refuses a message and a first card submit with ${what}: 401, nothing stored, nothing sent`, async () => {
      const stranger = user(`Stranger ${randomUUID().slice(0, 8)}`);
      const [feedbackBefore, membersBefore, sentBefore] = [await feedbackCount(), await memberCount(), bot.connector.sent.length];
      const asMessage = await post(message(bot.connector.url, stranger, 'hello'), header(issuer));
      const asInvoke = await post(feedback(bot.connector.url, stranger, 'Forged feedback'), header(issuer));
      assert.equal(asMessage.status, 401);
      assert.equal(asInvoke.status, 401);
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(await feedbackCount(), feedbackBefore);
      assert.equal(await memberCount(), membersBefore);
      assert.equal(bot.connector.sent.length, sentBefore);
    });

    it(`refuses a card submit on the fast path (a user already seen) with ${what}: 401, nothing stored`, async () => {
      const known = user('Alice First');
      const before = await feedbackCount();
      const result = await post(feedback(bot.connector.url, known, 'Forged feedback from a known user'), header(issuer));
      assert.equal(result.status, 401);
      assert.equal(await feedbackCount(), before);
    });
  }

  it('still processes the known user’s card submit with a valid token (the fast path)', async () => {
    const before = await feedbackCount();
    const result = await post(feedback(bot.connector.url, user('Alice First'), 'Valid token, fast path'), issuer.token());
    assert.equal(result.status, 200);
    assert.equal(await feedbackCount(), before + 1);
  });
});

describe('Security: local mode', () => {
  it('accepts activities without a token only when MicrosoftAppId is not set', async () => {
    const bot = await BotHarness.start();
    try {
      const result = await bot.post(feedback(bot.connector.url, user('Local Lou'), 'Local mode'));
      assert.equal(result.status, 200);
    } finally {
      await bot.close();
    }
  });
});
