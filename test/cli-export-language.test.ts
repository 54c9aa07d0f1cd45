import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { importActionPlan } from '../src/core/actions/action-plan-csv';
import { newNetwork } from '../src/core/session';

describe('CLI: export in English or Welsh', () => {
  let dir: string;
  let db: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'techvoice-cli-export-'));
    db = join(dir, 'techvoice.db');
    const store = SqliteStore.open(db);
    await store.createNetwork(newNetwork('n1', 'Prifysgol Aberhonddu'));
    await importActionPlan(store, 'n1', readFileSync(join(__dirname, 'fixtures/action-plan.csv'), 'utf8'), '2025-01-06T09:00:00.000Z');
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { TECHVOICE_DB: db, LOG_LEVEL: 'silent' }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes the submission in Welsh with --language cy, and in the network’s language without it', async () => {
    const welsh = join(dir, 'cy.md');
    assert.equal((await cli('export', '--network', 'n1', '--format', 'md', '--out', welsh, '--language', 'cy')).code, 0);
    const text = readFileSync(welsh, 'utf8');
    assert.match(text, /^# Ymrwymiad y Technegwyr: Hunanasesiad a chynllun gweithredu Cam Dau$/m);
    assert.match(text, /^## Atodiad A: dadansoddiad RAG o’r cynllun gweithredu blaenorol$/m);

    const english = join(dir, 'en.csv');
    assert.equal((await cli('export', '--network', 'n1', '--format', 'csv', '--out', english)).code, 0);
    assert.match(readFileSync(english, 'utf8'), /^\uFEFFNumber,Short title,Action,Theme/);
  });

  it('refuses a language it does not speak and writes nothing', async () => {
    const out = join(dir, 'fr.md');
    const result = await cli('export', '--network', 'n1', '--format', 'md', '--out', out, '--language', 'fr');
    assert.equal(result.code, 2);
    assert.match(result.err, /Unknown language “fr”: use en \(English\) or cy \(Welsh\)\./);
    assert.equal(existsSync(out), false);
  });
});
