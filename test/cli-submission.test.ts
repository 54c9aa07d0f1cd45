import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { importActionPlan } from '../src/core/actions/action-plan-csv';
import { newNetwork } from '../src/core/session';

describe('CLI: the self-assessment submission', () => {
  let dir: string;
  let db: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'techvoice-cli-submission-'));
    db = join(dir, 'techvoice.db');
    const store = SqliteStore.open(db);
    await store.createNetwork(newNetwork('n1', 'Technician network'));
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

  async function withStore<T>(read: (store: SqliteStore) => Promise<T>): Promise<T> {
    const store = SqliteStore.open(db);
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }

  it('sets the profile, renaming the network, and reads governance text from a file', async () => {
    const governance = join(dir, 'governance.txt');
    writeFileSync(governance, '\uFEFFSteering group chaired by the lead.\r\n• reports to the SLT\r\n');
    const set = await cli('profile', '--network', 'n1', '--name', 'University of Midshire', '--lead-name', 'Dr Alex Reid', '--lead-email', 'alex.reid@example.ac.uk', '--stage', 'three', '--web-page', 'https://example.ac.uk/tc', '--governance-file', governance);
    assert.equal(set.code, 0, set.err);
    assert.match(set.out, /Saved the institution profile of University of Midshire \(renamed from Technician network\)/);
    assert.match(set.out, /Stage:\s+three/);
    const { network, profile } = await withStore(async (s) => ({ network: await s.getNetwork('n1'), profile: await s.getInstitutionProfile('n1') }));
    assert.equal(network!.name, 'University of Midshire');
    assert.equal(profile!.governance, 'Steering group chaired by the lead.\n• reports to the SLT');
    assert.match((await cli('profile', '--network', 'n1')).out, /Institutional lead:\s+Dr Alex Reid/);
  });

  it('refuses bad profile values and changes nothing', async () => {
    for (const [flag, value, message] of [
      ['--lead-email', 'nope', /e-mail address does not look right/],
      ['--stage', 'four', /Choose the stage/],
      ['--signatory-date', '28/09/2017', /signatory date as a date/],
    ] as const) {
      const result = await cli('profile', '--network', 'n1', flag, value);
      assert.equal(result.code, 2);
      assert.match(result.err, /^Nothing was changed: /);
      assert.match(result.err, message);
    }
    assert.equal(await withStore((s) => s.getInstitutionProfile('n1')), null);
    assert.equal((await cli('profile', '--network', 'n-none')).code, 1);
  });

  it('writes a narrative section from a file and lists which are written', async () => {
    const file = join(dir, 'approach.md');
    writeFileSync(file, 'A' + 'b'.repeat(5000));
    assert.equal((await cli('narrative', '--network', 'n1', '--section', 'approach', '--file', file)).code, 0);
    assert.match((await cli('narrative', '--network', 'n1')).out, /approach\s+Approach since signing: 5,001 characters\nprogress\s+Progress on each theme: not written yet/);
    const bad = await cli('narrative', '--network', 'n1', '--section', 'preface', '--text', 'x');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Choose a section: context, approach/);
    assert.match((await cli('narrative', '--network', 'n1', '--section', 'voice')).err, /--file FILE or --text/);
  });

  it('records a consultation once, and refuses an action the plan does not have', async () => {
    const args = ['consultation', '--network', 'n1', '--date', '2026-11-12', '--kind', 'focus group', '--participants', '9', '--summary', 'Workload and cover', '--actions', '3.2'];
    assert.match((await cli(...args)).out, /Recorded the focus group of 2026-11-12 \(9 people\)/);
    assert.match((await cli(...args)).out, /already recorded; nothing changed/);
    const unknown = await cli('consultation', '--network', 'n1', '--date', '2026-11-13', '--kind', 'workshop', '--participants', '9', '--summary', 'x', '--actions', '7.7');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no action 7\.7/);
    assert.match((await cli('consultation', '--network', 'n1')).out, /^2026-11-12  focus group  9 people  shaped 3\.2  Workload and cover$/);
  });

  it('marks feedback quotable and clears it again', async () => {
    await withStore((s) =>
      s.createFeedback({ networkId: 'n1', theme: 'Other', text: 'x', anonymous: true, authorMemberId: null, status: 'new', linkedAction: null, reply: null, platform: 'teams', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }, 'k'),
    );
    assert.equal((await cli('quote', '--network', 'n1', '--feedback', 'FB-1')).code, 0);
    assert.deepEqual(await withStore((s) => s.listQuotable('n1')), [1]);
    assert.equal((await cli('quote', '--network', 'n1', '--feedback', '1', '--off')).code, 0);
    assert.deepEqual(await withStore((s) => s.listQuotable('n1')), []);
    assert.equal((await cli('quote', '--network', 'n1', '--feedback', '2')).code, 1);
  });
});
