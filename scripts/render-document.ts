/**
 * Renders a Word document's pages to PNG through LibreOffice, to look at the layout:
 *
 *   npx tsx scripts/render-document.ts FILE.docx [OUT_DIR] [DPI]
 *   npx tsx scripts/render-document.ts --sample [OUT_DIR]   (a Stage Two submission of a 23-action plan)
 *
 * Needs LibreOffice (Debian: libreoffice-writer-nogui) and poppler-utils.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasDocumentReader, readWithLibreOffice, renderPages } from '../test/support/document-reader';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { newNetwork } from '../src/core/session';
import { submissionFile } from '../src/core/submission/build';
import { seedSubmission } from '../test/core/submission/seed';

async function sampleSubmission(): Promise<Buffer> {
  const store = SqliteStore.open(':memory:');
  const network = newNetwork('n-sample', 'University of Liverpool');
  await store.createNetwork(network);
  await seedSubmission(store, network, { years: 2 });
  const bytes = await submissionFile(store, network, 'docx', '2021-03-29');
  await store.close();
  return bytes;
}

async function main(): Promise<number> {
  const [input, outDir = 'document-pages', dpi = '60'] = process.argv.slice(2);
  if (!input) {
    console.error('Usage: npx tsx scripts/render-document.ts FILE.docx|--sample [OUT_DIR] [DPI]');
    return 2;
  }
  if (!hasDocumentReader()) {
    console.error('LibreOffice (soffice) and poppler-utils (pdftotext, pdftoppm) are needed: apt-get install libreoffice-writer-nogui poppler-utils');
    return 1;
  }
  const docx = input === '--sample' ? await sampleSubmission() : readFileSync(input);
  const read = readWithLibreOffice(docx);
  rmSync(outDir, { recursive: true, force: true });
  const pages = renderPages(read.pdf, outDir, Number(dpi));
  copyFileSync(read.pdf, join(outDir, 'document.pdf'));
  read.cleanup();
  console.log(`${pages.length} pages rendered to ${outDir}/ (and the PDF as ${outDir}/document.pdf).`);
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
