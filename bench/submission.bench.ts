/**
 * The self-assessment submission of a 200-action plan with three years of monthly pulses on
 * every theme (~3,900 answers) and 900 feedback items: how long the Word document (data, two
 * charts, packing) and the Markdown take, and the peak memory of the process that makes them.
 * Beside them, in the same run: the CSV of the same plan, and a bare docx of the same 200
 * rows with no layout, charts or evidence (the floor any Word export pays). Each export runs
 * in its own process, compiled and with `npm start`'s Node flags, as the product runs.
 *
 * Targets: the Word document in < 3 s, peak RSS < 300 MB.
 * Run alone: npx tsx bench/submission.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { compiledTarget, START_FLAGS } from './child';
import { EXPORT_KINDS, type ExportKind } from './targets/submission-export';

interface Measured {
  kind: ExportKind;
  firstMs: number;
  medianMs: number;
  bytes: number;
  peakRssMb: number;
  seededRssMb: number;
}

const LABELS: Record<ExportKind, string> = {
  docx: 'Techvoice submission (.docx, 2 charts)',
  md: 'Techvoice submission (.md)',
  csv: 'baseline: RAG analysis (.csv)',
  'bare-docx': 'baseline: bare .docx of the same 200 rows',
};

const target = compiledTarget('submission-export.ts');
const results: Measured[] = EXPORT_KINDS.map((kind) => {
  const run = spawnSync(process.execPath, ['--no-deprecation', ...START_FLAGS, target, kind], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${kind} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Measured;
});
const round = (n: number) => Math.round(n).toLocaleString('en-GB');
console.log('200 actions, three years of monthly pulses on four themes, 900 feedback items.\n');
console.log('| export | first | median of 3 | size | peak RSS | RSS after seeding |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${LABELS[r.kind]} | ${round(r.firstMs)} ms | ${round(r.medianMs)} ms | ${round(r.bytes / 1024)} KB | ${round(r.peakRssMb)} MB | ${round(r.seededRssMb)} MB |`);
const docx = results.find((r) => r.kind === 'docx')!;
const met = docx.firstMs < 3000 && docx.peakRssMb < 300;
console.log(`\nTarget (< 3 s, peak RSS < 300 MB): ${met ? 'met' : 'NOT met'}: first export ${round(docx.firstMs)} ms, peak ${round(docx.peakRssMb)} MB.`);
if (!met) process.exitCode = 1;
