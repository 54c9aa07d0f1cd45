import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorld, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardActions, cardText } from '../support/cards';
import sinon from 'sinon';
import { runCli } from '../../src/cli';
import { conversationIdOf, personal } from '../support/teams-activities';

const PLAN = readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8');

function cli(bot: BotHarness, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, run: () => runCli(args, bot.cliEnv, { out: (l) => out.push(l), err: (l) => err.push(l) }) };
}

function writePlan(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, text);
  return file;
}

describe('Teams: action plan', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
    const { run, err } = cli(bot, ['import-actions', writePlan(PLAN), '--network', await networkId(bot)]);
    assert.equal(await run(), 0, err.join('\n'));
  });
  afterEach(async () => {
    await bot.close();
  });

  it('imports the sample plan with history', async () => {
    const actions = await bot.store.listActions(await networkId(bot));
    assert.equal(actions.length, 18);
    const red = actions.find((a) => a.number === '1.6')!;
    assert.equal(red.status, 'red');
    assert.equal(red.owner, 'outreach.lead@example.ac.uk');
    assert.equal((await bot.store.listActionUpdates(red.networkId, '1.6')).length, 1);
  });

  it('shows owners only their own actions, with RAG colour, and an update button', async () => {
    const list = (await bot.say(people.owner, 'actions')).cards[0];
    const text = cardText(list);
    assert.match(text, /Your actions/);
    assert.match(text, /1\.6[\s\S]*Raise the visibility of technical careers/);
    assert.match(text, /🔴 Red/);
    assert.doesNotMatch(text, /1\.1 /);
    assert.deepEqual(cardActions(list).map((a) => a.data.number), ['1.6']);
    assert.ok(JSON.stringify(list).includes('"color":"attention"'));
  });

  it('shows chairs the whole plan in plan order without update buttons for actions they do not own', async () => {
    const list = (await bot.say(people.chair, 'actions')).cards[0];
    const numbersOf = (card: typeof list) => [...cardText(card).matchAll(/\*\*(\d+\.\d+)\*\*/g)].map((m) => m[1]);
    assert.equal(numbersOf(list).length, 10);
    assert.deepEqual(numbersOf(list).slice(0, 3), ['1.1', '1.2', '1.3']);
    assert.match(cardText(list), /Action plan · 1–10 of 18/);
    assert.deepEqual(cardActions(list).filter((a) => a.verb === 'action.edit').map((a) => a.data.number), ['1.1'], 'the chair owns 1.1 only');
    const next = await bot.press(people.chair, 'actions.page', actionFor(list, 'actions.page').data);
    assert.equal(numbersOf(next).length, 8);
    assert.match(cardText(next), /Action plan · 11–18 of 18/);
    assert.deepEqual(cardActions(next).map((a) => a.title), ['Previous']);
  });

  it('tells a member with no actions what to do', async () => {
    const list = (await bot.say(people.member, 'actions')).cards[0];
    assert.match(cardText(list), /do not own any actions.*roles/);
  });

  it('lets an owner update status, note and evidence from the card and keeps history', async () => {
    const list = (await bot.say(people.owner, 'actions')).cards[0];
    const form = await bot.press(people.owner, 'action.edit', actionFor(list, 'action.edit').data);
    const save = actionFor(form, 'action.update');
    const saved = await bot.press(people.owner, 'action.update', { ...save.data, status: 'amber', note: 'Two partner schools signed up', evidence: 'https://example.ac.uk/outreach' });
    assert.match(cardText(saved), /Saved: 1\.6 is now 🟠 Amber/);
    assert.match(cardText(saved), /Olu Owner · 🟠 Amber · Two partner schools/);
    const action = (await bot.store.getAction(await networkId(bot), '1.6'))!;
    assert.equal(action.status, 'amber');
    assert.equal(action.evidence, 'https://example.ac.uk/outreach');
    const history = await bot.store.listActionUpdates(action.networkId, '1.6');
    assert.equal(history.length, 2);
    assert.equal(history[1].byName, 'Olu Owner');
  });

  it('asks why an action is red when the note is empty, and saves nothing', async () => {
    const form = await bot.press(people.owner, 'action.edit', { cv: 1, number: '1.6' });
    const save = actionFor(form, 'action.update');
    const card = await bot.press(people.owner, 'action.update', { ...save.data, status: 'red', note: '  ', evidence: '' });
    assert.match(cardText(card), /Please say why 1\.6 is red/);
    const action = (await bot.store.getAction(await networkId(bot), '1.6'))!;
    assert.equal(action.version, 1);
    assert.equal((await bot.store.listActionUpdates(action.networkId, '1.6')).length, 1);
  });

  it('says nothing changed when an update is saved as it was, and adds no history', async () => {
    const form = await bot.press(people.owner, 'action.edit', { cv: 1, number: '1.6' });
    const save = actionFor(form, 'action.update');
    const before = (await bot.store.getAction(await networkId(bot), '1.6'))!;
    const card = await bot.press(people.owner, 'action.update', { ...save.data, status: before.status, note: before.note, evidence: before.evidence });
    assert.match(cardText(card), /Nothing changed: 1\.6 is still 🔴 Red/);
    assert.equal((await bot.store.getAction(before.networkId, '1.6'))!.version, before.version);
    assert.equal((await bot.store.listActionUpdates(before.networkId, '1.6')).length, 1);
  });

  it('refuses a stale card after someone else saved, keeping the typed values', async () => {
    const form = await bot.press(people.owner, 'action.edit', { cv: 1, number: '1.6' });
    const save = actionFor(form, 'action.update');
    await bot.press(people.admin, 'action.update', { ...save.data, status: 'green', note: 'Done by admin' });
    const stale = await bot.press(people.owner, 'action.update', { ...save.data, status: 'amber', note: 'Mine' });
    assert.match(cardText(stale), /Someone else updated 1\.6/);
    assert.equal((await bot.store.getAction(await networkId(bot), '1.6'))!.status, 'green');
  });

  it('refuses another owner’s action, a member, and an unknown action, changing nothing', async () => {
    for (const [who, number, message] of [
      [people.otherOwner, '1.6', /Only the owner of 1\.6/],
      [people.member, '1.6', /Only the owner of 1\.6/],
      [people.owner, '9.9', /no action 9\.9/],
    ] as const) {
      const card = await bot.press(who, 'action.update', { cv: 1, number, version: 1, status: 'green', note: 'x' });
      assert.match(cardText(card), message);
    }
    assert.equal((await bot.store.getAction(await networkId(bot), '1.6'))!.status, 'red');
  });

  it('refuses an unknown status and an oversized note', async () => {
    for (const [change, message] of [
      [{ status: 'purple' }, /Choose a RAG status/],
      [{ note: 'n'.repeat(2001) }, /up to 2,000 characters/],
    ] as [Record<string, unknown>, RegExp][]) {
      const card = await bot.press(people.owner, 'action.update', { cv: 1, number: '1.6', version: 1, status: 'green', note: '', ...change });
      assert.match(cardText(card), message);
    }
    assert.equal((await bot.store.getAction(await networkId(bot), '1.6'))!.version, 1);
  });
});

