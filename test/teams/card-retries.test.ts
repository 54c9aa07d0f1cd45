import { strict as assert } from 'node:assert';
import { cardText, type CardJson } from '../support/cards';
import type { BotHarness } from '../support/bot-harness';
import { invoke } from '../support/teams-activities';
import { networkId, people, startWorldWithPlan } from '../support/teams-world';

describe('Teams: a retried card action', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorldWithPlan();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('is done once: the same invoke twice saves one update, and the retry says so instead of a conflict', async () => {
    const id = await networkId(bot);
    const version = (await bot.store.getAction(id, '1.6'))!.version;
    const activity = invoke(bot.connector.url, people.owner, 'action.update', { verb: 'action.update', cv: 1, number: '1.6', version, status: 'amber', note: 'Two schools signed up' });
    const answers: string[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const { status, body } = await bot.post(activity);
      assert.equal(status, 200);
      answers.push(cardText((body as { value: CardJson }).value));
    }
    assert.match(answers[0], /Saved: 1\.6 is now/);
    assert.match(answers[1], /Teams sent that twice, so I did it once/);
    assert.equal((await bot.store.listActionUpdates(id, '1.6')).filter((u) => u.note === 'Two schools signed up').length, 1);
  });

  it('is a new press when Teams sends a new activity, even with the same data', async () => {
    const id = await networkId(bot);
    const data = { verb: 'action.update', cv: 1, number: '1.6', status: 'amber' };
    const first = await bot.press(people.owner, 'action.update', { ...data, version: (await bot.store.getAction(id, '1.6'))!.version, note: 'First' });
    const second = await bot.press(people.owner, 'action.update', { ...data, version: (await bot.store.getAction(id, '1.6'))!.version, note: 'Second' });
    assert.match(cardText(first), /Saved/);
    assert.match(cardText(second), /Saved/);
  });
});
