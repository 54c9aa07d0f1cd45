import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { newNetwork } from '../../../src/core/session';
import type { Network } from '../../../src/core/model';
import { submissionFile } from '../../../src/core/submission/build';
import { SINGLE_PLAN_ID, type PlanSource } from '../../../src/core/submission/plans';
import { hasDocumentReader, readWithLibreOffice, type ReadDocument } from '../../support/document-reader';
import { seedSubmission } from './seed';

const TODAY = '2021-03-29';

const STAGE_TWO_HEADINGS = [
  'Background: the technical workforce',
  'Approach since becoming a signatory',
  'Progress on each theme',
  'RAG analysis of the previous action plan',
  'Explanation for every red item',
  'Evidence of impact',
  'Additional initiatives',
  'The new 36-month action plan',
  'How the technician voice shaped the new plan',
  'Where the status and plan are published',
  'Sign-off',
  'Appendix A: RAG analysis of the previous action plan',
  'Appendix B: the new action plan',
];

/** Text as a reader shows it, with layout spacing and soft hyphenation undone. */
const flat = (text: string): string => text.replace(/\u200B/g, '').replace(/\s+/g, ' ');

async function documentXml(docx: Buffer, part = 'word/document.xml'): Promise<string> {
  return (await JSZip.loadAsync(docx)).file(part)!.async('string');
}

