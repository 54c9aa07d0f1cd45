/**
 * One export of the submission benchmark, run compiled in its own process (bench/submission.bench.ts):
 * seeds the plan in memory, exports it once to warm up and three times measured, and prints
 * the median time, the size and the process's peak memory as JSON.
 */
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { newNetwork } from '../../src/core/session';
import { exportBytes } from '../../src/core/export/export';
import { seedSubmission } from '../../test/core/submission/seed';

export const EXPORT_KINDS = ['docx', 'md', 'csv', 'bare-docx'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
const RUNS = 3;

async function main(kind: ExportKind): Promise<void> {
  const store = SqliteStore.open(':memory:');
  const network = newNetwork('n-bench', 'University of Benchmark');
  await store.createNetwork(network);
  await seedSubmission(store, network, { actions: 200, years: 3, feedbackPerYear: 300, today: '2026-11-30' });
  const seededRssMb = process.memoryUsage().rss / 1e6;
  const actions = await store.listActions(network.id);
  const work = async (): Promise<Buffer> => {
    if (kind === 'bare-docx') {
      const rows = actions.map((a) => new TableRow({ children: [a.number, a.title, a.owner, a.due ?? a.dueAsWritten, a.status, a.note, a.evidence].map((t) => new TableCell({ children: [new Paragraph(t)] })) }));
      return Packer.toBuffer(new Document({ sections: [{ children: [new Table({ rows })] }] }));
    }
    return exportBytes({ store }, network, kind, '2026-11-30');
  };
  const firstStart = performance.now();
  let bytes = (await work()).length;
  const firstMs = performance.now() - firstStart;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = (await work()).length;
    times.push(performance.now() - start);
  }
  await store.close();
  const medianMs = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  process.stdout.write(`${JSON.stringify({ kind, firstMs, medianMs, bytes, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6, seededRssMb })}\n`);
}

if (require.main === module) void main(process.argv[2] as ExportKind);
