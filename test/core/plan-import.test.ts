import { strict as assert } from 'node:assert';
import iconv from 'iconv-lite';
import { importActionPlan, describeImport } from '../../src/core/actions/plan-import';
import { toCsv } from '../../src/core/export/export-formats';
import { createPlan } from '../../src/core/actions/plans';
import type { Store } from '../../src/core/store';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { aNetwork } from '../store/contract';
import { encodeCsv, liverpoolCsv, liverpoolXlsx, LIVERPOOL_ROWS, TEXTS, type CsvEncoding } from '../fixtures/liverpool-plan';

const AT = '2021-04-01T09:00:00.000Z';

async function imported(store: Store, input: string | Uint8Array, options = {}) {
  const result = await importActionPlan(store, 'n1', input, AT, options);
  assert.ok(result.ok, result.ok ? '' : result.errors.map((e) => e.message).join('\n'));
  return result;
}

function errorsOf(result: Awaited<ReturnType<typeof importActionPlan>>): string[] {
  assert.equal(result.ok, false);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('Plan import: the plans institutions have', () => {
  let store: Store;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await store.createNetwork(aNetwork('n1'));
  });
  afterEach(async () => store.close());

  async function assertLiverpoolPlan() {
    const actions = await store.listActions('n1');
    assert.deepEqual(actions.map((a) => a.number), ['1.1', '1.6', '2.1', '2.3', '3.1', '3.4', '4.5', '5.1']);
    const byNumber = new Map(actions.map((a) => [a.number, a]));
    const hub = byNumber.get('1.1')!;
    assert.equal(hub.title, TEXTS.HUB);
    assert.match(hub.title, /\n• Launch a dedicated web presence, the Technicians’ Hub/);
    assert.equal(hub.shortTitle, 'Technicians’ Hub and newsletter');
    assert.equal(hub.owner, 'Technician Commitment Steering Group');
    assert.equal(hub.ownerEmail, 'tc-steering@liverpool.ac.uk');
    assert.equal(hub.due, '2022-03-31');
    assert.equal(hub.status, 'green');
    assert.equal(hub.successMeasure, 'Hub visits; newsletter readership');
    assert.equal(hub.evidence, 'https://www.liverpool.ac.uk/researcher/technicians-hub/community/newsletter/');
    const outreach = byNumber.get('1.6')!;
    assert.equal(outreach.title, TEXTS.OUTREACH);
    assert.ok(outreach.title.length > 406, `${outreach.title.length}`);
    assert.deepEqual([outreach.status, outreach.due, outreach.dueAsWritten, outreach.owner, outreach.ownerEmail], ['red', '2021-12-31', 'Q4 2021', 'Technicians’ Network', null]);
    assert.match(outreach.note, /cancelled in early 2020 due to the outbreak of Covid-19/);
    assert.deepEqual([byNumber.get('2.1')!.due, byNumber.get('2.1')!.status], ['2022-03-31', 'green']);
    const awards = byNumber.get('2.3')!;
    assert.deepEqual([awards.theme, awards.edi, awards.due, awards.status, awards.owner], ['Recognition', true, '2022-07-31', 'amber', 'HR – Reward and Recognition']);
    const statement = byNumber.get('3.1')!;
    assert.equal(statement.title, TEXTS.STATEMENT);
    assert.deepEqual([statement.due, statement.dueAsWritten, statement.status], [null, 'Ongoing', 'amber']);
    assert.deepEqual([statement.owner, statement.ownerEmail], ['Head of Technical Services – Faculty of Science & Engineering', 'head.techservices@liverpool.ac.uk']);
    assert.equal(byNumber.get('3.4')!.title.length, TEXTS.FUND.length);
    assert.deepEqual([byNumber.get('4.5')!.due, byNumber.get('4.5')!.status], ['2021-12-31', 'red']);
    const survey = byNumber.get('5.1')!;
    assert.deepEqual([survey.theme, survey.due, survey.status], ['Evaluating Impact', '2023-09-30', 'red']);
  }

  const encodings: CsvEncoding[] = ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows-1252'];
  for (const encoding of encodings) {
    it(`imports the Liverpool plan saved as CSV in ${encoding}, word for word`, async () => {
      const result = await imported(store, encodeCsv(liverpoolCsv(), encoding));
      assert.equal(result.added.length, 8);
      await assertLiverpoolPlan();
    });
  }

  it('imports it with semicolons (European Excel) and as tab-separated UTF-16 (Excel’s “Unicode text”)', async () => {
    await imported(store, encodeCsv(liverpoolCsv(';'), 'utf8'));
    await assertLiverpoolPlan();
    const again = await imported(store, encodeCsv(liverpoolCsv('\t'), 'utf16le'));
    assert.deepEqual([again.added.length, again.changed.length, again.unchanged.length], [0, 0, 8]);
  });

  it('imports it as an .xlsx workbook, with a real date cell and wrapped cells', async () => {
    const result = await imported(store, await liverpoolXlsx());
    assert.equal(result.format, 'Excel workbook');
    await assertLiverpoolPlan();
  });

  it('refuses a file in an encoding it cannot tell, and imports nothing', async () => {
    const shiftJis = iconv.encode('番号,行動,テーマ\n1.1,技術者の可視性を高めるために大学全体で活動する,可視性\n1.2,技術者の認知を高める,認知\n', 'shift_jis');
    const [message] = errorsOf(await importActionPlan(store, 'n1', shiftJis, AT));
    assert.equal(message, 'The file cannot be read: the file is not UTF-8, UTF-16 or Windows-1252 text (it looks like Shift_JIS). In Excel, use File › Save As › “CSV UTF-8 (Comma delimited)” and import that file.');
    assert.deepEqual(await store.listPlans('n1'), []);
  });

  it('names the row as Excel numbers it, the action, the column and the value of every error, and imports nothing', async () => {
    const rows = LIVERPOOL_ROWS.map((r) => [...r]);
    rows[2][5] = 'Summer 2022'; // 1.6, row 3, column F
    rows[3][1] = 'Parking'; // 2.1, row 4, column B
    rows[5][6] = 'Blue'; // 3.1, row 6, column G
    rows[6][2] = 'x'.repeat(2001); // 3.4, row 7, column C
    rows[8][0] = '1.1'; // duplicate on row 9
    rows[8][5] = '12/31/2025'; // a US date
    for (const input of [encodeCsv(liverpoolCsv(',', rows), 'utf8'), await liverpoolXlsx(rows)]) {
      const messages = errorsOf(await importActionPlan(store, 'n1', input, AT));
      assert.deepEqual(messages, [
        'Row 3 (action 1.6), column F “Target date”: “Summer 2022” is not a date Techvoice can read. Write it like 31/03/2026, 2026-03-31, March 2026, Q3 2025, 2025/26 or Ongoing (day before month).',
        'Row 4 (action 2.1), column B “Theme”: “Parking” is not a theme. Use Visibility, Recognition, Career Development, Sustainability, Evaluating Impact.',
        'Row 6 (action 3.1), column G “RAG”: “Blue” is not a status. Use Green (complete, done), Amber (in progress) or Red (not started, delayed).',
        'Row 7 (action 3.4), column C “Objective”: the action is 2,001 characters; the most is 2,000.',
        'Row 9 (action 1.1), column A “Ref”: action 1.1 is already on row 2.',
        'Row 9 (action 1.1), column F “Target date”: “12/31/2025” is not a date Techvoice can read. Write it like 31/03/2026, 2026-03-31, March 2026, Q3 2025, 2025/26 or Ongoing (day before month).',
      ]);
    }
    assert.deepEqual(await store.listActions('n1'), []);
  });

  it('says which header columns are missing', async () => {
    const messages = errorsOf(await importActionPlan(store, 'n1', 'Ref,Objective\n1.1,Do it\n', AT));
    assert.deepEqual(messages, ['Row 1 (the header) has no column for Theme, Owner, Due. Name the columns e.g. Number, Short title, Action, Theme, EDI, Owner, Owner e-mail, Due, Status, Note, Success measure, Evidence.']);
  });

  it('reports an unknown column instead of dropping it silently, and flags red actions without an explanation', async () => {
    const rows = LIVERPOOL_ROWS.map((r, i) => [...r, i === 0 ? 'Budget' : '£2,000']);
    const result = await imported(store, liverpoolCsv(',', rows));
    assert.deepEqual(result.unknownColumns, ['K “Budget”']);
    assert.deepEqual(result.needExplanation, ['5.1']);
    assert.deepEqual(describeImport(result), [
      'Imported CSV into Action plan: 8 new, 0 changed, 0 unchanged.',
      'Column K “Budget” is not one Techvoice knows, so it was not imported.',
      'Red without an explanation: 5.1. Ask their owners to explain them (they can with **actions**).',
    ]);
  });

  it('re-imports two rows honestly: a dry run changes nothing, merge keeps the rest, replace removes them', async () => {
    await imported(store, liverpoolCsv());
    const two = [LIVERPOOL_ROWS[0], LIVERPOOL_ROWS[1], LIVERPOOL_ROWS[2].map((c, i) => (i === 6 ? 'Amber' : c))];
    const dry = await imported(store, liverpoolCsv(',', two), { dryRun: true });
    assert.deepEqual([dry.added, dry.changed, dry.unchanged, dry.notInFile], [[], ['1.6'], ['1.1'], ['2.1', '2.3', '3.1', '3.4', '4.5', '5.1']]);
    assert.equal(describeImport(dry)[0], 'Dry run, nothing changed. The import would bring CSV into Action plan: 0 new, 1 changed, 1 unchanged.');
    assert.equal(describeImport(dry)[1], '6 actions of the plan are not in the file and would be kept (use --replace to remove them): 2.1, 2.3, 3.1, 3.4, 4.5, 5.1.');
    assert.equal((await store.getAction('n1', '1.6'))!.status, 'red');
    const merged = await imported(store, liverpoolCsv(',', two));
    assert.equal((await store.listActions('n1')).length, 8);
    assert.equal((await store.getAction('n1', '1.6'))!.status, 'amber');
    assert.equal((await store.getAction('n1', '1.6'))!.version, 2);
    assert.equal(describeImport(merged)[1], '6 actions of the plan are not in the file and were kept (use --replace to remove them): 2.1, 2.3, 3.1, 3.4, 4.5, 5.1.');
    const replaced = await imported(store, liverpoolCsv(',', two), { mode: 'replace' });
    assert.deepEqual((await store.listActions('n1')).map((a) => a.number), ['1.1', '1.6']);
    assert.equal(describeImport(replaced)[1], '6 actions of the plan are not in the file and were removed: 2.1, 2.3, 3.1, 3.4, 4.5, 5.1.');
  });

  it('exports the plan as UTF-8 CSV with a BOM and the import’s columns, which imports into a new plan as the same actions', async () => {
    await imported(store, await liverpoolXlsx());
    const csv = toCsv(await store.listActions('n1'));
    assert.ok(csv.startsWith('\uFEFFNumber,Short title,Action,Theme,EDI,Owner,Owner e-mail,Due,Status,Note,Success measure,Evidence\r\n'));
    const bytes = Buffer.from(csv, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const next = await createPlan(store, 'n1', { name: 'Stage Two plan', stage: 'stage-two', start: '2021-04-01', state: 'draft' }, AT);
    const again = await imported(store, bytes, { planId: next.id });
    assert.deepEqual(again.unknownColumns, []);
    const strip = (a: Awaited<ReturnType<Store['listActions']>>[number]) => ({ ...a, planId: '', updatedAt: '', version: 0 });
    const first = (await store.listActions('n1')).map(strip);
    const second = (await store.listActions('n1', next.id)).map(strip);
    // The workbook's real date cell comes back as the ISO date it was written as.
    assert.deepEqual(second, first);
  });

  it('exports the plan in Welsh (headers, themes, RAG and EDI words), which imports back as the same actions', async () => {
    await imported(store, await liverpoolXlsx());
    const csv = toCsv(await store.listActions('n1'), 'cy');
    assert.ok(csv.startsWith('\uFEFFRhif,Teitl byr,Cam gweithredu,Thema,CAC,Perchennog,E-bost perchennog,Dyddiad cau,Statws,Nodyn,Mesur llwyddiant,Tystiolaeth\r\n'));
    assert.match(csv, /,(Coch|Ambr|Gwyrdd),/);
    const next = await createPlan(store, 'n1', { name: 'Stage Two plan', stage: 'stage-two', start: '2021-04-01', state: 'draft' }, AT);
    const again = await imported(store, Buffer.from(csv, 'utf8'), { planId: next.id });
    assert.deepEqual(again.unknownColumns, []);
    const strip = (a: Awaited<ReturnType<Store['listActions']>>[number]) => ({ ...a, planId: '', updatedAt: '', version: 0 });
    assert.deepEqual((await store.listActions('n1', next.id)).map(strip), (await store.listActions('n1')).map(strip));
  });
});
