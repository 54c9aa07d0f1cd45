import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorld, people, networkId, memberOf } from '../support/teams-world';
import { BotHarness } from '../support/bot-harness';
import { actionFor, cardText } from '../support/cards';
import { user } from '../support/teams-activities';
import { sweepExpired } from '../../src/core/privacy/privacy';
import { runCli } from '../../src/cli';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';

const EVER = ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;

async function sendFeedback(bot: BotHarness, who = people.member, anonymous = true, text = 'Please fund registration fees') {
  const form = (await bot.say(who, 'feedback')).cards[0];
  return bot.press(who, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, theme: 'Recognition', text, anonymous: String(anonymous) });
}

describe('Teams: privacy', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('shows a person what is linked to them, and says anonymous items are not', async () => {
    await sendFeedback(bot, people.member, false, 'My named idea');
    await sendFeedback(bot, people.member, true, 'My anonymous worry');
    const named = (await bot.store.getFeedback(await networkId(bot), 1))!;
    await bot.store.updateFeedback({ ...named, status: 'linked', linkedAction: '1.6' });
    const card = (await bot.say(people.member, 'my data')).cards[0];
    const text = cardText(card);
    assert.match(text, /What Techvoice holds about you/);
    assert.match(text, /Mo Member/);
    assert.match(text, /FB-1 · Recognition · .* · linked to an action: “My named idea”/, 'its status in words, not as stored');
    assert.doesNotMatch(text, /My anonymous worry/);
    assert.match(text, /Anonymous feedback .* not linked to you/);
  });

  it('forgets a person after they confirm: record deleted, named items anonymised, anonymous untouched', async () => {
    await sendFeedback(bot, people.member, false, 'Named');
    await sendFeedback(bot, people.member, true, 'Anonymous');
    const member = await memberOf(bot, people.member);
    const confirm = (await bot.say(people.member, 'forget me')).cards[0];
    assert.match(cardText(confirm), /cannot be undone/);
    assert.equal((await memberOf(bot, people.member)).id, member.id, 'nothing happens before confirming');
    const done = await bot.press(people.member, 'privacy.forget', actionFor(confirm, 'privacy.forget').data);
    assert.match(cardText(done), /you are forgotten[\s\S]*1 feedback item/);
    const network = await networkId(bot);
    assert.equal(await bot.store.getMember(network, member.id), null);
    const feedback = await bot.store.listFeedback(network, ...EVER);
    assert.deepEqual(feedback.map((f) => [f.text, f.authorMemberId, f.anonymous]).sort(), [['Anonymous', null, true], ['Named', null, true]]);
    assert.ok(!JSON.stringify(feedback).includes(member.id));
  });

  it('shows a forgotten owner’s updates as by “A former member”, in the action’s history and the audit log', async () => {
    const id = await networkId(bot);
    await importActionPlan(bot.store, id, readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8'), new Date().toISOString());
    const admin = await memberOf(bot, people.admin);
    await bot.press(people.admin, 'action.update', { cv: 1, number: '1.6', version: (await bot.store.getAction(id, '1.6'))!.version, status: 'amber', note: 'Checked by the admin' });
    const confirm = (await bot.say(people.admin, 'forget me')).cards[0];
    await bot.press(people.admin, 'privacy.forget', actionFor(confirm, 'privacy.forget').data);
    assert.equal(await bot.store.getMember(id, admin.id), null);
    await bot.say(people.admin, 'hello');
    const history = cardText(await bot.press(people.admin, 'action.edit', { cv: 1, number: '1.6' }));
    assert.match(history, /A former member · 🟠 Amber · Checked by the admin/);
    assert.doesNotMatch(history, /Ada Admin/);
    const audit = cardText((await bot.say(people.admin, 'audit')).cards[0]);
    assert.match(audit, /A former member · Updated an action/);
  });

  it('deletes feedback older than the network keeps it, and keeps everything by default', async () => {
    await sendFeedback(bot);
    const network = (await bot.store.getNetwork(await networkId(bot)))!;
    const later = new Date(Date.now() + 400 * 86_400_000);
    assert.deepEqual(await sweepExpired(bot.store, network, later), { feedback: 0, answers: 0 });
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    assert.equal(await runCli(['retention', '--network', network.id, '--feedback-days', '365'], bot.cliEnv, io), 0);
    assert.match(out.join('\n'), /feedback deleted after 365 days, pulse answers kept/);
    out.length = 0;
    assert.equal(await runCli(['retention', '--network', network.id], bot.cliEnv, io), 0);
    assert.match(out.join('\n'), /feedback deleted after 365 days/, 'the setting was stored');
    // The running server picks network settings up within half a minute; the sweep takes the network as given.
    const updated = { ...network, retention: { feedbackDays: 365, answersDays: null } };
    assert.deepEqual(await sweepExpired(bot.store, updated, later), { feedback: 1, answers: 0 });
    assert.equal((await bot.store.listFeedback(network.id, ...EVER)).length, 0);
    assert.equal(await runCli(['retention', '--network', network.id, '--answers-days', 'soon'], bot.cliEnv, io), 2);
  });

  it('keeps an audit log of chair and admin acts, without feedback text, for admins only', async () => {
    const member = await memberOf(bot, people.member);
    await sendFeedback(bot, people.member, true, 'Secret words');
    await bot.press(people.chair, 'feedback.reply', { cv: 1, number: 1, reply: 'We have funded it' });
    await bot.press(people.admin, 'roles.set', { cv: 1, member: member.id, roles: 'owner', email: '' });
    await bot.press(people.member, 'roles.set', { cv: 1, member: member.id, roles: 'admin', email: '' });
    const entries = await bot.store.listAudit(await networkId(bot), ...EVER);
    const acts = entries.map((e) => `${e.actorName} ${e.act}`);
    assert.ok(acts.includes('Ada Admin roles.set'), acts.join('; '));
    assert.ok(acts.includes('Chris Chair feedback.reply'), acts.join('; '));
    assert.ok(!acts.includes('Mo Member roles.set'), 'a refused act is not logged as done');
    assert.ok(!JSON.stringify(entries).includes('Secret words'));
    assert.ok(!JSON.stringify(entries).includes('We have funded it'));
    const card = (await bot.say(people.admin, 'audit')).cards[0];
    assert.match(cardText(card), /Audit log[\s\S]*Ada Admin · Changed roles/);
    assert.match((await bot.say(people.chair, 'audit')).texts[0], /Only admins/);
  });

  it('shows names, not ids, in the audit log', async () => {
    const member = await memberOf(bot, people.member);
    await bot.press(people.admin, 'roles.set', { cv: 1, member: member.id, roles: 'owner', email: '' });
    const list = (await bot.say(people.chair, 'pulse')).cards[0];
    const form = await bot.press(people.chair, 'pulse.new', actionFor(list, 'pulse.new').data);
    const closes = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await bot.press(people.chair, 'pulse.create', {
      ...actionFor(form, 'pulse.create').data,
      text: 'I know who to ask about my career', kind: 'yesno', choices: '', theme: 'Career Development', audience: 'members', closesDate: closes, closesTime: '17:00', anonymous: 'true',
    });
    const [round] = await bot.store.listRounds(await networkId(bot), ...EVER);
    await bot.press(people.chair, 'pulse.results', { cv: 1, roundId: round.id });
    // The new pulse reaches the admin through the outbox, possibly while they ask for the log.
    const text = (await bot.say(people.admin, 'audit')).cards.map(cardText).find((t) => /Audit log/.test(t)) ?? '';
    assert.match(text, /Ada Admin · Changed roles · member=Mo Member roles=owner/);
    assert.match(text, /Chris Chair · Sent a pulse · audience=every member/);
    assert.match(text, /Chris Chair · Looked at pulse results · pulse=P-1/);
    assert.doesNotMatch(text, /m-[0-9a-f]{6}|r-[0-9a-f]{6}|f-[0-9a-f]{6}/, 'no raw ids');
  });

  it('audits acts done with the command-line tool, and lists them in chat and in the CLI', async () => {
    const id = await networkId(bot);
    const dir = mkdtempSync(join(tmpdir(), 'techvoice-audit-'));
    const plan = join(dir, 'plan.csv');
    writeFileSync(plan, readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8'));
    const io = { out: () => undefined, err: () => undefined };
    assert.equal(await runCli(['import-actions', plan, '--network', id], bot.cliEnv, io), 0);
    assert.equal(await runCli(['retention', '--network', id, '--feedback-days', '730'], bot.cliEnv, io), 0);
    assert.equal(await runCli(['link', '--network', id, '--slack-team', 'T0123ABCD'], bot.cliEnv, io), 0);
    assert.equal(await runCli(['export', '--network', id, '--format', 'md', '--out', join(dir, 'rag.md')], bot.cliEnv, io), 0);
    const text = cardText((await bot.say(people.admin, 'audit')).cards[0]);
    assert.match(text, /command line[^·]* · Imported an action plan · file=plan\.csv actions=\d+/);
    assert.match(text, /command line[^·]* · Set how long data is kept · feedbackDays=730 answersDays=keep/);
    assert.match(text, /command line[^·]* · Linked a workspace · slackTeam=T0123ABCD/);
    assert.match(text, /command line[^·]* · Exported · format=md file=rag\.md/);
    const out: string[] = [];
    assert.equal(await runCli(['audit', '--network', id], bot.cliEnv, { out: (l) => out.push(l), err: (l) => out.push(l) }), 0);
    assert.match(out.join('\n'), /command line.*import-actions/);
  });

  it('clears the address of a reply to anonymous feedback once it is delivered', async () => {
    await sendFeedback(bot);
    await bot.press(people.chair, 'feedback.reply', { cv: 1, number: 1, reply: 'We have funded it' });
    await bot.app.outbox.drain();
    const deliveries = await bot.store.listDeliveries(`feedback-reply:${await networkId(bot)}:1`);
    assert.equal(deliveries.length, 1);
    assert.equal(deliveries[0].state, 'sent');
    assert.equal(deliveries[0].address, '');
  });
});

describe('Logs', () => {
  it('never carry feedback text or the identity behind an anonymous act', async () => {
    const lines: string[] = [];
    const bot = await BotHarness.start({ LOG_LEVEL: 'trace' }, { write: (line) => lines.push(line) });
    try {
      const who = user('Secret Person');
      const form = (await bot.say(who, 'feedback')).cards[0];
      await bot.press(who, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, theme: 'Other', text: 'A very private concern', anonymous: 'true' });
      await bot.post({ not: 'an activity' });
      const log = lines.join('');
      assert.ok(lines.length > 0, 'the server logged something');
      assert.ok(!log.includes('A very private concern'));
      assert.ok(!log.includes(who.id) && !log.includes(who.aadObjectId) && !log.includes('Secret Person'));
    } finally {
      await bot.close();
    }
  });
});
