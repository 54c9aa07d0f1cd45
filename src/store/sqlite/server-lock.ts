import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** Another server holds the SQLite file this one was asked to use. */
export class DatabaseInUseError extends Error {}

export interface ServerLock {
  release(): void;
}

export const serverLockFile = (dbFile: string): string => `${path.resolve(dbFile)}.server-lock`;

const inUseMessage = (dbFile: string) =>
  `Another Techvoice server is already using ${dbFile}. Stop that one first (Ctrl-C in its terminal), or give this one its own database with TECHVOICE_DB.`;

/**
 * One server per SQLite file: two would each rewrite the playground's addresses to their
 * own port and claim the same scheduled jobs. The lock is an exclusive SQLite transaction
 * held open on a small file beside the database, so the operating system drops it when the
 * process ends, even on kill -9. The CLI does not take it: it may run beside a server.
 */
export function holdServerLock(dbFile: string): ServerLock | null {
  if (dbFile === ':memory:') return null;
  const file = serverLockFile(dbFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(inUseMessage(dbFile));
    throw error;
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}

/** Whether a server holds the database now (for commands that must not run beside one). */
export function isServerRunning(dbFile: string): boolean {
  if (!fs.existsSync(serverLockFile(dbFile))) return false;
  try {
    holdServerLock(dbFile)?.release();
    return false;
  } catch (error) {
    if (error instanceof DatabaseInUseError) return true;
    throw error;
  }
}
