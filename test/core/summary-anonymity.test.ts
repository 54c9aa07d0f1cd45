import { strict as assert } from 'node:assert';
import type { Network, Platform, Theme } from '../../src/core/model';
import { THEMES } from '../../src/core/model';
import { summaryFigures, type SummaryFigures, type SummaryFilters } from '../../src/core/summary/summary-figures';
import { aNetwork, openDeps, seedRound, type TestDeps } from './summary-support';

const THRESHOLD = 5;
const fives = (n: number, value = '4') => Array.from({ length: n }, () => value);

interface View {
  days: number;
  filters: SummaryFilters;
}

/** What a chair can read off a summary: answer counts per value, per theme scale and per round. */
function observed(figures: SummaryFigures): Map<string, Map<string, number>> {
  const cells = new Map<string, Map<string, number>>();
  for (const theme of figures.themes) {
    for (const scale of theme.scales) {
      if (scale.mean === null) continue;
      cells.set(`${theme.theme}/${scale.scale}`, new Map(scale.distribution.map((d) => [d.label, d.count])));
    }
  }
  for (const round of figures.rounds) {
    if (round.shown) cells.set(`round ${round.round.id}`, new Map(round.counts.map((c) => [c.value, c.count])));
  }
  return cells;
}

/** True when every answer behind `inner` is also behind `outer`, judging by the filters alone. */
function nested(outer: View, inner: View): boolean {
  const within = <T>(o: T | null, i: T | null) => o === null || o === i;
  return (
    outer.days >= inner.days &&
    within(outer.filters.theme, inner.filters.theme) &&
    within(outer.filters.forumId, inner.filters.forumId) &&
    within(outer.filters.platform, inner.filters.platform)
  );
}

