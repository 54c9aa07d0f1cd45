import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { CARD_ACTIONS } from '../../src/core/registry';
import type { Store } from '../../src/core/store';
import { startSlackWorld, slackPeople } from '../support/slack-world';
import type { SlackHarness } from '../support/slack-harness';
import { SLACK_TEAM } from '../support/fake-slack';
import { slackSignature } from '../support/slack-signing';
import { people, emails } from '../support/teams-world';
import { channel, invoke, message, personal, submit, type TeamsUser } from '../support/teams-activities';
import { Random, brokenCardData, junk, mutate, text, VALID_FEEDBACK } from './payloads';

const TOTAL = Number(process.env.FUZZ_PAYLOADS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_611);
const CONCURRENCY = 16;
/**
 * Slack payloads are mutated inside and out: a signed payload without a user, a view or an
 * event object gets 400. FUZZ_SLACK_ENVELOPE=off mutates only what is inside Slack's shape.
 */
const SLACK_ENVELOPE = process.env.FUZZ_SLACK_ENVELOPE !== 'off';
const inside = (roots: string[]) => (SLACK_ENVELOPE ? null : roots);
/** Bot Framework's answer for an invoke a bot does not implement (e.g. signin/verifyState): what Teams expects. */
const NOT_IMPLEMENTED = 501;
const VERBS = CARD_ACTIONS.map((action) => action.verb);
const ALL_TIME = ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;
/** Commands that only show things (a chair's summary or export is audited, so not here): a fuzzed message may be any of these, or junk. */
const READ_ONLY = ['help', 'feedback', 'pulse', 'actions', 'my data', 'inbox', 'roles', 'audit', 'hello', 'forget me'];

/**
 * Everything a person could notice in the store. Members are compared by who they are and
 * what they may do (names and addresses are refreshed from the platform on every contact);
 * a network or member created on first contact by a new sender is not a change.
 */
async function snapshot(store: Store, known?: { networks: Set<string>; members: Set<string> }) {
  const state: Record<string, unknown> = {};
  const networks = new Set<string>();
  const members = new Set<string>();
  for (const network of await store.listNetworks()) {
    networks.add(network.id);
    const n = network.id;
    const rounds = await store.listRounds(n, ...ALL_TIME);
    const roster = (await store.listMembers(n)).filter((m) => !known || known.members.has(m.id));
    roster.forEach((m) => members.add(m.id));
    state[n] = {
      network: !known || known.networks.has(n) ? network : 'new on first contact',
      members: roster.map((m) => ({ id: m.id, platform: m.platform, platformUserId: m.platformUserId, roles: m.roles, unreachable: m.unreachable })),
      forums: await store.listForums(n),
      feedback: await store.listFeedback(n, ...ALL_TIME),
      questions: await store.listPulseQuestions(n),
      rounds,
      answers: await Promise.all(rounds.map((round) => store.listAnswers(round.id))),
      actions: await store.listActions(n),
      updates: await store.listActionUpdatesInPeriod(n, ...ALL_TIME),
      audit: await store.listAudit(n, ...ALL_TIME),
    };
  }
  return { state, networks, members };
}

