import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { startWorldWithPlan, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardActions, cardInputs, cardText } from '../support/cards';
import { submissionFile } from '../../src/core/submission/build';

const PROFILE = {
  cv: 1,
  name: 'University of Midshire',
  leadName: 'Dr Alex Reid, Director of Technical Services',
  leadEmail: 'alex.reid@example.ac.uk',
  leadPhone: '0151 794 2193',
  headName: 'Professor Jane Doe, Vice-Chancellor',
  signatoryDate: '2017-09-28',
  webPage: 'https://www.example.ac.uk/technicians/commitment',
  stage: 'two',
  planPeriod: 'April 2021 – March 2024',
  governance: 'Steering group chaired by the lead.\n• reports to the Senior Leadership Team',
};

const documentText = async (docx: Buffer): Promise<string> => (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');

describe('Teams: the self-assessment submission in chat', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorldWithPlan();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('lets an admin fill in the institution profile on a card, which renames the network and fills the cover', async () => {
    const form = (await bot.say(people.admin, 'profile')).cards[0];
    assert.deepEqual(cardInputs(form).map((i) => i.id), ['name', 'leadName', 'leadEmail', 'leadPhone', 'headName', 'signatoryDate', 'webPage', 'stage', 'planPeriod', 'governance']);
    const saved = await bot.press(people.admin, 'profile.save', PROFILE);
    assert.match(cardText(saved), /Saved the institution profile\. The network is now called University of Midshire\./);
    const network = (await bot.store.getNetwork(await networkId(bot)))!;
    assert.equal(network.name, 'University of Midshire');
    const xml = await documentText(await submissionFile(bot.store, network, 'docx', '2026-12-01'));
    for (const fact of ['University of Midshire', 'Dr Alex Reid, Director of Technical Services', 'alex.reid@example.ac.uk', '28 September 2017', 'April 2021 – March 2024', 'Professor Jane Doe, Vice-Chancellor', 'https://www.example.ac.uk/technicians/commitment']) {
      assert.ok(xml.includes(fact), fact);
    }
    assert.match(cardText((await bot.say(people.admin, 'profile')).cards[0]), /Dr Alex Reid/);
  });

  it('refuses a bad e-mail, date or web address with a clear message and changes nothing', async () => {
    const id = await networkId(bot);
    for (const [field, value, message] of [
      ['leadEmail', 'alex.reid', /e-mail address does not look right/],
      ['signatoryDate', '2017-02-30', /signatory date as a date/],
      ['webPage', 'javascript:alert(1)', /web address starting with https:\/\//],
      ['name', ' ', /Give the institution’s name/],
    ] as const) {
      const card = await bot.press(people.admin, 'profile.save', { ...PROFILE, [field]: value });
      assert.match(cardText(card), message);
      assert.equal(cardInputs(card).find((i) => i.id === field)!.value, value, 'what was typed stays on the card');
    }
    assert.equal(await bot.store.getInstitutionProfile(id), null);
    assert.notEqual((await bot.store.getNetwork(id))!.name, 'University of Midshire');
  });

  it('keeps the profile to admins and the narrative, consultations and quotes to chairs and admins', async () => {
    assert.match((await bot.say(people.chair, 'profile')).texts[0], /Only admins can do that/);
    assert.match(cardText(await bot.press(people.chair, 'profile.save', PROFILE)), /Only admins can do that/);
    for (const command of ['narrative', 'consultation', 'quote FB-1']) assert.match((await bot.say(people.member, command)).texts[0], /Only forum chairs and admins/);
    assert.match(cardText(await bot.press(people.member, 'narrative.save', { cv: 1, section: 'voice', text: 'x' })), /Only forum chairs and admins/);
    assert.match(cardText(await bot.press(people.member, 'consultation.add', { cv: 1, formId: 'f', heldOn: '2026-11-12', kind: 'workshop', participants: '4', summary: 'x' })), /Only forum chairs and admins/);
    assert.equal(await bot.store.getInstitutionProfile(await networkId(bot)), null);
    assert.deepEqual(await bot.store.listNarrativeSections(await networkId(bot), 'current'), []);
    assert.deepEqual(await bot.store.listConsultations(await networkId(bot)), []);
  });

  it('lets a chair draft a narrative section in a long text field, with its line breaks and bullets reaching the document', async () => {
    const list = (await bot.say(people.chair, 'narrative')).cards[0];
    assert.match(cardText(list), /\*\*How the technician voice shaped the plan\*\* · not written yet/);
    const edit = await bot.press(people.chair, 'narrative.edit', cardActions(list).find((a) => a.data.section === 'voice')!.data);
    assert.match(cardText(edit), /How the technician voice was present in the development and formation of the 36-month action plan/);
    const field = cardInputs(edit).find((i) => i.id === 'text')!;
    assert.equal(field.isMultiline, true);
    assert.equal(field.maxLength, 3000);

    const text = 'Drafted with the Technical Leaders’ Forum.\nTested at two workshops:\n• 46 technicians\n• 31 technicians';
    const saved = await bot.press(people.chair, 'narrative.save', { ...actionFor(edit, 'narrative.save').data, text });
    assert.match(cardText(saved), /Saved “How the technician voice shaped the plan”/);
    assert.match(cardText(saved), /\*\*How the technician voice shaped the plan\*\* · written, 101 characters/);

    const xml = await documentText(await submissionFile(bot.store, (await bot.store.getNetwork(await networkId(bot)))!, 'docx', '2026-12-01'));
    assert.match(xml, /Drafted with the Technical Leaders’ Forum\.<\/w:t><\/w:r><w:r>(?:(?!<\/w:p>).)*<w:br\/><w:t xml:space="preserve">Tested at two workshops:/);
    assert.match(xml, /<w:numPr>(?:(?!<\/w:p>).)*46 technicians/);
  });

  it('keeps a too-long section on the card with what to fix, and saves nothing', async () => {
    const card = await bot.press(people.chair, 'narrative.save', { cv: 1, section: 'approach', text: 'x'.repeat(3001) });
    assert.match(cardText(card), /The section can be up to 3,000 characters/);
    assert.equal((cardInputs(card).find((i) => i.id === 'text')!.value as string).length, 3001);
    assert.deepEqual(await bot.store.listNarrativeSections(await networkId(bot), 'current'), []);
    assert.match(cardText(await bot.press(people.chair, 'narrative.edit', { cv: 1, section: 'nonsense' })), /There is no section “nonsense”/);
  });

  it('records a consultation once however often the form is sent, and refuses unknown actions and bad numbers', async () => {
    const form = (await bot.say(people.chair, 'consultation')).cards[0];
    const { formId } = actionFor(form, 'consultation.add').data;
    const typed = { cv: 1, formId, heldOn: '2026-11-12', kind: 'workshop', participants: '46', summary: 'Career pathway first.\n• clearer grades', actionsShaped: '3.2, 1.5' };
    assert.match(cardText(await bot.press(people.chair, 'consultation.add', { ...typed, actionsShaped: '3.2, 9.9' })), /There is no action 9\.9 in the plan/);
    assert.match(cardText(await bot.press(people.chair, 'consultation.add', { ...typed, participants: 'lots' })), /whole number/);
    assert.match(cardText(await bot.press(people.chair, 'consultation.add', { ...typed, kind: 'party' })), /Choose the kind/);
    assert.deepEqual(await bot.store.listConsultations(await networkId(bot)), []);

    const done = await bot.press(people.chair, 'consultation.add', typed);
    assert.match(cardText(done), /Recorded: workshop on 12 Nov 2026 with 46 people/);
    assert.match(cardText(done), /12 Nov 2026 · workshop\n46 people · shaped 3\.2, 1\.5/);
    await bot.press(people.chair, 'consultation.add', typed);
    const stored = await bot.store.listConsultations(await networkId(bot));
    assert.equal(stored.length, 1, 'a double click records one consultation');
    assert.deepEqual([stored[0].kind, stored[0].participants, stored[0].summary, stored[0].actionsShaped], ['workshop', 46, 'Career pathway first.\n• clearer grades', ['3.2', '1.5']]);
  });

  it('quotes feedback only once a chair clears it, never with its author, and only in a theme with enough items', async () => {
    const id = await networkId(bot);
    const base = { networkId: id, theme: 'Recognition' as const, anonymous: false, authorMemberId: 'm-mo', status: 'new' as const, linkedAction: null, reply: null, platform: 'teams' as const };
    const at = new Date().toISOString();
    for (let i = 0; i < 4; i++) await bot.store.createFeedback({ ...base, text: `Recognition item ${i}: please thank technicians in papers`, createdAt: at, updatedAt: at }, `f${i}`);
    const network = (await bot.store.getNetwork(id))!;
    const exported = async () => documentText(await submissionFile(bot.store, network, 'docx', '2026-12-01'));
    assert.doesNotMatch(await exported(), /please thank technicians/);

    assert.match((await bot.say(people.chair, 'quote FB-2')).texts[0], /FB-2 may now be quoted word for word .* never with its author\. It appears once Recognition has at least 5 feedback items \(it has 4\)/);
    assert.doesNotMatch(await exported(), /please thank technicians/, 'a theme under the threshold is never quoted');

    await bot.store.createFeedback({ ...base, text: 'Recognition item 4', createdAt: at, updatedAt: at }, 'f4');
    const xml = await exported();
    assert.match(xml, /“Recognition item 1: please thank technicians in papers”/);
    assert.equal((xml.match(/please thank technicians/g) ?? []).length, 1, 'only the cleared item');
    assert.doesNotMatch(xml, /Mo Member/);

    assert.match((await bot.say(people.chair, 'quote FB-2 off')).texts[0], /no longer be quoted/);
    assert.doesNotMatch(await exported(), /please thank technicians/);
    assert.match((await bot.say(people.chair, 'quote FB-99')).texts[0], /There is no feedback FB-99/);
    assert.match((await bot.say(people.chair, 'quote everything')).texts[0], /Say which feedback/);
  });
});