describe('CLI: import-actions', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
  });
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  it('asks the owner of a red action imported without an explanation for one, in chat, once', async () => {
    const id = await networkId(bot);
    const plan = [
      'number,title,theme,owner,due,status,note',
      '1.6,Raise the visibility of technical careers across the city region,Visibility,outreach.lead@example.ac.uk,2026-12-31,red,',
      '1.7,Hold a Technical Showcase every other year,Visibility,outreach.lead@example.ac.uk,2026-12-31,red,Venue closed for refurbishment',
    ].join('\n');
    const first = cli(bot, ['import-actions', writePlan(plan), '--network', id]);
    assert.equal(await first.run(), 0, first.err.join('\n'));
    assert.match(first.out.join('\n'), /Asked one owner in chat to explain a red action/);
    const [queued] = await bot.store.listDeliveries(`explain-red:${id}:${(await bot.store.getCurrentPlan(id))!.id}:1.6`);
    // Sent by the server's outbox at the next time the network allows (quiet hours and weekends aside).
    sinon.useFakeTimers({ now: Date.parse(queued.notBefore) + 1_000, shouldAdvanceTime: true, toFake: ['Date'] });
    await bot.app.outbox.drain();
    const asked = bot.connector.cardsIn(conversationIdOf(people.owner, personal)).map((c) => cardText(c as never)).filter((t) => t.includes('no explanation'));
    assert.equal(asked.length, 1);
    assert.match(asked[0], /1\.6[\s\S]*red in the plan just imported, with no explanation[\s\S]*Update/);
    const again = cli(bot, ['import-actions', writePlan(plan), '--network', id]);
    assert.equal(await again.run(), 0);
    assert.doesNotMatch(again.out.join('\n'), /Asked/, 'asked once, not on every import');
  });

  it('reports every bad row as Excel numbers it, with the action, column and value, and imports nothing', async () => {
    const bad = [
      'number,title,theme,owner,due,status,note',
      '1.1,Good row,Visibility,a@example.ac.uk,2026-01-31,green,',
      'x,Bad number,Visibility,a@example.ac.uk,2026-01-31,green,',
      '1.3,Bad theme,Parking,a@example.ac.uk,2026-01-31,green,',
      '1.4,Bad due,Visibility,a@example.ac.uk,2026-01-31x,green,',
      '1.5,Bad date,Visibility,a@example.ac.uk,31/02/2026,green,',
      '1.6,Bad status,Visibility,a@example.ac.uk,2026-01-31,blue,',
      '1.1,Duplicate,Visibility,a@example.ac.uk,2026-01-31,green,',
    ].join('\n');
    const { run, err } = cli(bot, ['import-actions', writePlan(bad), '--network', await networkId(bot)]);
    assert.equal(await run(), 1);
    const report = err.join('\n');
    assert.match(report, /Nothing was imported: 6 problems/);
    assert.match(report, /Row 3, column A “number”: “x” is not an action number like 1\.6\./);
    assert.match(report, /Row 4 \(action 1\.3\), column C “theme”: “Parking” is not a theme\./);
    assert.match(report, /Row 5 \(action 1\.4\), column E “due”: “2026-01-31x” is not a date/);
    assert.match(report, /Row 6 \(action 1\.5\), column E “due”: “31\/02\/2026” is not a date/);
    assert.match(report, /Row 7 \(action 1\.6\), column F “status”: “blue” is not a status\./);
    assert.match(report, /Row 8 \(action 1\.1\), column A “number”: action 1\.1 is already on row 2\./);
    assert.equal((await bot.store.listActions(await networkId(bot))).length, 0);
  });

  it('explains a missing network and lists networks', async () => {
    const { run, err } = cli(bot, ['import-actions', writePlan(PLAN), '--network', 'n-nope']);
    assert.equal(await run(), 1);
    assert.match(err.join('\n'), /No network with id n-nope/);
    const list = cli(bot, ['networks']);
    assert.equal(await list.run(), 0);
    assert.match(list.out.join('\n'), new RegExp(`${await networkId(bot)}.*teams:tenant-uni-1`));
  });
});
