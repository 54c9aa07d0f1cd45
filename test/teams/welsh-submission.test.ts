import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { startWorld, startWorldWithPlan, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { cardInputs, cardText, type CardJson } from '../support/cards';
import { conversationIdOf, invoke, personal } from '../support/teams-activities';
import type { TeamsUser } from '../support/teams-activities';
import { hasDocumentReader, readWithLibreOffice } from '../support/document-reader';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';

/** A Welsh university's plan: what people wrote is Welsh, so a Welsh export has no English at all. */
const WELSH_PLAN = [
  'number,title,theme,owner,due,status,note',
  '1.1,Cynnal fforwm chwarterol i arweinwyr technegol,Visibility,arweinydd.fforwm@enghraifft.ac.uk,2025-03-31,green,Pedwar fforwm wedi’u cynnal eleni.',
  '2.1,Gwobr flynyddol i dechnegwyr,Recognition,adnoddau.dynol@enghraifft.ac.uk,2025-06-30,amber,Mae’r panel wedi’i ffurfio.',
  '3.1,Rhaglen fentora i dechnegwyr newydd,Career Development,datblygu@enghraifft.ac.uk,2025-09-30,red,Dim cyllid eto; gohiriwyd tan y flwyddyn nesaf.',
  '4.1,Cynllun olyniaeth ar gyfer rolau arbenigol,Sustainability,cynllunio@enghraifft.ac.uk,2026-01-31,green,Cynllun wedi’i gymeradwyo gan y bwrdd.',
].join('\n');

const WELSH_PROFILE = {
  cv: 1,
  name: 'Prifysgol Aberhonddu',
  leadName: 'Dr Siân Evans, Cyfarwyddwr Gwasanaethau Technegol',
  leadEmail: 'sian.evans@enghraifft.ac.uk',
  leadPhone: '01874 123456',
  headName: 'Yr Athro Huw Jones, Is-Ganghellor',
  signatoryDate: '2018-03-01',
  webPage: 'https://www.enghraifft.ac.uk/technegwyr',
  stage: 'two',
  planPeriod: 'Ebrill 2021 – Mawrth 2024',
  governance: 'Grŵp llywio dan gadeiryddiaeth yr arweinydd.\n• yn adrodd i’r Uwch Dîm Arwain',
};

const CONTEXT_TEXT = 'Mae 412 o staff mewn rolau technegol ar draws tri champws.\n• Mae 38% yn fenywod';

interface Consent {
  contentType: string;
  name: string;
  content: { description: string; acceptContext: { fileId: string } };
}

/**
 * Everything a person reads on a card: text, titles, labels, error messages, facts and what
 * the inputs hold; not the identifiers behind choices or the data a button sends.
 */
function seenOnCard(card: CardJson): string {
  const texts: string[] = [];
  const walk = (node: unknown, parentKey: string): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, parentKey));
    else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'label', 'errorMessage', 'placeholder', 'altText', 'value']) {
        if (key === 'value' && (parentKey === 'choices' || obj.type === 'Input.ChoiceSet')) continue;
        if (typeof obj[key] === 'string') texts.push(obj[key] as string);
      }
      for (const [key, value] of Object.entries(obj)) if (key !== 'data') walk(value, key);
    }
  };
  walk(card, '');
  return texts.join('\n');
}

