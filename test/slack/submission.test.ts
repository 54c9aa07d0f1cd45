import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText } from '../support/slack-harness';
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
});
