import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlaygroundServer, SECRET, textOf } from './support';
import { DEMO_NETWORK_ID, seedDemoData, shiftPlanToYear } from '../../src/demo/seed';
import { directConversationId, PERSONAS } from '../../src/demo/people';
import { THEMES } from '../../src/core/model';
import { newNetwork } from '../../src/core/session';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';

const EVER = ['2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'] as const;

describe('Demo data', () => {
  let server: PlaygroundServer;
  before(async () => {
    server = await PlaygroundServer.start();
  });
  after(async () => {
    await server.close();
  });

  it('seeds one demo network with the four themes of the sample action plan', async () => {
    const networks = await server.store.listNetworks();
    assert.deepEqual(networks.map((n) => n.name), ['Demo University Technicians']);
    const actions = await server.store.listActions(DEMO_NETWORK_ID);
    assert.equal(actions.length, 18);
    assert.deepEqual([...new Set(actions.map((a) => a.theme))].sort(), [...THEMES].sort());
    assert.deepEqual([...new Set(actions.map((a) => a.status))].sort(), ['amber', 'green', 'red']);
    const titles = actions.map((a) => a.title).join('\n');
    for (const fact of [/Technical Leaders' Forum/, /Technicians' Network/, /professional registration/, /career pathway/, /skills-sharing/, /succession/i]) {
      assert.match(titles, fact);
    }
  });

  it('gives the personas their roles and e-mails that match action owners', async () => {
    const members = await server.store.listMembers(DEMO_NETWORK_ID);
    const byEmail = new Map(members.map((m) => [m.email, m]));
    for (const persona of PERSONAS) assert.deepEqual(byEmail.get(persona.email)?.roles, persona.roles, persona.key);
    const owners = new Set((await server.store.listActions(DEMO_NETWORK_ID)).map((a) => a.owner));
    assert.ok(owners.has('outreach.lead@example.ac.uk') && owners.has('forum.chair@example.ac.uk'));
    assert.equal((await server.store.listForums(DEMO_NETWORK_ID))[0]?.name, "Technical Leaders' Forum");
  });

  it('has closed pulse rounds with answers above the anonymity threshold, and feedback in every status', async () => {
    const network = (await server.store.getNetwork(DEMO_NETWORK_ID))!;
    const now = Date.now();
    const rounds = await server.store.listRounds(DEMO_NETWORK_ID, ...EVER);
    const closed = rounds.filter((r) => Date.parse(r.closesAt) < now);
    assert.ok(closed.length >= 3);
    for (const round of closed) assert.ok((await server.store.listAnswers(round.id)).length >= network.anonymityThreshold, round.id);
    const feedback = await server.store.listFeedback(DEMO_NETWORK_ID, ...EVER);
    assert.deepEqual([...new Set(feedback.map((f) => f.status))].sort(), ['acknowledged', 'closed', 'linked', 'new']);
    for (const f of feedback.filter((f) => f.anonymous)) assert.equal(f.authorMemberId, null);
  });

  it('the chair’s first summary shows real results, feedback and the RAG table', async () => {
    await server.say('chair', 'summary');
    const [reply] = await server.activitiesIn(directConversationId({ key: 'chair' }));
    const text = textOf(reply.activity);
    assert.match(text, /Summary for Demo University Technicians/);
    assert.match(text, /average \d\.\d of 5/, 'a closed round above the threshold shows its result');
    assert.match(text, /results appear when the pulse closes/, 'the open round shows only how many have answered');
    assert.match(text, /Feedback: 7 items/);
    assert.match(text, /Raise the visibility of technical careers/);
  });

  it('the admin persona may manage roles; the member may not', async () => {
    await server.say('admin', 'roles');
    assert.match(textOf((await server.activitiesIn(directConversationId({ key: 'admin' })))[0].activity), /Chris Morgan/);
    await server.say('member', 'roles');
    assert.match(textOf((await server.activitiesIn(directConversationId({ key: 'member' })))[0].activity), /Only admins can do that/);
  });

  it('the member persona has an open pulse to answer', async () => {
    await server.say('member', 'pulse');
    const list = (await server.activitiesIn(directConversationId({ key: 'member' }))).find((a) => /succession planning/.test(textOf(a.activity)));
    assert.ok(list, 'the open demo pulse is listed for the member');
  });

  it('seeds nothing a second time', async () => {
    const feedbackBefore = (await server.store.listFeedback(DEMO_NETWORK_ID, ...EVER)).length;
    assert.deepEqual(await seedDemoData(server.store, { secret: SECRET, serviceUrl: server.serviceUrl }), { seeded: false, reason: 'the store already has a network' });
    assert.equal((await server.store.listNetworks()).length, 1);
    assert.equal((await server.store.listActions(DEMO_NETWORK_ID)).length, 18);
    assert.equal((await server.store.listFeedback(DEMO_NETWORK_ID, ...EVER)).length, feedbackBefore);
  });
});

