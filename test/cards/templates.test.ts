import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CardName } from '../../src/core/cards';
import { loadTemplate } from '../../src/cards/templates';

// The package's main entry is ESM without extensions on Node 20; the bundled build loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string; phase: number } };
};

const names = readdirSync(join(__dirname, '../../cards'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, '') as CardName);

describe('card templates', () => {
  it('exist for the product’s cards', () => {
    for (const name of ['help', 'feedback-form', 'pulse-question', 'actions-list', 'action-update', 'summary', 'roles']) {
      assert.ok(names.includes(name as CardName), `${name}.json`);
    }
  });

  for (const name of names) {
    it(`${name}.json is an Adaptive Card 1.5 the adaptivecards parser accepts without errors`, () => {
      const template = loadTemplate(name);
      assert.equal(template.type, 'AdaptiveCard');
      assert.equal(template.version, '1.5');
      const context = new AC.SerializationContext();
      new AC.AdaptiveCard().parse(template, context);
      const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
      // A template binds some enum values (e.g. a colour) to data; only those may be reported here.
      // Teams renders Chart.* elements the parser does not know; each one must carry a fallback.
      const charts = JSON.stringify(template).match(/"type":"Chart\.[A-Za-z.]+"/g) ?? [];
      assert.equal((JSON.stringify(template).match(/"fallback":/g) ?? []).length >= charts.length, true, 'every chart has a fallback');
      const problems = events
        .map((e) => e.message)
        .filter((m) => !/^Invalid value "\$\{\w+\}"/.test(m))
        .filter((m) => !/^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/.test(m));
      assert.deepEqual(problems, []);
    });
  }
});
