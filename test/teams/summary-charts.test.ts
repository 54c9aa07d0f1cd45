import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText, type CardJson } from '../support/cards';
import { channel } from '../support/teams-activities';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import { seedRound } from '../core/summary-support';
import { PNG } from 'pngjs';
import { ChartLinks } from '../../src/core/charts/links';

const FORUM = channel();

function elementsOfType(node: unknown, type: string, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => elementsOfType(n, type, found));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (obj.type === type) found.push(obj);
    Object.values(obj).forEach((v) => elementsOfType(v, type, found));
  }
  return found;
}

describe('Teams: summary with trends and charts', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
    const id = await networkId(bot);
    await importActionPlan(bot.store, id, readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8'), '2025-01-06T09:00:00.000Z');
    await bot.say(people.admin, 'forum', FORUM);
    const network = (await bot.store.getNetwork(id))!;
    const deps = bot.app.core.deps;
    // This month: Recognition averages 4.0 from 6 answers (3× 4, 2× 5, 1× 2); last month 2.0 from 6 (a summary needs the threshold of 5 besides any reader's own).
    await seedRound(deps, network, { id: 'r-now', theme: 'Recognition', kind: 'likert', forumId: null, openedDaysAgo: 5, asked: 10, answers: { teams: ['4', '4', '4', '5', '5', '2'] } });
    await seedRound(deps, network, { id: 'r-before', theme: 'Recognition', kind: 'likert', forumId: null, openedDaysAgo: 40, asked: 10, answers: { teams: ['2', '2', '2', '2', '2', '2'] } });
    await seedRound(deps, network, { id: 'r-few', theme: 'Sustainability', kind: 'likert', forumId: null, openedDaysAgo: 3, asked: 10, answers: { teams: ['1', '1'] } });
  });
  afterEach(async () => {
    await bot.close();
  });

  async function summary(args = ''): Promise<CardJson> {
    const reply = await bot.say(people.chair, `summary${args ? ` ${args}` : ''}`, FORUM);
    assert.equal(reply.cards.length, 1, reply.texts.join('\n'));
    assert.ok(!JSON.stringify(reply.cards[0]).includes('${'), 'every template field is bound');
    return reply.cards[0];
  }

  it('shows per-theme averages with trend and response rate, a chart of the distribution, changes and red items', async () => {
    const owner = (await bot.say(people.owner, 'actions')).cards[0];
    await bot.press(people.owner, 'action.update', { ...actionFor(owner, 'action.edit', '1.6').data, version: 1, status: 'amber', note: 'Two schools signed up' });

    const card = await summary();
    const text = cardText(card);
    assert.match(text, /\*\*Recognition\*\* · 1 round · 6 answers of 10 asked \(60% response rate\)/);
    assert.match(text, /Agree scale \(1–5\)\n4\.0 of 5 ↑ \(was 2\.0\) · 6 answers/);
    assert.match(text, /\*\*Sustainability\*\* · 1 round · 2 answers of 10 asked \(20% response rate\)/);
    assert.match(text, /withheld: no round reached 6 answers/);

    const charts = elementsOfType(card, 'Chart.VerticalBar');
    assert.equal(charts.length, 1, 'one chart: the withheld theme has none');
    assert.match(String(charts[0].title), /Recognition/);
    assert.deepEqual(charts[0].data, [
      { x: '1', y: 0 },
      { x: '2', y: 1 },
      { x: '3', y: 0 },
      { x: '4', y: 3 },
      { x: '5', y: 2 },
    ]);
    // Where a client cannot draw the chart: its picture (in local mode, a link within the server's own page).
    const fallback = charts[0].fallback as { type: string; items: { type: string; url: string }[] };
    assert.deepEqual(fallback.items.map((i) => i.type), ['Image']);
    assert.match(fallback.items[0].url, /^\/charts\/[\w-]{22}\.png\?d=/);

    assert.match(text, /Visibility\n🔴 0 red · 🟠 3 amber · 🟢 3 green · 6 actions/);
    assert.match(text, /\*\*1\.6\*\* Raise the visibility of technical careers across the city region: 🔴 Red → 🟠 Amber \(Olu Owner, /);
    assert.match(text, /\*\*3\.4\*\* Add technical leadership.*🔴 red.*academy\.lead@example\.ac\.uk/);
    assert.match(text, /Anonymity: results appear once a pulse has closed, and only with 6 answers or more \(the threshold of 5 besides any reader’s own\)/);
  });

  it('draws the RAG position and the pulse trend, and links every chart to its picture at PUBLIC_URL', async () => {
    await bot.close();
    bot = await startWorld({ PUBLIC_URL: 'https://techvoice.example.ac.uk/' });
    const id = await networkId(bot);
    await importActionPlan(bot.store, id, readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8'), '2025-01-06T09:00:00.000Z');
    await bot.say(people.admin, 'forum', FORUM);
    const network = (await bot.store.getNetwork(id))!;
    await seedRound(bot.app.core.deps, network, { id: 'r-now', theme: 'Recognition', kind: 'likert', forumId: null, openedDaysAgo: 5, asked: 10, answers: { teams: ['4', '4', '4', '5', '5', '2'] } });
    const card = await summary();

    const [plan] = elementsOfType(card, 'Chart.VerticalBar.Grouped');
    assert.equal(plan.stacked, true);
    const series = plan.data as { legend: string; color: string; values: { x: string; y: number }[] }[];
    assert.deepEqual(series.map((s) => `${s.legend} (${s.color})`), ['Green – completed (good)', 'Amber – in progress (warning)', 'Red – not yet done (attention)']);
    assert.deepEqual(series[1].values.find((v) => v.x === 'Visibility'), { x: 'Visibility', y: 2 });
    const [trend] = elementsOfType(card, 'Chart.Line');
    assert.match(String(trend.title), /Pulse score by theme/);
    assert.deepEqual((trend.data as { legend: string; values: { y: number }[] }[]).map((s) => [s.legend, s.values.at(-1)?.y]), [['Recognition', 4]]);

    const pictures = [plan, trend, ...elementsOfType(card, 'Chart.VerticalBar')].map((chart) => elementsOfType(chart.fallback, 'Image')[0]);
    assert.equal(pictures.length, 3);
    for (const image of pictures) {
      const url = new URL(String(image.url));
      assert.equal(url.origin, 'https://techvoice.example.ac.uk', 'linked at the public address');
      assert.ok(String(image.altText).length > 40, 'every picture says what it shows');
      // Teams fetches the picture from the public address; here the same path on the test server.
      const response = await fetch(`${bot.url}${url.pathname}${url.search}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
      const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
      assert.ok(png.width >= 960 && png.height >= 480, `a chart-sized picture, not ${png.width}×${png.height}`);
    }
    assert.match(String(pictures[0].altText), /Visibility: 3 green, 2 amber, 1 red of 6/);

    // Only links the server made are drawn: an edited payload, or one signed with another key, is not.
    const { pathname, search } = new URL(String(pictures[0].url));
    const edited = search.replace(/d=(.)/, (_m, c: string) => `d=${c === 'A' ? 'B' : 'A'}`);
    assert.equal((await fetch(`${bot.url}${pathname}${edited}`)).status, 404);
    const forged = new URL(new ChartLinks('another-key', '').link({ kind: 'bars', title: 'Forged', bars: [{ x: '1', y: 1 }] }), 'http://x');
    const refused = await fetch(`${bot.url}${forged.pathname}${forged.search}`);
    assert.equal(refused.status, 404);
    assert.match(((await refused.json()) as { error: string }).error, /No such chart/);
  });

  it('narrows to a theme and a platform, and explains a filter it cannot use', async () => {
    const text = cardText(await summary('60 recognition teams'));
    assert.match(text, /Last 60 days/);
    assert.match(text, /Theme: Recognition · Teams answers and feedback only/);
    assert.doesNotMatch(text, /Sustainability/);
    assert.match((await bot.say(people.chair, 'summary here', channel('19:other@thread.tacv2', 'Elsewhere'))).texts[0], /\*\*here\*\* works in a registered forum channel/);
    assert.match((await bot.say(people.chair, 'summary 30 parking', FORUM)).texts[0], /whole number from 1 to 365.*theme/);
  });
});