describe('Demo data: when it is not seeded', () => {
  it('DEMO_DATA=off starts with an empty store; TECHVOICE_ADMINS=playground-admin makes the admin persona an admin', async () => {
    const server = await PlaygroundServer.start({ DEMO_DATA: 'off', TECHVOICE_ADMINS: 'playground-admin' });
    try {
      assert.deepEqual(await server.store.listNetworks(), []);
      await server.say('admin', 'roles');
      assert.match(textOf((await server.activitiesIn(directConversationId({ key: 'admin' })))[0].activity), /Alex Reid/);
      await server.say('chair', 'summary');
      assert.match(textOf((await server.activitiesIn(directConversationId({ key: 'chair' })))[0].activity), /Only forum chairs and admins/);
    } finally {
      await server.close();
    }
  });

  it('a store that already has a network is left alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-demo-'));
    const store = await SqliteStore.open(join(dir, 'db.sqlite'));
    try {
      await store.createNetwork(newNetwork('n-real', 'Real University Technicians'));
      const outcome = await seedDemoData(store, { secret: SECRET, serviceUrl: 'http://127.0.0.1:1/playground/connector' });
      assert.equal(outcome.seeded, false);
      assert.deepEqual((await store.listNetworks()).map((n) => n.id), ['n-real']);
      assert.deepEqual(await store.listActions(DEMO_NETWORK_ID), []);
    } finally {
      await store.close();
    }
  });

  it('moves the plan’s due dates by whole years so that it starts this year', () => {
    const csv = readFileSync(join(__dirname, '../../demo/action-plan.csv'), 'utf8');
    const shifted = shiftPlanToYear(csv, 2030);
    assert.match(shifted, /^1\.1,Run a quarterly Technical Leaders' Forum that feeds the steering group,Visibility,forum\.chair@example\.ac\.uk,2030-03-31,green,/m);
    assert.match(shifted, /^3\.2,.*,2031-06-30,amber,/m);
    assert.equal(shifted.split('\n').length, csv.split('\n').length);
  });
});

describe('npm start with the playground', () => {
  async function startMain(env: Record<string, string>): Promise<{ output: string; stop: () => Promise<number | null> }> {
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-main-'));
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/main.ts'], {
      env: { ...process.env, PORT: '0', TECHVOICE_DB: join(dir, 'techvoice.db'), SCHEDULER: 'off', DEMO_DATA: 'off', MicrosoftAppId: '', PLAYGROUND: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/listening on/.test(output)) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      child.once('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    await new Promise((r) => setTimeout(r, 100));
    return {
      output,
      stop: () => {
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      },
    };
  }

  it('prints the playground URL in local mode, and it opens', async function () {
    this.timeout(30_000);
    const main = await startMain({});
    try {
      const port = /"port":(\d+)/.exec(main.output)![1];
      const lines = main.output.split('\n').filter((l) => l.includes('Playground: open'));
      assert.equal(lines.length, 1);
      assert.match(lines[0], new RegExp(`Playground: open http://localhost:${port}/ in your browser`));
      assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
    } finally {
      assert.equal(await main.stop(), 0);
    }
  });

  it('prints no playground URL with a MicrosoftAppId', async function () {
    this.timeout(30_000);
    const main = await startMain({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', TECHVOICE_SECRET: 'a-production-key' });
    try {
      assert.doesNotMatch(main.output, /Playground/);
    } finally {
      assert.equal(await main.stop(), 0);
    }
  });
});