describe('summary anonymity', () => {
  let deps: TestDeps;
  let network: Network;
  const views: View[] = [];
  for (const days of [7, 14, 30, 60, 90]) {
    for (const theme of [null, ...THEMES] as (Theme | null)[]) {
      for (const forumId of [null, 'forum-a', 'forum-b']) {
        for (const platform of [null, 'teams', 'slack'] as (Platform | null)[]) views.push({ days, filters: { theme, forumId, platform } });
      }
    }
  }

  before(async () => {
    deps = openDeps();
    network = await aNetwork(deps, 'n-anon', THRESHOLD);
    // 7 on Teams and 2 on Slack: the round may be shown, a split by platform may not.
    await seedRound(deps, network, { id: 'r-rec-split', theme: 'Recognition', kind: 'likert', forumId: 'forum-a', openedDaysAgo: 3, asked: 20, answers: { teams: fives(7, '4'), slack: ['1', '1'] } });
    await seedRound(deps, network, { id: 'r-rec-even', theme: 'Recognition', kind: 'likert', forumId: 'forum-b', openedDaysAgo: 10, asked: 20, answers: { teams: fives(6, '3'), slack: fives(6, '5') } });
    // Three answers: withheld, and never part of any average, chart or total.
    await seedRound(deps, network, { id: 'r-vis-small', theme: 'Visibility', kind: 'likert', forumId: 'forum-a', openedDaysAgo: 20, asked: 20, answers: { teams: ['1', '1', '1'] } });
    await seedRound(deps, network, { id: 'r-vis-nps', theme: 'Visibility', kind: 'nps', forumId: null, openedDaysAgo: 40, asked: 30, answers: { teams: fives(5, '7'), slack: fives(5, '9') } });
    await seedRound(deps, network, { id: 'r-rec-old-small', theme: 'Recognition', kind: 'likert', forumId: 'forum-a', openedDaysAgo: 45, asked: 20, answers: { slack: ['2', '2', '2', '2'] } });
    await seedRound(deps, network, { id: 'r-car-yesno', theme: 'Career Development', kind: 'yesno', forumId: 'forum-b', openedDaysAgo: 5, asked: 10, answers: { teams: fives(5, 'yes'), slack: ['no'] } });
    // Still open, with plenty of answers: nothing but its count is shown until it closes.
    await seedRound(deps, network, { id: 'r-car-open', theme: 'Career Development', kind: 'likert', forumId: 'forum-b', openedDaysAgo: 1, asked: 20, answers: { teams: fives(8, '4'), slack: fives(7, '2') } });
    await seedRound(deps, network, { id: 'r-sus', theme: 'Sustainability', kind: 'likert', forumId: 'forum-b', openedDaysAgo: 50, asked: 12, answers: { teams: fives(5, '2'), slack: fives(5, '3') } });
  });
  after(async () => {
    await deps.close();
  });

  async function figuresOf(view: View): Promise<SummaryFigures> {
    return summaryFigures(deps, { network, audienceName: 'Forum', days: view.days, filters: view.filters });
  }

  it('never shows a distribution of fewer than the threshold besides any one reader’s own answer', async () => {
    for (const view of views) {
      for (const [cell, counts] of observed(await figuresOf(view))) {
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        assert.ok(total - 1 >= THRESHOLD, `${JSON.stringify(view)} shows ${cell} with ${total} answers`);
      }
    }
  });

  it('never shows a round that is still open, in any view, and leaves it out of every average', async () => {
    let checked = 0;
    for (const view of views) {
      const figures = await figuresOf(view);
      const open = figures.rounds.find((r) => r.round.id === 'r-car-open');
      if (!open) continue;
      checked++;
      assert.equal(open.shown, false, JSON.stringify(view));
      assert.match(open.withheldReason, /results appear when the pulse closes/);
      assert.ok(open.answered > 0, 'how many have answered is shown');
      const career = figures.themes.find((t) => t.theme === 'Career Development');
      for (const scale of career?.scales ?? []) assert.equal(scale.answers, 0, `${JSON.stringify(view)}: the open round is in no average`);
    }
    assert.ok(checked >= 20, `the open round is in ${checked} views`);
  });

  it(`lets no pair of filter combinations (${views.length} views: theme, period, forum, platform) subtract to a group under the threshold`, async () => {
    const seen = await Promise.all(views.map(async (view) => ({ view, cells: observed(await figuresOf(view)) })));
    let pairs = 0;
    for (const outer of seen) {
      for (const inner of seen) {
        if (outer === inner || !nested(outer.view, inner.view)) continue;
        pairs++;
        for (const [cell, outerCounts] of outer.cells) {
          const innerCounts = inner.cells.get(cell) ?? new Map<string, number>();
          const difference = [...outerCounts].reduce((n, [value, count]) => n + count - (innerCounts.get(value) ?? 0), 0);
          assert.ok(
            difference === 0 || difference >= THRESHOLD,
            `${cell}: ${JSON.stringify(outer.view)} minus ${JSON.stringify(inner.view)} isolates ${difference} answers`,
          );
        }
      }
    }
    assert.equal(pairs, 3150, 'every nested pair of views is compared');
  });

  it('withholds the platform split that would reveal the two Slack answers, but shows the round whole', async () => {
    const whole = await figuresOf({ days: 7, filters: { theme: 'Recognition', forumId: null, platform: null } });
    const teams = await figuresOf({ days: 7, filters: { theme: 'Recognition', forumId: null, platform: 'teams' } });
    const wholeRound = whole.rounds.find((r) => r.round.id === 'r-rec-split')!;
    assert.equal(wholeRound.shown, true);
    assert.equal(wholeRound.answered, 9);
    const teamsRound = teams.rounds.find((r) => r.round.id === 'r-rec-split')!;
    assert.equal(teamsRound.shown, false);
    assert.match(teamsRound.withheldReason, /split by platform would show a group under 6/, 'a shared view needs the threshold besides any reader’s own answer');
    assert.equal(teams.themes[0].scales[0].mean, null, 'the Teams-only average leaves the round out');
  });

  it('leaves a small round out of the period averages, so 30 days minus 14 days reveals nothing', async () => {
    const month = await figuresOf({ days: 30, filters: { theme: 'Visibility', forumId: null, platform: null } });
    const fortnight = await figuresOf({ days: 14, filters: { theme: 'Visibility', forumId: null, platform: null } });
    assert.deepEqual(month.rounds.map((r) => [r.round.id, r.shown, r.answered]), [['r-vis-small', false, 3]]);
    assert.equal(month.themes[0].scales[0].mean, null);
    assert.deepEqual(fortnight.themes, []);
  });

  it('shows the even split by platform, with averages and trends per platform', async () => {
    const slack = await figuresOf({ days: 14, filters: { theme: 'Recognition', forumId: 'forum-b', platform: 'slack' } });
    assert.equal(slack.themes[0].scales[0].mean, 5);
    assert.equal(slack.themes[0].scales[0].answers, 6);
    assert.equal(slack.themes[0].responseRate, null, 'people asked are not known per platform');
  });
});
