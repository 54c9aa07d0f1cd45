/**
 * `npm run bench`: runs every bench/*.bench.ts in turn, each in its own process so one
 * benchmark's memory and open files do not colour the next one's numbers.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benches = readdirSync(__dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(__dirname, name), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (failed) {
  console.error(`\n${failed} benchmark${failed === 1 ? '' : 's'} failed.`);
  process.exitCode = 1;
}
