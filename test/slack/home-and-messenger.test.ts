import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText, buttons, type View } from '../support/slack-harness';
import { openModal, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import { messageCard } from '../../src/core/cards';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SlackUser } from '../support/fake-slack';

const PLAN = readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8');
const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('Slack: App Home', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
    assert.ok((await importActionPlan(h.store, await slackNetworkId(h), PLAN, new Date().toISOString())).ok);
    const view = await openModal(h, slackPeople.chair, 'pulse new');
    await h.submit(slackPeople.chair, view, { text: 'Training time is protected', kind: 'yesno', theme: 'Career Development', audience: 'members', closesDate: futureDate(7), closesTime: '17:00' });
  });
  afterEach(async () => {
    await h.close();
  });

  async function openHome(who: SlackUser): Promise<View> {
    const before = h.slack.callsOf('views.publish').length;
    await h.event({ type: 'app_home_opened', user: who.id, channel: `D${who.id}`, tab: 'home' });
    const call = await h.slack.next('views.publish', before + 1);
    assert.equal(call.args.user_id, who.id);
    return call.args.view as View;
  }

  it('shows a member the open pulses with an answer button, and their actions with RAG', async () => {
    const home = await openHome(slackPeople.owner);
    assert.equal(home.type, 'home');
    const text = blocksText(home.blocks);
    assert.match(text, /Training time is protected/);
    assert.match(text, /Your actions[\s\S]*\*1\.6\* Raise the visibility[\s\S]*🔴 Red/);
    assert.doesNotMatch(text, /Summary for/, 'members get no summary');
    assert.ok(buttons(home.blocks).some((b) => b.action_id.startsWith('pulse.open#')));
    assert.ok(buttons(home.blocks).some((b) => b.action_id.startsWith('action.edit#')));
    assert.ok(home.blocks.length <= 100);
  });

  it('answers a pulse from the home tab in a modal and refreshes the tab', async () => {
    const home = await openHome(slackPeople.member);
    const opened = h.slack.callsOf('views.open').length;
    await h.pressInView(slackPeople.member, home, 'pulse.open');
    const modal = await h.modal(opened + 1);
    assert.equal((modal.submit as { text: string }).text, 'Send answer');
    const published = h.slack.callsOf('views.publish').length;
    const { response } = await h.submit(slackPeople.member, modal, { answer: 'yes' });
    assert.match(blocksText(response.view?.blocks), /Thanks: your answer \(Yes\) is in/);
    const [round] = await h.store.listRounds(await slackNetworkId(h), '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    assert.equal((await h.store.listAnswers(round.id)).length, 1);
    await h.slack.next('views.publish', published + 1);
  });

  it('gives chairs the last 30 days’ summary', async () => {
    const home = await openHome(slackPeople.chair);
    assert.match(blocksText(home.blocks), /Summary for[\s\S]*Last 30 days/);
    assert.ok(home.blocks.length <= 100);
  });

  it('ignores the messages tab', async () => {
    const before = h.slack.callsOf('views.publish').length;
    await h.event({ type: 'app_home_opened', user: slackPeople.member.id, channel: 'D1', tab: 'messages' });
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(h.slack.callsOf('views.publish').length, before);
  });
});

