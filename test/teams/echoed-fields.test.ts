import assert from 'node:assert/strict';
import { BotHarness } from '../support/bot-harness';
import { channel, message } from '../support/teams-activities';
import { people, startWorld } from '../support/teams-world';

describe('Teams: what an activity carries is not sent back later', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorld();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('keeps a private reply sent through the outbox within Teams’ size limit when the request carried an enormous bot name', async () => {
    const huge = 'x'.repeat(100_000);
    // Said in the personal chat, the request's addresses become the member's private address.
    const hello = message(bot.connector.url, people.member, 'hello');
    assert.equal((await bot.post({ ...hello, recipient: { ...hello.recipient, name: huge }, conversation: { ...hello.conversation, name: huge } })).status, 200);
    // Asked in a channel, what is private goes there later, through the outbox.
    await bot.say(people.member, 'my data', channel());
    await bot.connector.waitFor(() => bot.connector.sent.some((s) => JSON.stringify(s.activity).includes('What Techvoice holds about you')));
    const privately = bot.connector.sent.find((s) => JSON.stringify(s.activity).includes('What Techvoice holds about you'))!;
    assert.ok(JSON.stringify(privately.activity).length * 2 < 40 * 1024, 'the private reply is under 40 KB');
  });
});
