import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The command `npm start` runs the built server with (after building it): what every deployment must run too. */
export function startCommand(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  const command = pkg.scripts.start.split('&&').pop()?.trim() ?? '';
  if (!/^node (--\S+ )*dist\/src\/main\.js$/.test(command)) throw new Error(`npm start should end by running node on dist/src/main.js, not: ${command}`);
  return command;
}