function teamsPayload(r: Random, serviceUrl: string): { body: string } {
  const from: TeamsUser = r.chance(0.9) ? r.pick(Object.values(people)) : { id: `29:${r.id()}`, name: text(r), aadObjectId: r.id() };
  const where = r.chance(0.8) ? personal : channel();
  let activity: Record<string, unknown>;
  switch (r.int(6)) {
    case 0:
      activity = message(serviceUrl, from, r.chance(0.5) ? r.pick(READ_ONLY) : text(r), where);
      break;
    case 1:
    case 2: {
      const verb = r.pick(VERBS);
      const data = brokenCardData(r, verb, verb === 'feedback.submit' ? VALID_FEEDBACK() : {});
      activity = invoke(serviceUrl, from, verb, data, where);
      // Teams carries the verb beside the data: the adapter reads it from there.
      (activity.value as { action: Record<string, unknown> }).action.verb = data.verb;
      break;
    }
    case 3: {
      const verb = r.pick(VERBS);
      activity = submit(serviceUrl, from, brokenCardData(r, verb, verb === 'feedback.submit' ? VALID_FEEDBACK() : {}), where);
      break;
    }
    case 4:
      activity = { ...message(serviceUrl, from, 'help', where), type: r.pick(['typing', 'messageReaction', 'event', 'invoke', 'endOfConversation', 'handoff', r.id(), '']), name: r.pick(['adaptiveCard/action', 'fileConsent/invoke', 'signin/verifyState', r.id()]), value: junk(r) };
      break;
    default:
      activity = invoke(serviceUrl, from, r.pick(VERBS), { verb: r.pick(VERBS), cv: 1 }, where);
      (activity.value as Record<string, unknown>).action = junk(r);
  }
  // Never point replies anywhere but the local connector (a mutated serviceUrl is not a URL
  // at all), and leave the card data as broken as brokenCardData made it.
  const protect = ['serviceUrl', 'value'];
  for (let i = r.int(4); i > 0; i--) mutate(r, activity, protect);
  if (r.chance(0.05)) activity.serviceUrl = r.pick([undefined, 42, 'not a url', 'ftp://x', '']);
  switch (r.int(40)) {
    case 0:
      return { body: JSON.stringify(activity).slice(0, 1 + r.int(200)) };
    case 1:
      return { body: JSON.stringify(r.pick([[], 'text', 42, null, true])) };
    case 2:
      return { body: `${JSON.stringify(activity)}${'x'.repeat(300_000)}` };
    default:
      return { body: JSON.stringify(activity) };
  }
}

function slackPayload(r: Random, responseUrl: string): { body: string; contentType: string } {
  const user = r.chance(0.9) ? r.pick(Object.values(slackPeople)) : { id: `U${r.id().toUpperCase()}`, name: text(r) };
  const team = r.chance(0.95) ? SLACK_TEAM : `T${r.id().toUpperCase()}`;
  const form = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' });
  const verb = r.pick(VERBS);
  const data = () => brokenCardData(r, verb, verb === 'feedback.submit' ? VALID_FEEDBACK() : {});
  let payload: Record<string, unknown>;
  switch (r.int(5)) {
    case 0: {
      const fields: Record<string, unknown> = { team_id: team, channel_id: `D${user.id}`, channel_name: 'directmessage', user_id: user.id, user_name: 'fuzz', command: '/techvoice', text: r.chance(0.5) ? r.pick(READ_ONLY) : text(r), response_url: responseUrl, trigger_id: `t-${r.id()}` };
      mutate(r, fields, ['response_url']);
      return form(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])));
    }
    case 1:
      payload = {
        type: 'event_callback',
        team_id: team,
        api_app_id: 'A0TECHVOICE',
        event_id: `Ev${r.id()}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: r.pick(['message', 'app_mention', 'app_home_opened', 'reaction_added', r.id()]), channel_type: 'im', channel: `D${user.id}`, user: user.id, text: r.chance(0.5) ? r.pick(READ_ONLY) : text(r), ts: `${Date.now() / 1000}` },
      };
      for (let i = r.int(4); i > 0; i--) mutate(r, payload, [], inside(['event.text', 'event.ts', 'event.channel_type', 'event_time', 'api_app_id']));
      return { body: JSON.stringify(payload), contentType: 'application/json' };
    case 2:
    case 3:
      payload = {
        type: 'block_actions',
        team: { id: team, domain: 'technet' },
        user: { id: user.id, username: user.name, team_id: team },
        api_app_id: 'A0TECHVOICE',
        trigger_id: `t-${r.id()}`,
        response_url: responseUrl,
        container: { type: 'message', message_ts: '1700000000.000001', channel_id: `D${user.id}`, is_ephemeral: r.chance(0.5) },
        channel: { id: `D${user.id}`, name: 'directmessage' },
        message: { type: 'message', ts: '1700000000.000001', text: 'x', blocks: [] },
        state: { values: {} },
        actions: [{ type: 'button', action_id: `${verb}#${r.int(9)}`, block_id: 'b', value: r.chance(0.9) ? JSON.stringify(data()) : text(r), text: { type: 'plain_text', text: 'Go' }, action_ts: `${Date.now() / 1000}${r.id()}` }],
      };
      for (let i = r.int(4); i > 0; i--) mutate(r, payload, ['response_url', 'actions.0.value', 'actions.0.action_id'], inside(['message', 'state.values', 'actions.0.text', 'actions.0.block_id', 'actions.0.action_ts', 'channel.name', 'container.message_ts', 'container.is_ephemeral', 'trigger_id', 'api_app_id', 'team.domain', 'user.username']));
      break;
    default:
      payload = {
        type: 'view_submission',
        team: { id: team, domain: 'technet' },
        user: { id: user.id, name: user.name, team_id: team },
        api_app_id: 'A0TECHVOICE',
        trigger_id: `t-${r.id()}`,
        view: { id: 'V0MODAL', type: 'modal', callback_id: 'techvoice.form', private_metadata: r.chance(0.9) ? JSON.stringify({ data: data(), channel: null, origin: 'message' }) : text(r), state: { values: {} }, blocks: [] },
      };
      for (let i = r.int(4); i > 0; i--) mutate(r, payload, ['view.private_metadata', 'view.callback_id'], inside(['view.state.values', 'view.blocks', 'view.id', 'user.name', 'team.domain', 'trigger_id', 'api_app_id']));
  }
  const json = JSON.stringify(payload);
  return form({ payload: r.chance(0.03) ? json.slice(0, r.int(json.length)) : json });
}

