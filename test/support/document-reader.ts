import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** True when LibreOffice's soffice and poppler's pdftotext are installed (`.ci/run` installs both). */
export function hasDocumentReader(): boolean {
  return ['soffice', 'pdftotext', 'pdfinfo'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
}

export interface ReadDocument {
  pdf: string;
  pages: number;
  /** The text of every page, as pdftotext lays it out (pages split at form feeds). */
  pageTexts: string[];
  text: string;
  cleanup(): void;
}

/** Opens a .docx the way a reader would: LibreOffice converts it to PDF, poppler reads the PDF. */
export function readWithLibreOffice(docx: Buffer, name = 'submission.docx'): ReadDocument {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-reader-'));
  const input = join(dir, name);
  writeFileSync(input, docx);
  // A private profile, so parallel conversions (and a person's own LibreOffice) never collide.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'pipe', timeout: 120_000 });
  const pdf = join(dir, basename(name).replace(/\.docx$/, '.pdf'));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { pdf, pages, pageTexts: text.split('\f').slice(0, pages), text, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Renders every page of a PDF to PNG in `outDir` (for a person to look at); returns the files. */
export function renderPages(pdf: string, outDir: string, dpi = 60): string[] {
  mkdirSync(outDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(outDir, 'page')]);
  return readdirSync(outDir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort().map((f) => join(outDir, f));
}
