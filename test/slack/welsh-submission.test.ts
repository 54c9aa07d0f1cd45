import { strict as assert } from 'node:assert';
import { SlackHarness, blocksText, forum } from '../support/slack-harness';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import { openModal, slackNetworkId, slackPeople, startSlackWorld } from '../support/slack-world';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';

const PLAN = [
  'number,title,theme,owner,due,status,note',
  '1.1,Cynnal fforwm chwarterol i arweinwyr technegol,Visibility,arweinydd.fforwm@enghraifft.ac.uk,2025-03-31,green,Pedwar fforwm wedi’u cynnal eleni.',
  '3.1,Rhaglen fentora i dechnegwyr newydd,Career Development,datblygu@enghraifft.ac.uk,2025-09-30,red,Dim cyllid eto.',
].join('\n');

describe('Slack: the self-assessment submission in Welsh', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackWorld();
    await importActionPlan(h.store, await slackNetworkId(h), PLAN, new Date().toISOString());
    await h.after(() => h.command(slackPeople.chair, 'iaith cymraeg'));
  });
  afterEach(async () => {
    await h.close();
  });

  it('drafts a section and records a consultation in Welsh modals, refusing bad input in Welsh, and exports the CSV in Welsh', async () => {
    const seen: string[] = [];
    const section = await openModal(h, slackPeople.chair, 'naratif llais');
    seen.push(blocksText(section.blocks));
    assert.match(blocksText(section.blocks), /Sut roedd llais technegwyr yn rhan o ddatblygu a llunio’r cynllun gweithredu 36 mis/);
    assert.match(blocksText(section.blocks), /Eich testun/);
    const saved = await h.submit(slackPeople.chair, section, { text: 'Lluniwyd gyda’r fforwm.\n• 46 yn y gweithdy' });
    seen.push(blocksText(saved.response.view?.blocks));
    assert.match(blocksText(saved.response.view?.blocks), /Wedi cadw “Sut y lluniodd llais technegwyr y cynllun”/);

    const consultation = await openModal(h, slackPeople.chair, 'ymgynghoriad');
    seen.push(blocksText(consultation.blocks));
    assert.match(blocksText(consultation.blocks), /Nifer y cyfranogwyr/);
    const typed = { heldOn: '2026-11-12', kind: 'town hall', participants: 'dim', summary: 'Cyfarfod agored am lwyth gwaith.' };
    const refused = await h.submit(slackPeople.chair, consultation, typed);
    const refusedText = blocksText(refused.response.view?.blocks);
    seen.push(refusedText);
    assert.match(refusedText, /Rhowch nifer y cyfranogwyr fel rhif cyfan\./);
    assert.equal((await h.store.listConsultations(await slackNetworkId(h))).length, 0, 'nothing was recorded');
    const recorded = await h.submit(slackPeople.chair, consultation, { ...typed, participants: '120' });
    seen.push(blocksText(recorded.response.view?.blocks));
    assert.match(blocksText(recorded.response.view?.blocks), /Wedi cofnodi: cyfarfod agored ar 12 Tach 2026 gyda 120 o bobl\./);

    const uploads = h.slack.uploads.length;
    // Asked for in the forum, the file goes to the chair privately.
    const exported = await h.after(() => h.command(slackPeople.chair, 'allforio csv', forum()));
    seen.push(blocksText(exported.blocks), exported.text);
    assert.match(blocksText(exported.blocks) + exported.text, /Rwyf wedi anfon yr allforio atoch chi mewn sgwrs breifat/);
    await h.slack.waitFor(() => h.slack.uploads.length > uploads);
    const csv = h.slack.uploads[uploads].bytes.toString('utf8');
    assert.match(csv, /^\uFEFFRhif,Teitl byr,Cam gweithredu,Thema,CAC,Perchennog/);
    assert.match(csv, /Datblygu Gyrfa,.*,2025-09-30,Coch,Dim cyllid eto\./);

    assert.deepEqual(phrasesOfLanguageIn(seen.join('\n'), 'en'), []);
  });
});
