import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PlaygroundServer, textOf, waitUntil } from './support';
import { directConversationId, personaByKey } from '../../src/demo/people';
import { DEMO_NETWORK_ID } from '../../src/demo/seed';

const PRODUCTION = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' };
const CARD_NAMES = readdirSync(join(__dirname, '../../cards'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('Playground: only in local mode', () => {
  it('is not there when MicrosoftAppId is set and PLAYGROUND is not (404), and no demo data is seeded', async () => {
    const server = await PlaygroundServer.start(PRODUCTION);
    try {
      for (const path of ['/', '/cards', '/playground/setup', '/playground/activities?after=0', '/playground/vendor/adaptivecards.min.js']) {
        assert.equal((await fetch(`${server.url}${path}`)).status, 404, path);
      }
      const post = await fetch(`${server.url}/playground/connector/v3/conversations/x/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hi' }),
      });
      assert.equal(post.status, 404);
      assert.deepEqual(await server.store.listNetworks(), []);
    } finally {
      await server.close();
    }
  });

  it('is there with MicrosoftAppId set when PLAYGROUND=on asks for it', async () => {
    const server = await PlaygroundServer.start({ ...PRODUCTION, PLAYGROUND: 'on', DEMO_DATA: 'off' });
    try {
      assert.equal((await fetch(`${server.url}/`)).status, 200);
      assert.equal((await fetch(`${server.url}/cards`)).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('Playground pages', () => {
  let server: PlaygroundServer;
  before(async () => {
    server = await PlaygroundServer.start({ DEMO_DATA: 'off' });
  });
  after(async () => {
    await server.close();
  });

  it('serves the page with the Adaptive Cards renderer straight from its npm package', async () => {
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    for (const src of [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1])) {
      const asset = await fetch(`${server.url}${src}`);
      assert.equal(asset.status, 200, src);
      assert.match(asset.headers.get('content-type') ?? '', /javascript/, src);
    }
    const renderer = await (await fetch(`${server.url}/playground/vendor/adaptivecards.min.js`)).text();
    assert.match(renderer, /AdaptiveCard/);
  });

  it('serves only its own files', async () => {
    for (const path of ['/playground/assets/package.json', '/playground/assets/..%2F..%2Fpackage.json', '/playground/assets/.env']) {
      assert.equal((await fetch(`${server.url}${path}`)).status, 404, path);
    }
  });

  it('the gallery shows every card, as an Adaptive Card and as Block Kit, with no unbound template field', async () => {
    const response = await fetch(`${server.url}/cards`);
    assert.equal(response.status, 200);
    const html = await response.text();
    const shown = [...html.matchAll(/<section class="gallery-entry" id="card-([a-z-]+)">/g)].map((m) => m[1]).sort();
    assert.deepEqual(shown, CARD_NAMES);
    const data = JSON.parse(/<script id="gallery-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]) as Record<string, { adaptive: Record<string, unknown>; blocks: unknown[] | null }>;
    for (const name of CARD_NAMES) {
      assert.equal(data[name].adaptive.type, 'AdaptiveCard', name);
      assert.ok(!JSON.stringify(data[name].adaptive).includes('${'), `${name} has an unbound field`);
      assert.ok(Array.isArray(data[name].blocks) && data[name].blocks.length > 0, `${name} has Block Kit`);
    }
    assert.doesNotMatch(html, /No Block Kit for this card/);
  });

  it('tells the page where its connector is and who it can be', async () => {
    const setup = (await (await fetch(`${server.url}/playground/setup`)).json()) as { serviceUrl: string; personas: { key: string; roles: string[] }[] };
    assert.equal(setup.serviceUrl, `http://127.0.0.1:${server.port}/playground/connector`);
    assert.deepEqual(setup.personas.map((p) => p.key), ['member', 'owner', 'chair', 'admin']);
  });

  it('refuses a bad poll with a clear 400', async () => {
    const response = await fetch(`${server.url}/playground/activities?after=yesterday`);
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error: string }).error, /whole number/);
  });
});

describe('Playground connector', () => {
  let server: PlaygroundServer;
  beforeEach(async () => {
    server = await PlaygroundServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('a message to /api/messages is answered in the persona’s chat, with their e-mail looked up at the connector', async () => {
    const result = await server.say('owner', 'actions');
    assert.equal(result.status, 200);
    const [reply] = await server.activitiesIn(directConversationId({ key: 'owner' }));
    assert.match(textOf(reply.activity), /Your actions[\s\S]*1\.6[\s\S]*Raise the visibility of technical careers/);
    const owner = await server.store.findMember(DEMO_NETWORK_ID, 'teams', personaByKey('owner')!.userId);
    assert.equal(owner?.email, 'outreach.lead@example.ac.uk');
  });

  it('a summary asked in the forum channel is posted there, titled with the forum', async () => {
    const result = await server.post(
      server.activityFrom('chair', {
        type: 'message',
        text: 'summary',
        conversation: { id: 'playground-forum-tlf', conversationType: 'channel', isGroup: true, tenantId: 'playground' },
        channelData: { tenant: { id: 'playground' }, team: { id: 'playground-team', name: 'Demo University Technicians' }, channel: { id: 'playground-forum-tlf', name: "Technical Leaders' Forum" } },
      }),
    );
    assert.equal(result.status, 200);
    const [reply] = await server.activitiesIn('playground-forum-tlf');
    assert.match(textOf(reply.activity), /Summary for Technical Leaders' Forum/);
    assert.deepEqual(await server.activitiesIn(directConversationId({ key: 'chair' })), []);
  });

  it('answers member look-ups for personas only', async () => {
    const base = `${server.serviceUrl}/v3/conversations/playground-dm-chair/members`;
    const chair = await fetch(`${base}/${encodeURIComponent('29:playground-chair')}`);
    assert.equal(chair.status, 200);
    assert.equal(((await chair.json()) as { email: string }).email, 'forum.chair@example.ac.uk');
    assert.equal((await fetch(`${base}/${encodeURIComponent('29:someone-else')}`)).status, 404);
  });

  it('opens a 1:1 chat as the persona’s chat in the page', async () => {
    const open = (userId: string) =>
      fetch(`${server.serviceUrl}/v3/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ isGroup: false, bot: { id: '28:techvoice-playground' }, members: [{ id: userId }] }),
      });
    const member = await open('29:playground-member');
    assert.equal(member.status, 200);
    assert.equal(((await member.json()) as { id: string }).id, 'playground-dm-member');
    assert.equal((await open('29:not-a-persona')).status, 404);
  });

  it('refuses an activity that is not JSON with 400 and keeps nothing', async () => {
    const response = await fetch(`${server.serviceUrl}/v3/conversations/playground-dm-member/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await server.activitiesIn('playground-dm-member'), []);
  });

  it('a pulse a chair sends to every member lands in the member’s chat in the page (proactive, 1:1)', async () => {
    const closes = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const result = await server.press('chair', 'pulse.create', {
      cv: 1,
      formId: 'form-playground-1',
      text: 'Do you know who your technician representative is?',
      kind: 'yesno',
      choices: '',
      theme: 'Visibility',
      audience: 'members',
      closesDate: closes,
      closesTime: '17:00',
      anonymous: 'true',
    });
    assert.equal(result.status, 200);
    assert.match(textOf({ attachments: [(result.body as { value: unknown }).value] }), /Pulse sent/);
    const question = await waitUntil(async () =>
      (await server.activitiesIn(directConversationId({ key: 'member' }))).find((a) => /technician representative/.test(textOf(a.activity))),
    );
    assert.match(textOf(question.activity), /Yes[\s\S]*No/);
  });
});