describe('Self-assessment submission (.docx)', function () {
  this.timeout(120_000);
  let store: SqliteStore;
  let network: Network;
  let docx: Buffer;

  before(async function () {
    store = SqliteStore.open(':memory:');
    network = newNetwork('n-liverpool', 'University of Liverpool');
    await store.createNetwork(network);
    await seedSubmission(store, network, { years: 2, today: TODAY });
    docx = await submissionFile(store, network, 'docx', TODAY);
  });
  after(async () => store.close());

  describe('through a real reader (LibreOffice → PDF → text)', function () {
    let read: ReadDocument;

    before(function () {
      if (!hasDocumentReader()) {
        console.log('    LibreOffice (soffice) or poppler-utils is missing: skipping the real-reader checks. Install libreoffice-writer-nogui and poppler-utils (.ci/run does).');
        this.skip();
      }
      read = readWithLibreOffice(docx);
    });
    after(() => read?.cleanup());

    it('lays a 23-action Stage Two submission out on a handful of pages', function () {
      assert.ok(read.pages >= 5 && read.pages <= 10, `${read.pages} pages`);
    });

    it('shows every section heading of the guidance, in its order', function () {
      const text = flat(read.text);
      let from = 0;
      for (const heading of STAGE_TWO_HEADINGS) {
        const at = text.indexOf(heading, from);
        assert.ok(at >= 0, `“${heading}” after position ${from}`);
        from = at + heading.length;
      }
    });

    it('shows the cover, the legend in words, the as-at date, both red explanations and the sign-off', function () {
      const text = flat(read.text);
      const cover = flat(read.pageTexts[0]);
      for (const fact of ['Stage Two self-assessment and action plan', 'University of Liverpool', 'Dr James Howard, Director of The Academy', 'james.howard@example.ac.uk', '0151 794 2193', 'April 2019 – March 2021', 'RAG status as at 29 March 2021']) {
        assert.ok(cover.includes(fact), `cover shows “${fact}”`);
      }
      for (const words of ['Green – completed', 'Amber – in progress', 'Red – not yet done']) assert.ok(text.includes(words), words);
      assert.match(text, /Action 1\.6 – Raise the visibility of technical careers across the city region .*\(Red – not yet done\) The university joined a UK-wide outreach programme in autumn 2019/);
      assert.match(text, /Action 4\.5 – Investigate ways to enhance the technical skills .*Limits on how much may be transferred to external businesses/);
      assert.match(text, /Technician Commitment Nominated Institutional Lead Name: Dr James Howard, Director of The Academy Signature: _+ Date: _+/);
      assert.match(text, /Technician Commitment Signatory – Leader of Institution Name: Professor Dame Janet Beer, Vice-Chancellor Signature: _+ Date: _+/);
      assert.ok(text.includes('https://www.example.ac.uk/researcher/technicians-hub/commitment/'));
    });

    it('prints the plan table on landscape pages with whole e-mail parts and the header on every page', function () {
      const appendix = read.pageTexts.map((page, i) => ({ page, i })).filter(({ page }) => page.includes('Progress / explanation'));
      assert.ok(appendix.length >= 2, 'the plan table spans pages');
      for (const { page } of appendix) assert.match(page, /No\.\s+Action\s+Owner\s+Due\s+RAG/, 'header row repeated');
      const lines = appendix.map(({ page }) => page).join('\n');
      // Landscape lines hold the whole row: wider than any portrait line could.
      assert.ok(Math.max(...lines.split('\n').map((l) => l.length)) > 150);
      for (const owner of ['widening.participation@', 'technical.leaders.forum@', 'people.development@']) assert.ok(lines.includes(owner), `${owner} unbroken`);
      assert.equal(/example\.a\s*\n\s*c\.uk/.test(lines), false, 'no address broken inside its domain');
    });

    it('never prints verbatim feedback that no chair cleared', function () {
      assert.equal(read.text.includes('we would like more time for training'), false);
    });
  });

  describe('its XML', function () {
    it('puts the plan in a landscape section with fitted grid columns and repeated header rows', async function () {
      const xml = await documentXml(docx);
      const sections = [...xml.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
      assert.equal(sections.length, 2);
      assert.doesNotMatch(sections[0], /landscape/);
      assert.match(sections[1], /w:orient="landscape"/);
      assert.match(sections[1], /w:w="16838"/);
      const planTable = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('Progress / explanation'))!;
      const grid = [...planTable.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      assert.equal(grid.length, 7);
      const [number, action, owner, due, rag, progress] = grid;
      assert.ok(number < 900 && action > 2.5 * number && progress > due && owner > due && rag < owner, `widths ${grid.join(', ')}`);
      assert.ok(grid.reduce((a, b) => a + b, 0) <= 16838 - 2 * 851 + 1);
      assert.match(planTable, /<w:tblHeader\/>/);
      assert.match(planTable, /<w:tblLayout w:type="fixed"\/>/);
    });

    it('writes line breaks and bullets as Word does, never raw newlines', async function () {
      const xml = await documentXml(docx);
      assert.equal([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].some((m) => /[\r\n]/.test(m[1])), false, 'no newline inside a text run');
      assert.match(xml, /<w:t xml:space="preserve">The university joined a UK-wide outreach programme in autumn 2019 with six other universities, featured on national television\.<\/w:t><\/w:r><w:r><w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:br\/><w:t xml:space="preserve">The programme was cancelled/);
      const bullet = /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>(?:(?!<\/w:p>).)*school visits stopped/;
      assert.match(xml, bullet);
      const numbering = await documentXml(docx, 'word/numbering.xml');
      assert.match(numbering, /<w:numFmt w:val="bullet"\/>/);
    });

    it('uses Word heading styles, British English and alt text on every image', async function () {
      const xml = await documentXml(docx);
      const headings = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
      assert.ok(headings.includes('RAG analysis of the previous action plan') && headings.includes('Sign-off'), headings.join(' | '));
      assert.match(await documentXml(docx, 'word/styles.xml'), /<w:lang w:val="en-GB"\/>/);
      const images = [...xml.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
      assert.equal(images.length, 2, 'the RAG chart and the pulse trend');
      for (const image of images) assert.match(image, /descr="[^"]{40,}"/);
      assert.match(images[0], /Visibility: 4 green, 1 amber, 1 red of 6/);
    });
  });

  it('lays out a Stage One submission with its own sections and the plan as Appendix A', async function () {
    await store.saveInstitutionProfile({ ...(await store.getInstitutionProfile(network.id))!, stage: 'one', planPeriod: '2018 – 2020' });
    try {
      const xml = await documentXml(await submissionFile(store, network, 'docx', TODAY));
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
      for (const heading of ['Stage One self-assessment and action plan', 'Organisation profile and technical community', 'The 24-month action plan', 'How the technician voice shaped the plan', 'Appendix A: the action plan', 'Success measure / how impact will be evidenced']) {
        assert.ok(text.includes(heading), heading);
      }
      assert.equal(text.includes('Explanation for every red item'), false, 'nothing is reviewed at Stage One');
    } finally {
      await store.saveInstitutionProfile({ ...(await store.getInstitutionProfile(network.id))!, stage: 'two', planPeriod: 'April 2019 – March 2021' });
    }
  });

  it('takes its plans from any PlanSource: a previous plan with a closed snapshot and a new plan with success measures', async function () {
    const actions = (await store.listActions(network.id)).map((a) => ({ ...a, due: a.due ?? a.dueAsWritten, successMeasure: '' }));
    const plans: PlanSource = {
      plansFor: async () => ({
        narrativePlanId: SINGLE_PLAN_ID,
        previous: { id: 'p-2019', name: 'Plan 2019–2021', period: '2019 – 2021', ragAsAt: '2021-03-01', actions },
        next: { id: 'p-2021', name: 'Plan 2021–2024', period: '2021 – 2024', ragAsAt: TODAY, actions: [{ ...actions[0], number: '1.1', title: 'Create a career pathway for technicians', successMeasure: 'Pathway published; 50 technicians use it in its first year' }] },
      }),
    };
    const xml = await documentXml(await submissionFile(store, network, 'docx', TODAY, plans));
    assert.match(xml, /RAG status as at 1 March 2021/);
    assert.match(xml, /Pathway published; 50 technicians use it in its first year/);
    assert.doesNotMatch(xml, /not held in Techvoice yet/);
  });
});
