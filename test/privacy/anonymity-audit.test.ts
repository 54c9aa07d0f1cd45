import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { DateTime } from 'luxon';
import { SlackHarness, dm } from '../support/slack-harness';
import { people, emails, memberOf, networkId } from '../support/teams-world';
import { actionFor } from '../support/cards';
import { conversationIdOf, personal, type TeamsUser } from '../support/teams-activities';
import type { SlackUser } from '../support/fake-slack';
import { queueNudges } from '../../src/scheduler/pulse-jobs';
import { dumpStore, sqliteBytes, type StoredRecord } from './store-dump';
import { openModal } from '../support/slack-world';
import { linkMosAccounts, moOnSlack, samOnSlack, startLinkedWorld } from '../support/linked-world';

const QUESTION = 'I have time for training this term';

/** Tables and containers about people by design (members, roles, forums) or about named acts only. */
const NAMED_BY_DESIGN = new Set([
  'members', 'forums', 'workspace_links', 'workspaces', 'networks', 'settings', 'leases', 'counters',
  'pulse_questions', 'pulseQuestions', 'pulse_rounds', 'pulseRounds', 'actions', 'action_updates', 'sqlite_sequence',
]);

/** Everything that could point at a person: ids, names, e-mails, conversation ids. */
function teamsTraces(who: TeamsUser, memberId: string): string[] {
  return [who.id, who.aadObjectId, who.name, emails[who.id], conversationIdOf(who, personal), memberId];
}
function slackTraces(who: SlackUser, memberId: string): string[] {
  return [who.id, dm(who).channelId, who.name, who.email ?? '', memberId];
}

/** A weekday at least four days ahead, so the round's nudge falls in working hours. */
function closingDay(): DateTime {
  let day = DateTime.now().setZone('Europe/London').plus({ days: 4 }).startOf('day');
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day;
}

