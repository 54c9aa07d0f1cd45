/**
 * Action plans at real size on SQLite:
 * - importing a 1,000-action plan (Liverpool-length texts and notes, ’ – •) as .xlsx and as
 *   Windows-1252 CSV (target under 2 s each), beside reading the same file alone with exceljs
 *   or csv-parse (the baselines: what any import must pay);
 * - one `actions` page of a 1,000-action plan for a chair (target p99 under 100 ms), beside
 *   reading the plan's actions from the store alone.
 *
 * Run alone: npx tsx bench/plan-import.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { Outbox } from '../src/core/outbox/outbox';
import { newNetwork } from '../src/core/session';
import { importActionPlan } from '../src/core/actions/plan-import';
import { listActions } from '../src/core/actions/actions';
import type { Member } from '../src/core/model';
import type { Session } from '../src/core/session';
import { bigPlanCsv } from '../test/fixtures/big-plan';
import { encodeCsv } from '../test/fixtures/liverpool-plan';

const ACTIONS = 1_000;
const IMPORT_RUNS = 5;
const PAGE_RUNS = 300;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

async function times(runs: number, work: (run: number) => Promise<unknown>): Promise<number[]> {
  await work(-1);
  const measured: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work(run);
    measured.push(performance.now() - start);
  }
  return measured;
}

async function xlsxOf(csv: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  for (const row of parse(csv, { bom: true }) as string[][]) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'techvoice-bench-plans-'));
  const store = SqliteStore.open(join(dir, 'bench.db'));
  try {
    const csvText = bigPlanCsv(ACTIONS, 'owner@liverpool.ac.uk');
    const csv = encodeCsv(csvText, 'windows-1252');
    const xlsx = await xlsxOf(csvText);
    let networks = 0;
    const fresh = async () => {
      const id = `n-${++networks}`;
      await store.createNetwork(newNetwork(id, 'Bench University'));
      return id;
    };
    const at = new Date().toISOString();
    const importInto = async (bytes: Uint8Array) => {
      const result = await importActionPlan(store, await fresh(), bytes, at);
      if (!result.ok || result.added.length !== ACTIONS) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
    };
    const csvImport = median(await times(IMPORT_RUNS, () => importInto(csv)));
    const csvBaseline = median(await times(IMPORT_RUNS, async () => parse(iconv.decode(Buffer.from(csv), 'win1252'), { relax_column_count: true })));
    const xlsxImport = median(await times(IMPORT_RUNS, () => importInto(xlsx)));
    const xlsxBaseline = median(
      await times(IMPORT_RUNS, async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
      }),
    );

    const planNetwork = await fresh();
    await importActionPlan(store, planNetwork, csv, at);
    const member: Member = {
      id: 'm-chair', networkId: planNetwork, platform: 'teams', platformUserId: '29:chair', aadObjectId: null, name: 'Chris Chair',
      email: 'chair@liverpool.ac.uk', roles: ['member', 'chair'], directAddress: null, unreachable: false, linkedPerson: null, language: null, seenLanguage: null, createdAt: at,
    };
    const network = (await store.getNetwork(planNetwork))!;
    const session = { network, member, inbound: {} } as unknown as Session;
    const deps = { store, secret: 'bench', outbox: new Outbox(store, {}, { secret: 'bench' }) };
    const page = await times(PAGE_RUNS, (run) => listActions(deps, session, '', `page ${(Math.max(run, 0) % 100) + 1}`));
    const read = await times(PAGE_RUNS, () => store.listActions(planNetwork));
    const pageBytes = JSON.stringify(await listActions(deps, session, '', 'page 50')).length * 2;

    console.log(`\nAction plans of ${ACTIONS.toLocaleString('en-GB')} actions on SQLite (texts and notes near 2,000 characters)\n`);
    console.log('| what | Techvoice | baseline | baseline is | target |');
    console.log('|---|---:|---:|---|---|');
    console.log(`| import Windows-1252 CSV (median of ${IMPORT_RUNS}) | ${csvImport.toFixed(0)} ms | ${csvBaseline.toFixed(0)} ms | decode + csv-parse alone | < 2,000 ms: ${csvImport < 2000 ? 'met' : 'NOT met'} |`);
    console.log(`| import .xlsx (median of ${IMPORT_RUNS}) | ${xlsxImport.toFixed(0)} ms | ${xlsxBaseline.toFixed(0)} ms | exceljs load alone | < 2,000 ms: ${xlsxImport < 2000 ? 'met' : 'NOT met'} |`);
    console.log(`| one \`actions\` page, p50 / p99 of ${PAGE_RUNS} | ${percentile(page, 50).toFixed(1)} / ${percentile(page, 99).toFixed(1)} ms | ${percentile(read, 50).toFixed(1)} / ${percentile(read, 99).toFixed(1)} ms | store.listActions alone | p99 < 100 ms: ${percentile(page, 99) < 100 ? 'met' : 'NOT met'} |`);
    console.log(`\nOne page's card: ${(pageBytes / 1024).toFixed(1)} KB as UTF-16 (Teams aim: 40 KB).`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