describe('Slack: proactive messages through the outbox', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await SlackHarness.start();
    h.slack.addUser(slackPeople.member);
    await h.after(() => h.command(slackPeople.member, 'help'));
  });
  afterEach(async () => {
    await h.close();
  });

  async function send(jobKey: string, message: Parameters<SlackHarness['bot']['app']['outbox']['enqueue']>[3], address = slackPeople.member.id) {
    const networkId = await slackNetworkId(h);
    await h.bot.app.outbox.enqueue(networkId, jobKey, [{ key: 'mo', platform: 'slack', address }], message);
    const result = await h.bot.app.outbox.drain();
    const [delivery] = await h.store.listDeliveries(jobKey);
    return { result, delivery };
  }

  it('posts a card to a person’s DM by user id', async () => {
    const { delivery } = await send('job-card', { card: messageCard('Reminder', 'Action **1.6** is due soon.', 'warning') });
    assert.equal(delivery.state, 'sent');
    const [post] = h.slack.callsOf('chat.postMessage').slice(-1);
    assert.equal(post.args.channel, slackPeople.member.id);
    assert.match(blocksText(post.args.blocks), /Action \*1\.6\* is due soon/);
  });

  it('waits as long as Slack’s Retry-After says on 429', async () => {
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const started = Date.now();
    const { result, delivery } = await send('job-429', { text: 'Hello' });
    assert.deepEqual(result, { sent: 0, retried: 1, unreachable: 0 });
    assert.equal(delivery.state, 'pending');
    const wait = Date.parse(delivery.notBefore) - started;
    assert.ok(wait >= 6_500 && wait <= 8_500, `retry after ${wait} ms`);
  });

  it('retries a Slack server error and a ratelimited error later', async () => {
    h.slack.failNext('chat.postMessage', { status: 503 });
    assert.equal((await send('job-503', { text: 'Hello' })).delivery.state, 'pending');
    h.slack.failNext('chat.postMessage', { status: 200, error: 'ratelimited' });
    assert.equal((await send('job-ratelimited', { text: 'Hello' })).delivery.state, 'pending');
  });

  for (const error of ['channel_not_found', 'not_in_channel', 'account_inactive', 'is_archived']) {
    it(`gives up on ${error} without retrying`, async () => {
      h.slack.failNext('chat.postMessage', { status: 200, error });
      const { result, delivery } = await send(`job-${error}`, { text: 'Hello' });
      assert.deepEqual(result, { sent: 0, retried: 0, unreachable: 1 });
      assert.equal(delivery.state, 'unreachable');
      assert.equal(delivery.lastError, error);
    });
  }

  it('uploads a file with files.uploadV2: upload URL, the bytes, then completing it in the DM', async () => {
    const content = Buffer.from('number,title\n1.6,Raise the visibility\n');
    const { delivery } = await send('job-file', {
      text: 'Here is the RAG analysis',
      file: { name: 'rag.csv', contentType: 'text/csv', base64: content.toString('base64'), description: 'RAG analysis' },
    });
    assert.equal(delivery.state, 'sent', delivery.lastError ?? '');
    const [getUrl] = h.slack.callsOf('files.getUploadURLExternal');
    assert.equal(getUrl.args.filename, 'rag.csv');
    assert.equal(Number(getUrl.args.length), content.length);
    assert.deepEqual(h.slack.uploads[0].bytes, content);
    const [complete] = h.slack.callsOf('files.completeUploadExternal');
    assert.equal(complete.args.channel_id, `D${slackPeople.member.id}`);
    assert.equal((complete.args.files as { id: string }[])[0].id, h.slack.uploads[0].fileId);
    assert.match(String(complete.args.initial_comment), /RAG analysis/);
  });

  it('posts a summary card, then its charts as PNG uploads with alt text, and still counts it sent when a chart upload fails', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    const images = [
      { name: 'rag.png', title: 'RAG status by theme', base64: png.toString('base64'), altText: 'Bar chart: Visibility 3 green, 2 amber, 1 red' },
      { name: 'trend.png', title: 'Pulse score by theme', base64: png.toString('base64'), altText: 'Line chart: Recognition 2026 Q4 4.0' },
    ];
    const { delivery } = await send('job-charts', { text: 'Summary', images });
    assert.equal(delivery.state, 'sent', delivery.lastError ?? '');
    assert.deepEqual(h.slack.callsOf('files.getUploadURLExternal').map((c) => [c.args.filename, c.args.alt_text]), [
      ['rag.png', 'Bar chart: Visibility 3 green, 2 amber, 1 red'],
      ['trend.png', 'Line chart: Recognition 2026 Q4 4.0'],
    ]);
    assert.ok(h.slack.callsOf('chat.postMessage').length >= 1, 'the summary itself is posted');

    h.slack.failNext('files.getUploadURLExternal', { status: 200, error: 'internal_error' });
    const failed = await send('job-charts-failing', { text: 'Summary', images: images.slice(0, 1) });
    assert.equal(h.slack.callsOf('files.getUploadURLExternal').length, 3, 'the chart upload was tried and failed');
    assert.equal(failed.delivery.state, 'sent', 'a lost chart does not repeat the summary');
  });
});