/** The Word document as a reader sees it: LibreOffice renders it, poppler reads the text in reading order. */
function readDocx(docx: Buffer): string {
  const read = readWithLibreOffice(docx);
  try {
    return execFileSync('pdftotext', [read.pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, ' ');
  } finally {
    read.cleanup();
  }
}

describe('Teams: the self-assessment submission and exports in Welsh', function () {
  let bot: BotHarness;
  let seen: string[];

  afterEach(async () => {
    await bot.close();
  });

  const say = async (who: TeamsUser, text: string) => {
    const reply = await bot.say(who, text);
    seen.push(...reply.texts, ...reply.cards.map(seenOnCard));
    return reply;
  };
  const press = async (who: TeamsUser, verb: string, data: Record<string, unknown>) => {
    const card = await bot.press(who, verb, data);
    seen.push(seenOnCard(card));
    return card;
  };

  const consentsIn = (who: TeamsUser): Consent[] =>
    bot.connector.sent
      .filter((s) => s.conversationId === conversationIdOf(who, personal))
      .flatMap((s) => (s.activity.attachments as Consent[] | undefined) ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');

  /** Asks for an export in chat, accepts the file and returns what was uploaded. */
  async function exported(who: TeamsUser, command: string): Promise<{ consent: Consent; body: Buffer }> {
    const before = consentsIn(who).length;
    await say(who, command);
    const consent = consentsIn(who)[before];
    assert.ok(consent, `${command} offers a file`);
    seen.push(consent.content.description);
    const uploads = bot.connector.uploads.length;
    const answered = await bot.post({
      ...invoke(bot.connector.url, who, '', {}, personal),
      name: 'fileConsent/invoke',
      value: {
        type: 'fileUpload',
        action: 'accept',
        context: consent.content.acceptContext,
        uploadInfo: { name: consent.name, uploadUrl: `${bot.connector.url}/upload/${consent.name}`, contentUrl: `https://contoso-my.sharepoint.com/${consent.name}`, uniqueId: `u-${uploads}`, fileType: 'docx' },
      },
    });
    assert.equal(answered.status, 200);
    assert.equal(bot.connector.uploads.length, uploads + 1);
    return { consent, body: bot.connector.uploads[uploads].body };
  }

  describe('a Welsh network, in Welsh', () => {
    beforeEach(async () => {
      bot = await startWorld();
      await importActionPlan(bot.store, await networkId(bot), WELSH_PLAN, new Date().toISOString());
      await bot.say(people.admin, 'iaith cymraeg');
      await bot.say(people.chair, 'iaith cymraeg');
      seen = [];
    });

    it('keeps the profile, narrative and consultations in Welsh, refusing bad input in Welsh and changing nothing', async () => {
      const id = await networkId(bot);
      const form = (await say(people.admin, 'proffil')).cards[0];
      assert.match(seenOnCard(form), /Proffil y sefydliad/);
      assert.match(seenOnCard(form), /Arweinydd sefydliadol: e-bost/);
      const refused = await press(people.admin, 'profile.save', { ...WELSH_PROFILE, leadEmail: 'sian.evans' });
      assert.match(cardText(refused), /Nid yw cyfeiriad e-bost yr arweinydd sefydliadol yn edrych yn gywir\./);
      assert.equal(cardInputs(refused).find((i) => i.id === 'leadEmail')!.value, 'sian.evans', 'what was typed stays on the card');
      assert.equal(await bot.store.getInstitutionProfile(id), null, 'nothing was saved');
      assert.match(cardText(await press(people.admin, 'profile.save', WELSH_PROFILE)), /Wedi cadw proffil y sefydliad\. Enw’r rhwydwaith bellach yw Prifysgol Aberhonddu\./);

      const list = (await say(people.chair, 'naratif')).cards[0];
      assert.match(seenOnCard(list), /Naratif yr hunanasesiad/);
      assert.match(seenOnCard(list), /Adrannau cyflwyniad Cam Dau/);
      assert.match(seenOnCard(list), /\*\*Cefndir a chyd-destun\*\* · heb ei ysgrifennu eto/);
      const edit = await press(people.chair, 'narrative.edit', { cv: 1, section: 'context' });
      assert.match(seenOnCard(edit), /Eich testun/);
      assert.match(seenOnCard(edit), /Cadw’r adran/);
      const tooLong = await press(people.chair, 'narrative.save', { cv: 1, section: 'context', text: 'a'.repeat(3001) });
      assert.match(cardText(tooLong), /Gall yr adran fod hyd at 3,000 nod\./);
      const saved = await press(people.chair, 'narrative.save', { cv: 1, section: 'context', text: CONTEXT_TEXT });
      assert.match(cardText(saved), /Wedi cadw “Cefndir a chyd-destun”\./);
      assert.match(cardText(saved), /wedi’i ysgrifennu, \d+ nod/);
      assert.match((await say(people.chair, 'naratif effaith')).cards.map(seenOnCard).join('\n'), /Sut mae tystiolaeth o’r effaith/);
      const missing = await say(people.chair, 'naratif dim-byd');
      assert.match([...missing.texts, ...missing.cards.map(seenOnCard)].join('\n'), /Does dim adran “dim-byd”\. Teipiwch \*\*naratif\*\* i weld yr adrannau\./);

      const consultation = (await say(people.chair, 'ymgynghoriad')).cards[0];
      assert.match(seenOnCard(consultation), /Cofnodi ymgynghoriad/);
      assert.match(seenOnCard(consultation), /Gweithdy/);
      const typed = { cv: 1, formId: 'ffurflen-1', heldOn: '2024-05-14', kind: 'workshop', participants: 'llawer', summary: 'Roedd technegwyr eisiau mwy o hyfforddiant.', actionsShaped: '3.1' };
      assert.match(cardText(await press(people.chair, 'consultation.add', typed)), /Rhowch nifer y cyfranogwyr fel rhif cyfan\./);
      assert.deepEqual(await bot.store.listConsultations(id), [], 'nothing was recorded');
      const recorded = await press(people.chair, 'consultation.add', { ...typed, participants: '18' });
      assert.match(cardText(recorded), /Wedi cofnodi: gweithdy ar 14 Mai 2024 gyda 18 o bobl\./);
      assert.match(cardText(recorded), /18 o bobl · wedi llunio 3\.1/);

      const quote = await say(people.chair, 'dyfyniad FB-99');
      assert.match([...quote.texts, ...quote.cards.map(seenOnCard)].join('\n'), /Does dim adborth FB-99\. Teipiwch \*\*rhestr adborth\*\*/);

      assert.deepEqual(phrasesOfLanguageIn(seen.join('\n'), 'en'), []);
    });

    it('exports the Word document in Welsh, with what people wrote as written', async function () {
      if (!hasDocumentReader()) this.skip();
      await bot.press(people.admin, 'profile.save', WELSH_PROFILE);
      await bot.press(people.chair, 'narrative.save', { cv: 1, section: 'context', text: CONTEXT_TEXT });

      const { consent, body } = await exported(people.chair, 'allforio');
      assert.match(consent.name, /^hunanasesiad-prifysgol-aberhonddu-\d{4}-\d{2}-\d{2}\.docx$/);
      assert.match(consent.content.description, /^Cyflwyniad hunanasesu Ymrwymiad y Technegwyr Prifysgol Aberhonddu/);
      assert.match(seen.join('\n'), /Dyma’r cyflwyniad hunanasesu fel dogfen Word/);

      const text = readDocx(body);
      for (const heading of [
        'Ymrwymiad y Technegwyr',
        'Hunanasesiad a chynllun gweithredu Cam Dau',
        'Manylion cyswllt',
        'Enw’r Arweinydd Sefydliadol',
        'Cefndir: y gweithlu technegol',
        'Y dull ers dod yn llofnodwr',
        'Llywodraethu, llinellau adrodd ac adnoddau',
        'Dadansoddiad RAG o’r cynllun gweithredu blaenorol',
        'Allwedd i’r statws RAG',
        'Gwyrdd – wedi’i gwblhau',
        'Esboniad ar gyfer pob eitem goch',
        'Cam gweithredu 3.1 – Rhaglen fentora i dechnegwyr newydd (Coch – heb ei wneud eto)',
        'Dywedoch chi, gwnaethon ni',
        'Ble mae’r statws a’r cynllun wedi’u cyhoeddi',
        'Cymeradwyo',
        'Arweinydd Sefydliadol Enwebedig Ymrwymiad y Technegwyr',
        'Atodiad A: dadansoddiad RAG o’r cynllun gweithredu blaenorol',
        'Atodiad B: y cynllun gweithredu newydd',
        'Datblygu Gyrfa',
        'Statws RAG',
      ]) {
        assert.ok(text.includes(heading), `the Welsh document shows “${heading}”`);
      }
      assert.match(text, /Wedi llofnodi Ymrwymiad y Technegwyr ers 1 Mawrth 2018/, 'dates in Welsh');
      assert.match(text, /Prifysgol Aberhonddu · Hunanasesiad a chynllun gweithredu Cam Dau · tudalen 1 o \d+/, 'the footer in Welsh');
      assert.ok(text.includes('Mae 412 o staff mewn rolau technegol ar draws tri champws.'), 'the narrative as written');
      assert.ok(text.includes('Dim cyllid eto; gohiriwyd tan y flwyddyn nesaf.'), 'the red item’s explanation as written');
      assert.deepEqual(phrasesOfLanguageIn(text, 'en'), [], 'no English in the Welsh document');
      assert.deepEqual(phrasesOfLanguageIn(seen.join('\n'), 'en'), [], 'no English in the chat');
    });

    it('exports the CSV and Markdown in Welsh, and in English when asked', async () => {
      const csv = (await exported(people.chair, 'allforio csv')).body.toString('utf8');
      assert.equal(csv.split('\r\n')[0], '\uFEFFRhif,Teitl byr,Cam gweithredu,Thema,CAC,Perchennog,E-bost perchennog,Dyddiad cau,Statws,Nodyn,Mesur llwyddiant,Tystiolaeth');
      assert.match(csv, /\r\n3\.1,,Rhaglen fentora i dechnegwyr newydd,Datblygu Gyrfa,,[^,]+,[^,]+,2025-09-30,Coch,Dim cyllid eto; gohiriwyd tan y flwyddyn nesaf\.,,\r\n/);

      const markdown = (await exported(people.chair, 'allforio md')).body.toString('utf8');
      assert.match(markdown, /^# Ymrwymiad y Technegwyr: Hunanasesiad a chynllun gweithredu Cam Dau$/m);
      assert.match(markdown, /^## Dadansoddiad RAG o’r cynllun gweithredu blaenorol$/m);
      assert.match(markdown, /^\| Thema \| Rhif \| Cam gweithredu \| Perchennog \| Erbyn \| Statws RAG \|/m);
      assert.deepEqual(phrasesOfLanguageIn(markdown, 'en'), []);

      const english = await exported(people.chair, 'allforio csv saesneg');
      assert.match(english.body.toString('utf8'), /^\uFEFFNumber,Short title,Action,Theme,EDI,Owner/);
      assert.match(english.body.toString('utf8'), /\r\n3\.1,,Rhaglen fentora i dechnegwyr newydd,Career Development,,[^,]+,[^,]+,2025-09-30,Red,Dim cyllid eto/);
      assert.match(english.consent.name, /^rag-analysis-/);
      assert.match(seen.join('\n'), /Dyma’r dadansoddiad RAG o’r cynllun gweithredu fel CSV\. Mae’r ffeil yn Saesneg\./);

      const refused = await say(people.chair, 'allforio pdf');
      assert.match(refused.texts.join('\n') + refused.cards.map(seenOnCard).join('\n'), /Dydw i ddim yn deall “pdf” yma\. Dewiswch \*\*allforio docx\*\*/);
      assert.deepEqual(phrasesOfLanguageIn(seen.join('\n'), 'en'), []);
    });
  });

  describe('an English session', () => {
    beforeEach(async () => {
      bot = await startWorldWithPlan();
      seen = [];
    });

    it('exports in English as before, and in Welsh when asked, telling the person so in English', async function () {
      if (!hasDocumentReader()) this.skip();
      // Every request first: reading a document blocks the test process for seconds.
      const englishFile = await exported(people.chair, 'export');
      const welsh = await exported(people.chair, 'export docx cymraeg');
      const csv = (await exported(people.chair, 'export csv')).body.toString('utf8');

      assert.match(csv, /^\uFEFFNumber,Short title,Action,Theme,EDI,Owner,Owner e-mail,Due,Status,Note,Success measure,Evidence\r\n/);
      assert.match(welsh.consent.name, /^hunanasesiad-/);
      assert.match(welsh.consent.content.description, /^The Technician Commitment self-assessment submission of /, 'described in the reader’s language');
      assert.match(seen.join('\n'), /Here is the self-assessment submission as a Word document, in the order the guidance asks, ready for the institutional lead to check and sign\. The file is in Welsh\./);

      const english = readDocx(englishFile.body);
      assert.ok(english.includes('RAG analysis of the previous action plan'));
      assert.ok(english.includes('Appendix A: RAG analysis of the previous action plan'));
      assert.deepEqual(phrasesOfLanguageIn(english, 'cy'), [], 'no Welsh in the English document');

      const text = readDocx(welsh.body);
      assert.ok(text.includes('Dadansoddiad RAG o’r cynllun gweithredu blaenorol'));
      assert.ok(text.includes('Atodiad A: dadansoddiad RAG o’r cynllun gweithredu blaenorol'));
      assert.ok(text.includes("Run a quarterly Technical Leaders' Forum that feeds the steering group"), 'action text stays as written');
      assert.deepEqual(phrasesOfLanguageIn(seen.join('\n'), 'cy'), [], 'no Welsh in the English chat');
    });
  });
});
