import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createApp } from '../../src/app';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/core/store';
import { SlackHarness } from '../support/slack-harness';
import { SLACK_TEAM } from '../support/fake-slack';
import { slackSignature } from '../support/slack-signing';
import { FakeConnector } from '../support/fake-connector';
import { invoke, TENANT, type TeamsUser } from '../support/teams-activities';
import { inPool, newLedger, openRound, type Ledger } from './support/submissions';

const ALL_TIME = ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;
const USERS = 500;
const ROUND = { teams: 'load-round-teams', slack: 'load-round-slack' } as const;

const teamsUser = (n: number): TeamsUser => ({ id: `29:load-${n}`, name: `Load ${n}`, aadObjectId: `aad-load-${n}` });
const slackUser = (n: number) => ({ id: `U0LOAD${n}`, name: `Load ${n}`, email: `load${n}@example.ac.uk` });
const feedbackText = (formId: string) => `Load feedback ${formId}`;

/** One person's four submissions, in order: answer, feedback, changed answer, more feedback. */
function plan(n: number): { kind: 'answer' | 'feedback'; value: string }[] {
  return [
    { kind: 'answer', value: String(1 + (n % 5)) },
    { kind: 'feedback', value: randomUUID() },
    { kind: 'answer', value: String(1 + ((n + 2) % 5)) },
    { kind: 'feedback', value: randomUUID() },
  ];
}

/** Checks the store against what was acknowledged: every acknowledged item once, answers last value wins. */
async function verify(store: Store, networkId: string, roundId: string, platform: 'teams' | 'slack', ledgers: Map<string, Ledger>, exact: boolean): Promise<{ answers: number; feedback: number }> {
  const feedback = await store.listFeedback(networkId, ...ALL_TIME);
  const byText = new Map<string, number>();
  for (const f of feedback) byText.set(f.text, (byText.get(f.text) ?? 0) + 1);
  for (const [count] of [...byText.values()].map((c) => [c])) assert.equal(count, 1, 'no feedback is stored twice');
  const answers = await store.listAnswers(roundId);
  const answerOf = new Map<string, string>();
  for (const a of answers) answerOf.set(a.memberId ?? '', a.value);
  assert.equal(answerOf.size, answers.length, 'one answer per person per round');
  for (const [userId, ledger] of ledgers) {
    for (const formId of ledger.feedbackAcked) assert.equal(byText.get(feedbackText(formId)), 1, `acknowledged feedback ${formId} of ${userId} is stored once`);
    const lastAcked = ledger.answers.map((a) => a.acked).lastIndexOf(true);
    if (lastAcked < 0) continue;
    const member = await store.findMember(networkId, platform, userId);
    assert.ok(member, `${userId} is a member`);
    const stored = answerOf.get(member.id);
    // The last acknowledged value, or a later one that was sent but whose answer was lost with the server.
    const allowed = ledger.answers.slice(lastAcked).map((a) => a.value);
    assert.ok(stored !== undefined && (exact ? stored === ledger.answers[ledger.answers.length - 1].value : allowed.includes(stored)), `${userId}'s answer is ${stored}, expected one of ${allowed.join(', ')}`);
  }
  if (exact) {
    const sent = [...ledgers.values()].reduce((sum, l) => sum + l.feedbackSent.size, 0);
    assert.equal(feedback.length, sent, 'every feedback item sent is stored');
  }
  return { answers: answers.length, feedback: feedback.length };
}

