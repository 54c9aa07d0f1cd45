import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlackHarness, blocksText, forum } from '../support/slack-harness';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import { seedRound } from '../core/summary-support';
import { openModal, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';

describe('Slack: the self-assessment submission', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
  });
  afterEach(async () => {
    await h.close();
  });

  it('lets an admin save the institution profile from a modal, renaming the network', async () => {
    const view = await openModal(h, slackPeople.admin, 'profile');
    assert.match(blocksText(view.blocks), /Institution \(renames the network\)/);
    const { response } = await h.submit(slackPeople.admin, view, { name: 'University of Midshire', leadName: 'Dr Alex Reid', leadEmail: 'alex.reid@example.ac.uk', stage: 'two', webPage: 'https://www.example.ac.uk/tc' });
    assert.match(blocksText(response.view?.blocks), /Saved the institution profile\. The network is now called University of Midshire\./);
    const id = await slackNetworkId(h);
    assert.equal((await h.store.getNetwork(id))!.name, 'University of Midshire');
    assert.equal((await h.store.getInstitutionProfile(id))!.leadEmail, 'alex.reid@example.ac.uk');
  });

  it('lets a chair write a narrative section in a modal, keeping its line breaks', async () => {
    const view = await openModal(h, slackPeople.chair, 'narrative voice');
    assert.match(blocksText(view.blocks), /How the technician voice was present/);
    const text = 'Drafted with the forum.\n• 46 at the workshop\n• 31 at the forum';
    const { response } = await h.submit(slackPeople.chair, view, { text });
    assert.match(blocksText(response.view?.blocks), /Saved “How the technician voice shaped the plan”/);
    const [section] = await h.store.listNarrativeSections(await slackNetworkId(h), 'current');
    assert.equal(section.text, text);
  });

  it('records a consultation from a modal once, even when Slack sends the submission twice', async () => {
    const view = await openModal(h, slackPeople.chair, 'consultation');
    const typed = { heldOn: '2026-11-12', kind: 'town hall', participants: '120', summary: 'Open meeting on workload.' };
    const { response } = await h.submit(slackPeople.chair, view, typed);
    assert.match(blocksText(response.view?.blocks), /Recorded: town hall on 12 Nov 2026 with 120 people/);
    await h.submit(slackPeople.chair, view, typed);
    assert.equal((await h.store.listConsultations(await slackNetworkId(h))).length, 1);
  });

  it('uploads the RAG-by-theme and pulse-trend charts, with alt text, after a summary (Block Kit has no charts)', async () => {
    const id = await slackNetworkId(h);
    await importActionPlan(h.store, id, readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8'), new Date().toISOString());
    const network = (await h.store.getNetwork(id))!;
    await seedRound({ store: h.store, secret: 's', outbox: undefined as never }, network, { id: 'r-slack', theme: 'Recognition', kind: 'likert', forumId: null, openedDaysAgo: 5, asked: 10, answers: { slack: ['4', '4', '5', '3', '4', '4'] } });
    await h.after(() => h.command(slackPeople.admin, "forum Technical Leaders' Forum", forum()));
    const summary = await h.after(() => h.command(slackPeople.chair, 'summary', forum()));
    assert.match(blocksText(summary.blocks), /Summary for Technical Leaders' Forum/);
    await h.slack.waitFor(() => h.slack.callsOf('files.completeUploadExternal').length >= 2);
    assert.equal(h.slack.uploads.length, 2);
    for (const upload of h.slack.uploads) assert.deepEqual([...upload.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    const completed = h.slack.callsOf('files.completeUploadExternal').map((c) => c.args);
    assert.ok(completed.every((args) => args.channel_id === forum().channelId));
    const files = completed.flatMap((args) => (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as { title: string }[]);
    assert.deepEqual(files.map((f) => f.title), ['RAG status by theme', 'Pulse score by theme']);
    const altTexts = h.slack.callsOf('files.getUploadURLExternal').map((c) => String(c.args.alt_text));
    assert.match(altTexts[0], /Visibility: 3 green, 2 amber, 1 red of 6/);
    assert.match(altTexts[1], /Recognition: \d{4} Q\d 4\.0/);
  });

  it('sends the export file in the direct message where a chair asked for it, by slash command or by typing', async () => {
    const dm = `D${slackPeople.chair.id}`;
    for (const ask of [() => h.command(slackPeople.chair, 'export csv'), () => h.dmMessage(slackPeople.chair, 'export md')]) {
      const before = h.slack.callsOf('files.completeUploadExternal').length;
      await ask();
      // The file's bytes reach the upload URL before the upload is completed: wait for the last step.
      const completed = (await h.slack.next('files.completeUploadExternal', before + 1)).args;
      assert.equal(completed.channel_id, dm);
    }
    const names = h.slack.callsOf('files.getUploadURLExternal').map((c) => String(c.args.filename));
    assert.deepEqual(names.map((n) => n.split('.').pop()), ['csv', 'md']);
  });
});
