import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, schemaVersion } from './migrations';
import { DatabaseInUseError, holdServerLock } from './server-lock';

/** What a person is told when a backup or restore cannot go ahead. */
export class BackupError extends Error {}

export interface BackupResult {
  bytes: number;
}

/**
 * Copies the database with SQLite's online backup: consistent even while a server writes to
 * it, because the copy restarts from any page changed under it.
 */
export async function backupDatabase(dbFile: string, target: string): Promise<BackupResult> {
  if (!fs.existsSync(dbFile)) throw new BackupError(`There is no database at ${dbFile} to back up (check TECHVOICE_DB).`);
  if (path.resolve(target) === path.resolve(dbFile)) throw new BackupError('The backup must go to another file than the database itself.');
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new BetterSqlite3(dbFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  return { bytes: fs.statSync(target).size };
}

/** Checks that `file` is a Techvoice database this build can open, or says why not. */
function checkBackup(file: string): void {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError(`${file} is not an SQLite database: nothing was restored.`);
  }
  try {
    const version = schemaVersion(db);
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged (${String(integrity)}): nothing was restored.`);
    if (version === 0 || !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'networks'").get()) {
      throw new BackupError(`${file} is not a Techvoice backup: nothing was restored.`);
    }
    if (version > MIGRATIONS.length) {
      throw new BackupError(`${file} comes from a newer Techvoice (schema ${version}, this one knows ${MIGRATIONS.length}): nothing was restored.`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a Techvoice backup (${(error as Error).message}): nothing was restored.`);
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** Where the database as it was before the restore was kept, if there was one. */
  keptAs: string | null;
}

/**
 * Replaces the database with a backup. Refuses while a server holds the database, and holds
 * the server lock itself meanwhile so no server starts half-way. The database as it was is
 * kept beside it first.
 */
export async function restoreDatabase(dbFile: string, backup: string, at: Date = new Date()): Promise<RestoreResult> {
  checkBackup(backup);
  let lock;
  try {
    lock = holdServerLock(dbFile);
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      throw new BackupError(`A Techvoice server is running on ${dbFile}: stop it first, then restore. Nothing was restored.`);
    }
    throw error;
  }
  try {
    let keptAs: string | null = null;
    if (fs.existsSync(dbFile)) {
      keptAs = `${dbFile}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;
      await backupDatabase(dbFile, keptAs);
    }
    const source = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
    try {
      fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
      // The backup API writes every page into the target through SQLite, so its WAL stays consistent.
      await source.backup(dbFile);
    } finally {
      source.close();
    }
    return { keptAs };
  } finally {
    lock?.release();
  }
}