describe('Load: nothing lost, nothing twice', function () {
  this.timeout(300_000);

  it(`${(USERS * 4).toLocaleString('en-GB')} concurrent card submissions from ${USERS} people on Teams and Slack, with duplicates, double clicks and Slack retries`, async () => {
    const h = await SlackHarness.start({ LOG_LEVEL: 'silent' });
    try {
      const teamsNetwork = await openRound(h.bot.app.core, h.store, 'teams', TENANT, ROUND.teams);
      const slackNetwork = await openRound(h.bot.app.core, h.store, 'slack', SLACK_TEAM, ROUND.slack);
      const ledgers = { teams: new Map<string, Ledger>(), slack: new Map<string, Ledger>() };
      let requests = 0;
      let duplicates = 0;

      const teamsSubmit = async (who: TeamsUser, data: Record<string, unknown>): Promise<string> => {
        const activity = invoke(h.bot.connector.url, who, String(data.verb), data);
        const copies = Math.random() < 0.15 ? 2 : 1; // a double click, or Teams delivering the same activity id again
        duplicates += copies - 1;
        const results = await Promise.all(Array.from({ length: copies }, () => h.bot.post(activity)));
        requests += copies;
        const ok = results.find((r) => r.status === 200);
        return ok ? JSON.stringify(ok.body) : '';
      };
      const slackSubmit = async (who: ReturnType<typeof slackUser>, data: Record<string, unknown>): Promise<boolean> => {
        const body = new URLSearchParams({
          payload: JSON.stringify({
            type: 'block_actions',
            team: { id: SLACK_TEAM, domain: 'technet' },
            user: { id: who.id, username: who.name, team_id: SLACK_TEAM },
            api_app_id: 'A0TECHVOICE',
            trigger_id: `t-${randomUUID()}`,
            response_url: h.slack.responseUrl(),
            container: { type: 'message', message_ts: '1700000000.000001', channel_id: `D${who.id}`, is_ephemeral: false },
            channel: { id: `D${who.id}`, name: 'directmessage' },
            message: { type: 'message', ts: '1700000000.000001', text: 'card', blocks: [] },
            state: { values: {} },
            actions: [{ type: 'button', action_id: `${data.verb}#0`, block_id: 'b', value: JSON.stringify(data), text: { type: 'plain_text', text: 'Send' }, action_ts: `${Date.now() / 1000}${Math.random()}` }],
          }),
        }).toString();
        const headers = slackSignature(body);
        const sends = [headers];
        if (Math.random() < 0.1) sends.push({ ...headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
        if (Math.random() < 0.05) sends.push(headers); // a double click that reached us twice
        duplicates += sends.length - 1;
        const shown = () => h.slack.calls.filter((c) => c.method === 'chat.update' && c.args.channel === `D${who.id}`).length;
        const before = shown();
        const results = await Promise.all(sends.map((hd) => fetch(`${h.bot.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...hd }, body })));
        requests += sends.length;
        if (!results.some((r) => r.status === 200)) return false;
        // Slack acks first and works after: the person sees the card change before they click again.
        const until = Date.now() + 10_000;
        while (shown() === before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        return shown() > before;
      };

      const people = Array.from({ length: USERS }, (_, n) => n);
      const started = Date.now();
      await inPool(people, 100, async (n) => {
        const onSlack = n % 2 === 1;
        const id = onSlack ? slackUser(n).id : teamsUser(n).id;
        const ledger = newLedger();
        (onSlack ? ledgers.slack : ledgers.teams).set(id, ledger);
        if (onSlack) h.slack.addUser(slackUser(n));
        for (const step of plan(n)) {
          const data =
            step.kind === 'answer'
              ? { verb: 'pulse.answer', cv: 1, roundId: onSlack ? ROUND.slack : ROUND.teams, answer: step.value }
              : { verb: 'feedback.submit', cv: 1, formId: step.value, theme: 'Recognition', text: feedbackText(step.value), anonymous: 'true' };
          let acked: boolean;
          if (onSlack) acked = await slackSubmit(slackUser(n), data);
          else {
            const card = await teamsSubmit(teamsUser(n), data);
            acked = step.kind === 'answer' ? /your answer/i.test(card) : /FB-\d+/.test(card);
          }
          if (step.kind === 'answer') ledger.answers.push({ value: step.value, acked });
          else {
            ledger.feedbackSent.add(step.value);
            if (acked) ledger.feedbackAcked.add(step.value);
          }
        }
      });
      const seconds = (Date.now() - started) / 1000;
      // Slack work finishes after the ack: wait for the fake Slack API to go quiet.
      let calls = -1;
      while (calls !== h.slack.calls.length) {
        calls = h.slack.calls.length;
        await new Promise((r) => setTimeout(r, 500));
      }
      const teams = await verify(h.store, teamsNetwork, ROUND.teams, 'teams', ledgers.teams, true);
      const slack = await verify(h.store, slackNetwork, ROUND.slack, 'slack', ledgers.slack, true);
      console.log(`      ${requests} requests (${duplicates} duplicates) in ${seconds.toFixed(1)} s; stored: Teams ${teams.answers} answers, ${teams.feedback} feedback; Slack ${slack.answers} answers, ${slack.feedback} feedback`);
      assert.equal(teams.answers + slack.answers, USERS);
      assert.equal(teams.feedback + slack.feedback, USERS * 2);
    } finally {
      await h.close();
    }
  });

  it('kill -9 of the server during that load: after a restart every acknowledged submission is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-kill-'));
    const db = join(dir, 'techvoice.db');
    const connector = await new FakeConnector().start();
    const env = { TECHVOICE_DB: db, TECHVOICE_SECRET: 'load-secret', SCHEDULER: 'off', DEMO_DATA: 'off', PLAYGROUND: 'off', LOG_LEVEL: 'info' };
    let networkId = '';
    {
      const setup = await createApp(loadConfig({ ...env, PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent'));
      networkId = await openRound(setup.core, setup.store, 'teams', TENANT, ROUND.teams);
      await setup.close(); // releases the store and the server lock before the real server starts
    }
    let child = await startServer(env);
    const ledgers = new Map<string, Ledger>();
    let acked = 0;
    let refused = 0;
    try {
      const people = Array.from({ length: USERS }, (_, n) => n);
      const killAt = 600;
      let killed = false;
      await inPool(people, 50, async (n) => {
        const who = teamsUser(n);
        const ledger = newLedger();
        ledgers.set(who.id, ledger);
        for (const step of plan(n)) {
          const data =
            step.kind === 'answer'
              ? { verb: 'pulse.answer', cv: 1, roundId: ROUND.teams, answer: step.value }
              : { verb: 'feedback.submit', cv: 1, formId: step.value, theme: 'Recognition', text: feedbackText(step.value), anonymous: 'true' };
          let card = '';
          try {
            const response = await fetch(`${child.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke(connector.url, who, String(data.verb), data)) });
            card = response.status === 200 ? await response.text() : '';
          } catch {
            refused++;
          }
          const ok = step.kind === 'answer' ? /your answer/i.test(card) : /FB-\d+/.test(card);
          if (ok) acked++;
          if (step.kind === 'answer') ledger.answers.push({ value: step.value, acked: ok });
          else {
            ledger.feedbackSent.add(step.value);
            if (ok) ledger.feedbackAcked.add(step.value);
          }
          if (!killed && acked >= killAt) {
            killed = true;
            child.process.kill('SIGKILL');
          }
          if (killed) return;
        }
      });
      assert.ok(acked >= killAt, `the server acknowledged ${acked} submissions before it was killed`);
      await new Promise((resolve) => (child.process.exitCode !== null || child.process.signalCode ? resolve(null) : child.process.once('exit', resolve)));
      child = await startServer(env);
      const store = await SqliteStore.open(db);
      try {
        const figures = await verify(store, networkId, ROUND.teams, 'teams', ledgers, false);
        console.log(`      killed after ${acked} acknowledged submissions (${refused} refused while down); after restart: ${figures.answers} answers, ${figures.feedback} feedback stored`);
      } finally {
        await store.close();
      }
      // And the restarted server takes new submissions.
      const after = await fetch(`${child.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke(connector.url, teamsUser(0), 'pulse.answer', { verb: 'pulse.answer', cv: 1, roundId: ROUND.teams, answer: '5' })) });
      assert.match(await after.text(), /your answer/i);
    } finally {
      child.process.kill('SIGKILL');
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The real server in its own process (`node --require tsx/cjs src/main.ts`), on a free port. */
async function startServer(env: Record<string, string>): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '--no-deprecation', join(__dirname, '../../src/main.ts')], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number };
        if (typeof entry.port === 'number') resolve(entry.port);
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { process: child, url: `http://127.0.0.1:${port}` };
}
