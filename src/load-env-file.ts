import { existsSync } from 'node:fs';

/**
 * Reads `.env` from the working directory into the environment when there is one; variables
 * already set in the environment win. Only the entry points (server, CLI) call this.
 */
export function loadEnvFile(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
