import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { REVIEW_LIST, reviewList } from '../../scripts/translations';

const root = join(__dirname, '..', '..');

describe('The Welsh review list for translation units', () => {
  it('is committed as it is generated from the catalogues and commands (run npm run translations)', () => {
    assert.equal(readFileSync(join(root, REVIEW_LIST), 'utf8'), reviewList(), `${REVIEW_LIST} is out of date: run npm run translations`);
  });

  it('has every phrase in English and in Welsh, as a spreadsheet reads it', () => {
    const rows = parse(readFileSync(join(root, REVIEW_LIST)), { bom: true, columns: true }) as Record<string, string>[];
    assert.ok(rows.length > 20);
    for (const row of rows.filter((r) => r.key !== 'aliases')) {
      assert.ok(row.English && row.Cymraeg, `${row.area} ${row.key} has both`);
    }
    const help = rows.find((row) => row.area === 'command:help' && row.key === 'name');
    assert.deepEqual([help?.English, help?.Cymraeg], ['help', 'cymorth']);
  });
});
