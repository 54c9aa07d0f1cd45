import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../../src/cli';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import { newNetwork } from '../../src/core/session';
import type { Network } from '../../src/core/model';
import { Outbox } from '../../src/core/outbox/outbox';
import { seedRound } from './summary-support';

const PLAN = readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8');

const unescapeXml = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The tables of a .docx, read from its XML: tables → rows → cell texts. */
async function docxTables(bytes: Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) =>
    [...tbl.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, tr]) =>
      [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('')),
    ),
  );
}

const tableStartingWith = (tables: string[][][], ...head: string[]): string[][] => {
  const found = tables.find((t) => head.every((h, i) => t[0][i] === h));
  assert.ok(found, `a table headed ${head.join(', ')}`);
  return found;
};

describe('RAG analysis export', () => {
  let dir: string;
  let db: string;
  let network: Network;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'techvoice-export-'));
    db = join(dir, 'techvoice.db');
    const store = SqliteStore.open(db);
    const deps = { store, secret: 's', outbox: new Outbox(store, {}, { secret: 's' }) };
    network = newNetwork('n-export', 'Midshire University Technicians');
    await store.createNetwork(network);
    await importActionPlan(store, network.id, PLAN, '2025-01-06T09:00:00.000Z');
    const action = (await store.getAction(network.id, '2.1'))!;
    await store.updateAction({ ...action, evidence: 'Registrations up from 14 to 31; see HR report', version: action.version + 1 }, action.version, {
      networkId: network.id, planId: action.planId, actionNumber: '2.1', at: '2025-02-01T10:00:00.000Z', by: 'm1', byName: 'Priya Owner', status: 'green', note: action.note, evidence: 'Registrations up from 14 to 31; see HR report',
    });
    const packs = (await store.getAction(network.id, '4.2'))!;
    await store.importActions(network.id, [{ ...packs, evidence: '=SUM(A1:A9) data packs opened' }], []);
    const base = { networkId: network.id, anonymous: true, authorMemberId: null, platform: 'teams' as const, reply: null, linkedAction: null, status: 'new' as const };
    await store.createFeedback({ ...base, theme: 'Recognition', text: 'Please fund registration, "properly"', status: 'closed', linkedAction: '2.1', reply: 'Fees are now paid for year one.', createdAt: '2025-01-10T09:00:00.000Z', updatedAt: '2025-01-20T09:00:00.000Z' }, 'f1');
    await store.createFeedback({ ...base, theme: 'Recognition', text: 'Awards for technicians?', createdAt: '2025-01-12T09:00:00.000Z', updatedAt: '2025-01-12T09:00:00.000Z' }, 'f2');
    await store.createFeedback({ ...base, theme: 'Sustainability', text: '=HYPERLINK("http://x")', createdAt: '2025-01-15T09:00:00.000Z', updatedAt: '2025-01-15T09:00:00.000Z' }, 'f3');
    await seedRound(deps, network, { id: 'r-big', theme: 'Recognition', kind: 'likert', forumId: null, openedDaysAgo: 20, asked: 12, answers: { teams: ['4', '4', '5', '3', '4', '4'] } });
    await seedRound(deps, network, { id: 'r-small', theme: 'Visibility', kind: 'yesno', forumId: null, openedDaysAgo: 10, asked: 12, answers: { slack: ['yes', 'no'] } });
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { TECHVOICE_DB: db, LOG_LEVEL: 'silent' }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  it('writes the submission as a .docx whose tables match the store: RAG by theme, the plan, pulses, feedback and what it led to, without verbatim feedback', async () => {
    const file = join(dir, 'analysis.docx');
    const result = await cli('export', '--network', network.id, '--format', 'docx', '--out', file);
    assert.equal(result.code, 0, result.err.join('\n'));
    assert.match(result.out[0], /Wrote the self-assessment submission of Midshire University Technicians/);

    const store = SqliteStore.open(db);
    const actions = await store.listActions(network.id);
    await store.close();
    const bytes = readFileSync(file);
    const tables = await docxTables(bytes);

    const rag = tableStartingWith(tables, 'Theme', 'Green – completed', 'Amber – in progress', 'Red – not yet done', 'Total');
    for (const theme of ['Visibility', 'Recognition', 'Career Development', 'Sustainability']) {
      const mine = actions.filter((a) => a.theme === theme);
      const count = (s: string) => String(mine.filter((a) => a.status === s).length);
      assert.deepEqual(rag.find((r) => r[0] === theme), [theme, count('green'), count('amber'), count('red'), String(mine.length)]);
    }

    const plan = tableStartingWith(tables, 'No.', 'Action', 'Owner', 'Due', 'RAG status', 'Progress / explanation', 'Evidence of impact');
    const actionRows = plan.slice(1).filter((r) => r.length > 1);
    assert.equal(actionRows.length, actions.length, 'every action appears once');
    assert.deepEqual(plan.slice(1).filter((r) => r.length === 1).map((r) => r[0]), ['Visibility', 'Recognition', 'Career Development', 'Sustainability'], 'actions grouped by theme');
    for (const action of actions) {
      const row = actionRows.find((r) => r[0] === action.number)!;
      const status = { red: 'Red', amber: 'Amber', green: 'Green' }[action.status];
      assert.deepEqual([row[0], row[1], row[2].replace(/\u200B/g, ''), row[4], row[5], row[6]], [action.number, action.title, action.owner, status, action.note, action.evidence]);
      assert.match(row[3], /^\d{1,2} \w{3} \d{4}$/);
    }

    const pulses = tableStartingWith(tables, 'Theme', 'Pulse rounds', 'Answers', 'Asked', 'Response rate', 'Average score (1–5)').slice(1);
    assert.deepEqual(pulses, [
      ['Visibility', '1', '2', '12', '17%', 'Not shown'],
      ['Recognition', '1', '6', '12', '50%', '4.0'],
    ]);
    assert.deepEqual(tableStartingWith(tables, 'Theme', 'Items', 'New', 'Acknowledged', 'Led to an action', 'Closed with a reply').slice(1), [
      ['Recognition', '2', '1', '0', '0', '1'],
      ['Sustainability', '1', '1', '0', '0', '0'],
    ]);
    assert.deepEqual(tableStartingWith(tables, 'Action', 'Feedback that led to it', 'What we did').slice(1), [
      ['2.1 Fund the first year of professional registration fees', '1 item: FB-1', 'Fees are now paid for year one.'],
    ]);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    assert.doesNotMatch(unescapeXml(xml), /Please fund registration|HYPERLINK|Awards for technicians/, 'no verbatim feedback without consent');
  });

  it('writes CSV (UTF-8 with BOM, the import’s columns, one row per action, formulas defused) and Markdown', async () => {
    const csvFile = join(dir, 'analysis.csv');
    assert.equal((await cli('export', '--network', network.id, '--format', 'csv', '--out', csvFile)).code, 0);
    const bytes = readFileSync(csvFile);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    assert.equal(csv[0], 'Number,Short title,Action,Theme,EDI,Owner,Owner e-mail,Due,Status,Note,Success measure,Evidence');
    assert.equal(csv.length, 1 + 18);
    assert.match(csv.find((l) => l.startsWith('1.6,'))!, /,Visibility,,outreach\.lead@example\.ac\.uk,outreach\.lead@example\.ac\.uk,[-0-9]+,Red,Regional outreach programme cancelled/);
    assert.match(csv.find((l) => l.startsWith('4.2,'))!, /,'=SUM\(A1:A9\) data packs opened$/);
    assert.match(csv.find((l) => l.startsWith('2.1,'))!, /,Green,.*,Registrations up from 14 to 31; see HR report$/);

    const mdFile = join(dir, 'analysis.md');
    assert.equal((await cli('export', '--network', network.id, '--format', 'md', '--out', mdFile)).code, 0);
    const md = readFileSync(mdFile, 'utf8');
    assert.match(md, /^# Technician Commitment: Stage Two self-assessment and action plan\n\n\*\*Midshire University Technicians\*\*/);
    assert.match(md, /\| Visibility \| 3 \| 2 \| 1 \| 6 \|/);
    assert.match(md, /### Explanation for every red item\n\n\*\*Action 1\.6 – /);
    assert.match(md, /\| 2\.1 Fund the first year of professional registration fees \| 1 item: FB-1 \| Fees are now paid for year one\. \|/);
    assert.doesNotMatch(md, /Please fund registration/);
  });

  it('refuses an unknown format or network and writes nothing', async () => {
    const file = join(dir, 'nothing.docx');
    const badFormat = await cli('export', '--network', network.id, '--format', 'pdf', '--out', file);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.err[0], /Unknown format “pdf”: use one of docx, csv, md/);
    const badNetwork = await cli('export', '--network', 'n-nope', '--format', 'csv', '--out', file);
    assert.equal(badNetwork.code, 1);
    assert.match(badNetwork.err[0], /No network with id n-nope/);
    assert.equal((await cli('export', '--network', network.id)).code, 2);
    assert.equal(existsSync(file), false);
  });
});
