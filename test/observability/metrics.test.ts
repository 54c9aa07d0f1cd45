import { strict as assert } from 'node:assert';
import { startWorld, people } from '../support/teams-world';
import { BotHarness } from '../support/bot-harness';
import { actionFor } from '../support/cards';
import { conversationIdOf, personal } from '../support/teams-activities';

/** The value of one sample in Prometheus' text format (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}'));
    const have = inside.split(',');
    if (wanted.every((w) => have.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

async function scrape(bot: BotHarness, headers: Record<string, string> = {}): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(`${bot.url}/metrics`, { headers });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('Observability: /metrics', () => {
  describe('in local mode (on by default)', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await startWorld();
    });
    after(async () => {
      await bot.close();
    });

    it('counts HTTP requests by route and status', async () => {
      const before = await scrape(bot);
      assert.equal(before.status, 200);
      assert.match(before.type, /text\/plain/);
      const posts = sample(before.text, 'techvoice_http_requests_total', { method: 'POST', route: '/api/messages', status: '200' });
      await bot.say(people.member, 'help');
      await bot.say(people.member, 'help');
      const bad = await bot.post({ type: 'message' });
      assert.equal(bad.status, 400);
      const after = (await scrape(bot)).text;
      assert.equal(sample(after, 'techvoice_http_requests_total', { method: 'POST', route: '/api/messages', status: '200' }), posts + 2);
      assert.equal(sample(after, 'techvoice_http_requests_total', { method: 'POST', route: '/api/messages', status: '400' }), 1);
      await fetch(`${bot.url}/no-such-page`);
      assert.equal(sample((await scrape(bot)).text, 'techvoice_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }), 1);
    });

    it('counts card actions by verb and result', async () => {
      const { cards } = await bot.say(people.member, 'feedback');
      const submit = actionFor(cards[0], 'feedback.submit');
      await bot.press(people.member, 'feedback.submit', { ...submit.data, theme: 'Recognition', text: 'Counted once', anonymous: 'true' });
      await bot.press(people.member, 'feedback.submit', { ...submit.data, theme: 'Parking', text: 'Wrong theme', anonymous: 'true' });
      await bot.press(people.member, 'no.such.verb', { cv: 1 });
      const text = (await scrape(bot)).text;
      assert.equal(sample(text, 'techvoice_card_actions_total', { platform: 'teams', verb: 'feedback.submit', result: 'done' }), 1);
      assert.equal(sample(text, 'techvoice_card_actions_total', { platform: 'teams', verb: 'feedback.submit', result: 'refused' }), 1);
      assert.equal(sample(text, 'techvoice_card_actions_total', { platform: 'teams', verb: 'unknown', result: 'refused' }), 1);
    });

    it('counts outbox sends, retries, failures and unreachable recipients by platform', async () => {
      const before = (await scrape(bot)).text;
      const sentBefore = sample(before, 'techvoice_outbox_sends_total', { platform: 'teams' });
      // The pulse goes to five people: one throttled, one failed once, one who removed the bot.
      bot.connector.failAlways.set(conversationIdOf(people.otherOwner, personal), 403);
      const list = (await bot.say(people.chair, 'pulse')).cards[0];
      const form = await bot.press(people.chair, 'pulse.new', actionFor(list, 'pulse.new').data);
      bot.connector.failNext.push({ status: 429, retryAfter: 1 }, { status: 500 });
      await bot.press(people.chair, 'pulse.create', {
        ...actionFor(form, 'pulse.create').data,
        text: 'Counting sends',
        kind: 'likert',
        choices: '',
        theme: 'Visibility',
        audience: 'members',
        closesDate: futureDate(7),
        closesTime: '17:00',
        anonymous: 'true',
      });
      let text = '';
      const until = Date.now() + 15_000;
      while (Date.now() < until) {
        await bot.app.outbox.drain();
        text = (await scrape(bot)).text;
        if (sample(text, 'techvoice_outbox_sends_total', { platform: 'teams' }) >= sentBefore + 4) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(sample(text, 'techvoice_outbox_sends_total', { platform: 'teams' }), sentBefore + 4);
      assert.equal(sample(text, 'techvoice_outbox_retries_total', { platform: 'teams', reason: 'throttled' }), 1);
      assert.equal(sample(text, 'techvoice_outbox_retries_total', { platform: 'teams', reason: 'failed' }), 1);
      assert.equal(sample(text, 'techvoice_outbox_failures_total', { platform: 'teams' }), 2);
      assert.equal(sample(text, 'techvoice_outbox_unreachable_total', { platform: 'teams' }), 1);
    });

    it('reports process figures such as resident memory', async () => {
      const rss = /^techvoice_process_resident_memory_bytes (\d+)/m.exec((await scrape(bot)).text);
      assert.ok(rss && Number(rss[1]) > 10_000_000, 'resident memory is reported in bytes');
    });
  });

  it('is off (404) in production mode unless METRICS=on', async () => {
    const bot = await BotHarness.start({ MicrosoftAppId: 'prod-app-id', MicrosoftAppPassword: 'unused' });
    try {
      assert.equal((await scrape(bot)).status, 404);
    } finally {
      await bot.close();
    }
  });

  it('is off (404) when METRICS=off, even in local mode', async () => {
    const bot = await BotHarness.start({ METRICS: 'off' });
    try {
      assert.equal((await scrape(bot)).status, 404);
    } finally {
      await bot.close();
    }
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const bot = await BotHarness.start({ MicrosoftAppId: 'prod-app-id', MicrosoftAppPassword: 'unused', METRICS: 'on', METRICS_TOKEN: 's3cret-scrape-token' });
    try {
      assert.equal((await scrape(bot)).status, 401);
      assert.equal((await scrape(bot, { authorization: 'Bearer wrong-token-of-any-size' })).status, 401);
      const ok = await scrape(bot, { authorization: 'Bearer s3cret-scrape-token' });
      assert.equal(ok.status, 200);
      assert.match(ok.text, /techvoice_http_requests_total/);
    } finally {
      await bot.close();
    }
  });
});
