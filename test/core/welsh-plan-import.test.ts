import { strict as assert } from 'node:assert';
import { importActionPlan, describeImport } from '../../src/core/actions/plan-import';
import type { Store } from '../../src/core/store';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { aNetwork } from '../store/contract';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';

const AT = '2026-04-01T09:00:00.000Z';

const WELSH_PLAN = [
  'Rhif,Cam gweithredu,Thema,Perchennog,Dyddiad cau,Statws,Nodyn,Colofn arall',
  '1.1,Cynnal fforwm arweinwyr technegol bob chwarter,Gwelededd,fforwm@example.ac.uk,31/03/2027,Gwyrdd,Pedwar fforwm wedi’u cynnal,x',
  '1.2,Codi proffil gyrfaoedd technegol,Visibility; CAC,allgymorth@example.ac.uk,Parhaus,ar y gweill,,x',
  '2.1,Talu ffioedd cofrestru proffesiynol,Cydnabyddiaeth,ad@example.ac.uk,2027-07-31,coch,,x',
].join('\n');

describe('Plan import in Welsh', () => {
  let store: Store;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await store.createNetwork(aNetwork('n1'));
  });
  afterEach(async () => store.close());

  it('reads a plan with Welsh headers, themes and statuses and says what it did in Welsh', async () => {
    const result = await importActionPlan(store, 'n1', WELSH_PLAN, AT, { language: 'cy' });
    assert.ok(result.ok, result.ok ? '' : result.errors.map((e) => e.message).join('\n'));
    const actions = await store.listActions('n1');
    assert.deepEqual(
      actions.map((a) => [a.number, a.theme, a.edi, a.due, a.status]),
      [
        ['1.1', 'Visibility', false, '2027-03-31', 'green'],
        ['1.2', 'Visibility', true, null, 'amber'],
        ['2.1', 'Recognition', false, '2027-07-31', 'red'],
      ],
    );
    const lines = describeImport(result, 'cy');
    assert.deepEqual(lines, [
      `Wedi mewnforio CSV i ${result.plan.name}: 3 newydd, 0 wedi newid, 0 heb newid.`,
      'Dydy Techvoice ddim yn adnabod colofn H “Colofn arall”, felly chafodd hi mo’i mewnforio.',
      'Coch heb esboniad: 2.1. Gofynnwch i’w perchnogion eu hesbonio (gallant wneud hynny gyda **camau**).',
    ]);
    const dry = await importActionPlan(store, 'n1', WELSH_PLAN.split('\n').slice(0, 2).join('\n'), AT, { language: 'cy', dryRun: true, mode: 'replace' });
    assert.ok(dry.ok);
    assert.deepEqual(describeImport(dry, 'cy').slice(0, 2), [
      `Rhediad prawf, dim wedi newid. Byddai’r mewnforio’n dod â CSV i ${result.plan.name}: 0 newydd, 0 wedi newid, 1 heb newid.`,
      'Dydy 2 gam gweithredu o’r cynllun ddim yn y ffeil, a byddent yn cael eu dileu: 1.2, 2.1.',
    ]);
    assert.deepEqual(phrasesOfLanguageIn([...lines, ...describeImport(dry, 'cy')].join('\n'), 'en'), []);
  });

  it('reads due dates written in Welsh: months, their short forms, quarters and “erbyn”', async () => {
    const plan = [
      'Rhif,Cam gweithredu,Thema,Perchennog,Dyddiad cau,Statws',
      '1.1,Fforwm bob chwarter,Gwelededd,a@example.ac.uk,Mawrth 2027,gwyrdd',
      '1.2,Tudalen we,Gwelededd,a@example.ac.uk,31 Gorffennaf 2027,gwyrdd',
      '1.3,Arddangosfa,Gwelededd,a@example.ac.uk,erbyn diwedd mis Chwef. 2028,ambr',
      '2.1,Ffioedd cofrestru,Cydnabyddiaeth,a@example.ac.uk,Ch3 2027,ambr',
      '2.2,Gwobrau staff,Cydnabyddiaeth,a@example.ac.uk,Rhag 2027,gwyrdd',
      '2.3,Mentora,Cydnabyddiaeth,a@example.ac.uk,yn barhaus,gwyrdd',
    ].join('\n');
    const result = await importActionPlan(store, 'n1', plan, AT, { language: 'cy' });
    assert.ok(result.ok, result.ok ? '' : result.errors.map((e) => e.message).join('\n'));
    assert.deepEqual(
      (await store.listActions('n1')).map((a) => [a.number, a.due]),
      [
        ['1.1', '2027-03-31'],
        ['1.2', '2027-07-31'],
        ['1.3', '2028-02-29'],
        ['2.1', '2027-09-30'],
        ['2.2', '2027-12-31'],
        ['2.3', null],
      ],
    );
  });

  it('reports every bad row in Welsh, naming the row, column and value, and imports nothing', async () => {
    const bad = [
      'Rhif,Cam gweithredu,Thema,Perchennog,Dyddiad cau,Statws',
      'x,Rhif gwael,Gwelededd,a@example.ac.uk,2027-01-31,gwyrdd',
      '1.3,Thema wael,Parcio,a@example.ac.uk,2027-01-31,gwyrdd',
      '1.4,Dyddiad gwael,Gwelededd,a@example.ac.uk,31/02/2027,gwyrdd',
      '1.5,Statws gwael,Gwelededd,a@example.ac.uk,2027-01-31,glas',
      '1.6,,Gwelededd,,,gwyrdd',
    ].join('\n');
    const result = await importActionPlan(store, 'n1', bad, AT, { language: 'cy' });
    assert.ok(!result.ok);
    const messages = result.errors.map((e) => e.message);
    assert.deepEqual(messages, [
      'Rhes 2, colofn A “Rhif”: dydy “x” ddim yn rhif cam gweithredu fel 1.6.',
      'Rhes 3 (cam gweithredu 1.3), colofn C “Thema”: dydy “Parcio” ddim yn thema. Defnyddiwch Gwelededd, Cydnabyddiaeth, Datblygu Gyrfa, Cynaliadwyedd, Gwerthuso Effaith.',
      'Rhes 4 (cam gweithredu 1.4), colofn E “Dyddiad cau”: dydy “31/02/2027” ddim yn ddyddiad y gall Techvoice ei ddarllen. Ysgrifennwch ef fel 31/03/2026, 2026-03-31, Mawrth 2026, Ch3 2025, 2025/26 neu Parhaus (y diwrnod cyn y mis).',
      'Rhes 5 (cam gweithredu 1.5), colofn F “Statws”: dydy “glas” ddim yn statws. Defnyddiwch Gwyrdd (wedi’i gwblhau), Ambr (ar y gweill) neu Coch (heb ddechrau, wedi’i oedi).',
      'Rhes 6 (cam gweithredu 1.6), colofn B “Cam gweithredu”: mae’r cam gweithredu’n wag.',
      'Rhes 6 (cam gweithredu 1.6), colofn D “Perchennog”: mae’r perchennog yn wag. Rhowch gyfeiriad e-bost, neu rôl neu grŵp.',
      'Rhes 6 (cam gweithredu 1.6), colofn E “Dyddiad cau”: mae’r dyddiad cau’n wag. Ysgrifennwch ef fel 31/03/2026, 2026-03-31, Mawrth 2026, Ch3 2025, 2025/26 neu Parhaus.',
    ]);
    assert.deepEqual(await store.listActions('n1'), []);
    assert.deepEqual(phrasesOfLanguageIn(messages.join('\n'), 'en'), []);

    const noColumns = await importActionPlan(store, 'n1', 'Rhif,Nodyn\n1.1,x', AT, { language: 'cy' });
    assert.ok(!noColumns.ok);
    assert.equal(
      noColumns.errors[0].message,
      'Does gan res 1 (y pennawd) ddim colofn ar gyfer Cam gweithredu, Thema, Perchennog, Dyddiad cau. Enwch y colofnau e.e. Rhif, Teitl byr, Cam gweithredu, Thema, CAC, Perchennog, E-bost perchennog, Dyddiad cau, Statws, Nodyn, Mesur llwyddiant, Tystiolaeth.',
    );
    const unreadable = await importActionPlan(store, 'n1', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), AT, { language: 'cy' });
    assert.ok(!unreadable.ok);
    assert.match(unreadable.errors[0].message, /^Does dim modd darllen y ffeil: dydy hi ddim yn llyfr gwaith \.xlsx/);
  });

  it('keeps English for an English importer, with no Welsh', async () => {
    const result = await importActionPlan(store, 'n1', WELSH_PLAN, AT);
    assert.ok(result.ok);
    const lines = describeImport(result);
    assert.match(lines[0], /^Imported CSV into .*: 3 new, 0 changed, 0 unchanged\.$/);
    const bad = await importActionPlan(store, 'n1', 'Rhif,Cam gweithredu,Thema,Perchennog,Dyddiad cau\nx,,Parcio,,', AT);
    assert.ok(!bad.ok);
    assert.match(bad.errors[0].message, /^Row 2, column A “Rhif”: “x” is not an action number like 1\.6\.$/);
    // The file's own headers and cells are quoted as written (“Cam gweithredu”); the rest is English.
    const said = [...lines, ...bad.errors.map((e) => e.message)].join('\n').replace(/“[^”]*”/g, '“…”');
    assert.deepEqual(phrasesOfLanguageIn(said, 'cy'), []);
  });
});