/** How a request's body travels: as it is, compressed, or as an upload. Only "as it is" reaches the bot. */
type Wrapping = 'plain' | 'compressed' | 'multipart';
const ENCODINGS: [string, (body: Buffer) => Buffer][] = [
  ['gzip', gzipSync],
  ['deflate', deflateSync],
  ['br', brotliCompressSync],
  [' GZIP ', gzipSync],
  ['x-gzip', gzipSync],
  ['gzip, identity', gzipSync],
];

/** About one request in ten is compressed (415) or sent as a multipart upload (415); the body inside is a real payload. */
function wrap(r: Random, body: string, contentType: string): { wrapping: Wrapping; body: Buffer; headers: Record<string, string> } {
  const raw = Buffer.from(body);
  if (r.chance(0.05)) {
    const [encoding, compress] = r.pick(ENCODINGS);
    // Sometimes the label lies (a compressed body under identity is just bytes, and gets a 400 or is ignored).
    return { wrapping: 'compressed', body: compress(raw), headers: { 'content-type': contentType, 'content-encoding': encoding } };
  }
  if (r.chance(0.05)) {
    const boundary = `----fuzz${r.id()}`;
    const part = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="p.bin"\r\nContent-Type: ${contentType}\r\n\r\n`), raw, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return { wrapping: 'multipart', body: part, headers: { 'content-type': r.pick([`multipart/form-data; boundary=${boundary}`, `Multipart/Mixed; boundary=${boundary}`]) } };
  }
  return { wrapping: 'plain', body: raw, headers: { 'content-type': contentType } };
}

const uploads = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('upload_'));

async function inPool<T>(items: T[], worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await worker(items[next++]);
  }));
}

describe('Fuzz: random and mutated payloads at /api/messages and /slack/events', function () {
  this.timeout(120_000);
  let h: SlackHarness;
  before(async () => {
    // The per-person limits would refuse most of these before the code under test: they have their own test (test/core/rate-limits.test.ts).
    h = await startSlackWorld({ FEEDBACK_RATE_LIMIT: 'off', COMMAND_RATE_LIMIT: 'off', PRESS_RATE_LIMIT: 'off' });
    for (const person of Object.values(people)) {
      h.bot.connector.addUser({ id: person.id, name: person.name, email: emails[person.id] });
      await h.bot.say(person, 'hello');
    }
  });
  after(async () => {
    await h?.close();
  });

  it(`${TOTAL.toLocaleString('en-GB')} payloads (seed ${SEED}): no crash, no 5xx, nothing stored`, async () => {
    const before = await snapshot(h.store);
    const uploadsBefore = uploads();
    const r = new Random(SEED);
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    const jobs = Array.from({ length: TOTAL }, (_, n) => n);
    const started = Date.now();
    await inPool(jobs, async (n) => {
      const toSlack = n % 2 === 1;
      const payload = toSlack ? slackPayload(r, h.slack.responseUrl()) : { ...teamsPayload(r, h.bot.connector.url), contentType: 'application/json' };
      const path = toSlack ? '/slack/events' : '/api/messages';
      const sent = wrap(r, payload.body, payload.contentType);
      const headers: Record<string, string> = { ...sent.headers, ...(toSlack ? slackSignature(payload.body) : {}) };
      if (toSlack && r.chance(0.05)) headers['x-slack-retry-num'] = '1';
      const response = await fetch(`${h.bot.url}${path}`, { method: 'POST', headers, body: new Uint8Array(sent.body) });
      await response.arrayBuffer();
      if (sent.wrapping !== 'plain' && response.status !== 415 && failures.length < 5) failures.push(`#${n} ${sent.wrapping} ${JSON.stringify(sent.headers)} at ${path}: ${response.status}, not 415`);
      const key = `${path} ${sent.wrapping === 'plain' ? '' : `${sent.wrapping} `}${response.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      const unimplementedInvoke = !toSlack && response.status === NOT_IMPLEMENTED && /"type":"invoke"/.test(payload.body) && !/"name":"adaptiveCard\/action"/.test(payload.body);
      if (response.status >= 500 && !unimplementedInvoke && failures.length < 5) failures.push(`#${n} ${key}: ${payload.body.slice(0, 600)}`);
    });
    const ms = Date.now() - started;
    // Slack work goes on after the ack: wait until the fake Slack API has gone quiet.
    let calls = -1;
    while (calls !== h.slack.calls.length) {
      calls = h.slack.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    console.log(`      ${TOTAL} payloads in ${(ms / 1000).toFixed(1)} s:`, Object.fromEntries([...statuses].sort()));
    assert.deepEqual(failures, [], `5xx answers, or compressed or multipart bodies not refused (reproduce with FUZZ_SEED=${SEED})`);
    assert.deepEqual(uploads(), uploadsBefore, 'no upload reached the temp folder');
    const health = await fetch(`${h.bot.url}/healthz`);
    assert.equal(health.status, 200);
    const after = await snapshot(h.store, before);
    const changed = Object.keys(before.state).flatMap((n) =>
      Object.keys(before.state[n] as object)
        .filter((k) => JSON.stringify((before.state[n] as Record<string, unknown>)[k]) !== JSON.stringify((after.state[n] as Record<string, unknown> | undefined)?.[k]))
        .map((k) => `${n}.${k}`),
    );
    for (const path of changed) {
      const [n, k] = path.split('.');
      console.log(path, JSON.stringify((before.state[n] as Record<string, unknown>)[k]).slice(0, 1500), '\n=>', JSON.stringify((after.state[n] as Record<string, unknown>)[k]).slice(0, 1500));
    }
    assert.deepEqual(changed, [], 'stored state changed');
    assert.deepEqual(after.state, { ...before.state, ...Object.fromEntries(Object.keys(after.state).filter((id) => !before.networks.has(id)).map((id) => [id, after.state[id]])) });
    for (const id of Object.keys(after.state).filter((n) => !before.networks.has(n))) {
      const added = after.state[id] as Record<string, unknown[]>;
      for (const kind of ['forums', 'feedback', 'questions', 'rounds', 'actions', 'updates', 'audit']) {
        assert.deepEqual(added[kind], [], `a network created on first contact holds no ${kind}`);
      }
    }
    // Still answers a real request the ordinary way afterwards.
    const { cards } = await h.bot.say(people.member, 'help');
    assert.ok(cards.length > 0, 'help still answers with a card');
  });
});