describe('Anonymity audit: nothing stored or logged ties an anonymous act to the person', function () {
  this.timeout(90_000);
  let h: SlackHarness;
  const logLines: string[] = [];

  afterEach(async () => {
    sinon.restore();
    await h.close();
  });

  it('answers, feedback, replies, nudges and a forgotten member leave no id, name, e-mail or conversation in any record or log line of an anonymous act', async () => {
    h = await startLinkedWorld({ LOG_LEVEL: 'debug' }, { write: (line) => void logLines.push(line) });
    const network = await networkId(h.bot);
    await linkMosAccounts(h);
    assert.ok((await h.store.findMember(network, 'slack', moOnSlack.id))!.linkedPerson, 'Mo’s accounts are one person');

    const closes = closingDay().set({ hour: 17 });
    const list = (await h.bot.say(people.chair, 'pulse')).cards[0];
    const form = await h.bot.press(people.chair, 'pulse.new', actionFor(list, 'pulse.new').data);
    await h.bot.press(people.chair, 'pulse.create', {
      ...actionFor(form, 'pulse.create').data,
      text: QUESTION, kind: 'yesno', choices: '', theme: 'Career Development', audience: 'members',
      closesDate: closes.toISODate(), closesTime: '17:00', anonymous: 'true',
    });
    await h.bot.app.outbox.drain();
    const [round] = await h.store.listRounds(network, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');

    // The anonymous acts, and what they may have logged.
    const firstLine = logLines.length;
    const samsCard = await h.shownIn(dm(samOnSlack).channelId, QUESTION);
    await h.after(() => h.press(samOnSlack, samsCard, 'pulse.answer', { answer: 'yes' }));
    for (const who of [people.owner, people.otherOwner, people.member]) {
      await h.bot.press(who, 'pulse.answer', { cv: 1, roundId: round.id, answer: 'no' });
    }
    const moList = await h.after(() => h.command(moOnSlack, 'pulse'));
    const moQuestion = await h.after(() => h.press(moOnSlack, moList, 'pulse.open'));
    await h.after(() => h.press(moOnSlack, moQuestion, 'pulse.answer', { answer: 'yes' }));
    const feedbackForm = (await h.bot.say(people.member, 'feedback')).cards[0];
    await h.bot.press(people.member, 'feedback.submit', { ...actionFor(feedbackForm, 'feedback.submit').data, theme: 'Recognition', text: 'Name technicians in papers', anonymous: 'true' });
    const view = await openModal(h, samOnSlack, 'feedback');
    await h.submit(samOnSlack, view, { theme: 'Sustainability', text: 'Share the freezer farm across departments' });
    const anonymousLines = logLines.slice(firstLine);

    // Chairs answer both items, the scheduler nudges the round, and Sam is forgotten.
    for (const number of [1, 2]) {
      await h.bot.press(people.chair, 'feedback.acknowledge', { cv: 1, number });
      await h.bot.press(people.chair, 'feedback.reply', { cv: 1, number, reply: 'We have asked the heads of department.' });
    }
    await h.bot.app.outbox.drain();
    const nudgeAt = closes.minus({ hours: 1 }).toJSDate();
    const stored = await h.store.getNetwork(network);
    assert.ok((await queueNudges(h.bot.app.core.deps, stored!, nudgeAt)) > 0, 'the nudge is queued');
    sinon.useFakeTimers({ now: nudgeAt, shouldAdvanceTime: true, toFake: ['Date'] });
    await h.bot.app.outbox.drain();
    sinon.restore();
    const confirm = await h.after(() => h.command(samOnSlack, 'forget me'));
    await h.after(() => h.press(samOnSlack, confirm, 'privacy.forget'));

    const memberIds = new Map<string, string>();
    for (const who of [people.owner, people.otherOwner, people.member]) memberIds.set(who.id, (await memberOf(h.bot, who)).id);
    const moSlackId = (await h.store.findMember(network, 'slack', moOnSlack.id))!.id;
    const samId = `m-${'0'.repeat(16)}`; // Sam's record is gone; the id is looked for by its traces below.
    const traces = [
      ...[people.owner, people.otherOwner, people.member].flatMap((who) => teamsTraces(who, memberIds.get(who.id)!)),
      ...slackTraces(moOnSlack, moSlackId),
      ...slackTraces(samOnSlack, samId),
    ].filter((t) => t && t.length > 3);

    const records = await dumpStore(h.bot.cliEnv);
    const anonymousRecords = records.filter((r) => !NAMED_BY_DESIGN.has(r.table) && !isNamedFeedback(r));
    assert.ok(anonymousRecords.some((r) => /answer/i.test(r.table)), 'the audit reads the answers');
    assert.ok(anonymousRecords.some((r) => /processed/.test(r.table)), 'the audit reads the first-delivery marks');
    const found = anonymousRecords.flatMap((r) => traces.filter((t) => r.text.includes(t)).map((t) => `${r.table}: ${t} in ${r.text.slice(0, 200)}`));
    assert.deepEqual(found, [], 'no record an anonymous act wrote names anyone');

    const loggedTraces = anonymousLines.flatMap((line) => traces.filter((t) => line.includes(t)).map((t) => `${t} in ${line.slice(0, 200)}`));
    assert.deepEqual(loggedTraces, [], 'no log line of an anonymous act names anyone');

    assert.ok(!records.some((r) => r.text.includes('test-secret')), 'the server key is not in the database');
    const samLeft = records.filter((r) => slackTraces(samOnSlack, samId).some((t) => r.text.includes(t)));
    assert.deepEqual(samLeft.map((r) => r.table), [], 'nothing of Sam is left anywhere once forgotten');
    if (h.bot.cliEnv.TECHVOICE_DB) {
      const bytes = sqliteBytes(h.bot.cliEnv);
      for (const trace of [samOnSlack.id, samOnSlack.email!, samOnSlack.name, dm(samOnSlack).channelId]) {
        assert.ok(!bytes.includes(trace), `${trace} is gone from the database file and its log`);
      }
    }
  });
});

function isNamedFeedback(record: StoredRecord): boolean {
  if (record.table !== 'feedback') return false;
  const row = (record.row.data as Record<string, unknown> | undefined) ?? record.row;
  return row.anonymous === 0 || row.anonymous === false;
}
