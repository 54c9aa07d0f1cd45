import { strict as assert } from 'node:assert';
import { startWorldWithPlan, people, networkId, memberOf } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText, inputChoices } from '../support/cards';
import { conversationIdOf, personal, type TeamsUser } from '../support/teams-activities';
import { openReplyAddress, sealReplyAddress } from '../../src/core/feedback/sealed-reply';

const ALL_TIME = ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] as const;
const MEMBER_CHAT = conversationIdOf(people.member, personal);

describe('Teams: you said, we did', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorldWithPlan();
  });
  afterEach(async () => {
    await bot.close();
  });

  async function giveFeedback(who: TeamsUser, text: string, anonymous = true): Promise<void> {
    const form = (await bot.say(who, 'feedback')).cards[0];
    const done = await bot.press(who, 'feedback.submit', { ...actionFor(form, 'feedback.submit').data, theme: 'Recognition', text, anonymous: String(anonymous) });
    assert.match(cardText(done), /when they reply I will pass it on to you here/);
  }

  async function identifiers(who: TeamsUser): Promise<string[]> {
    const member = await memberOf(bot, who);
    return [member.id, who.id, who.name, who.aadObjectId, member.email ?? 'no e-mail', `a:personal-${who.id}`];
  }

  function assertAnonymous(json: unknown, ids: string[], where: string): void {
    const text = JSON.stringify(json);
    for (const id of ids) assert.ok(!text.includes(id), `${where} must not contain ${id}`);
  }

  const cardsToMember = () => bot.connector.cardsIn(MEMBER_CHAT);
  const textsToMember = () => bot.connector.textsIn(MEMBER_CHAT);

  it('lets a chair acknowledge, link and reply to anonymous feedback; the reply reaches the author, who stays unknown', async () => {
    await giveFeedback(people.member, 'Please pay for professional registration fees');
    const ids = await identifiers(people.member);
    const before = { cards: cardsToMember().length, texts: textsToMember().length };

    const inbox = (await bot.say(people.chair, 'feedback list')).cards[0];
    assert.match(cardText(inbox), /1 feedback item waiting for a reply/);
    assert.match(cardText(inbox), /FB-1.*Recognition.*New[\s\S]*Please pay for professional registration fees[\s\S]*Anonymous/);
    assertAnonymous(inbox, ids, 'the inbox');

    const item = await bot.press(people.chair, 'feedback.open', actionFor(inbox, 'feedback.open').data);
    assertAnonymous(item, ids, 'the feedback card');
    assert.match(cardText(item), /reaches the author in chat without you or anyone learning who they are/);
    assert.ok(inputChoices(item, 'action').includes('2.1'));

    const acknowledged = await bot.press(people.chair, 'feedback.acknowledge', actionFor(item, 'feedback.acknowledge').data);
    assert.match(cardText(acknowledged), /Acknowledged FB-1\. The author has been told/);
    await bot.connector.waitFor(() => textsToMember().length > before.texts);
    assert.match(textsToMember().at(-1)!, /FB-1 \(Recognition\) has been read by the forum chairs/);

    const linked = await bot.press(people.chair, 'feedback.link', { ...actionFor(acknowledged, 'feedback.link').data, action: '2.1' });
    assert.match(cardText(linked), /Linked FB-1 to action 2\.1/);
    assert.match(cardText(linked), /Linked to \*\*2\.1\*\* Fund the first year of professional registration fees/);

    const replied = await bot.press(people.chair, 'feedback.reply', {
      ...actionFor(linked, 'feedback.reply').data,
      reply: 'We now fund the first year of registration fees.',
    });
    assert.match(cardText(replied), /Reply sent to the author of FB-1/);
    await bot.connector.waitFor(() => cardsToMember().length > before.cards);
    const received = cardText(cardsToMember().at(-1)!);
    assert.match(received, /You said, we did: FB-1 \(Recognition\)/);
    assert.match(received, /Please pay for professional registration fees/);
    assert.match(received, /We now fund the first year of registration fees\./);
    assert.match(received, /action \*\*2\.1\*\* Fund the first year/);

    await bot.app.outbox.drain();
    const [stored] = await bot.store.listFeedback(await networkId(bot), ...ALL_TIME);
    assert.equal(stored.status, 'closed');
    assert.equal(stored.linkedAction, '2.1');
    assertAnonymous(stored, ids, 'the feedback row');
    const deliveries = [
      ...(await bot.store.listDeliveries(`feedback-ack:${stored.networkId}:1`)),
      ...(await bot.store.listDeliveries(`feedback-reply:${stored.networkId}:1`)),
    ];
    assert.deepEqual(deliveries.map((d) => [d.recipientKey, d.address, d.payload, d.state]), [['', '', '', 'sent'], ['', '', '', 'sent']], 'a sent delivery keeps no recipient, address or content');

    const summary = cardText((await bot.say(people.chair, 'summary')).cards[0]);
    assert.match(summary, /Recognition\n1 \(1 led to action\)/);
    assert.match(summary, /You said, we did: 1 item of this period’s feedback led to an action/);
    assertAnonymous(summary, ids, 'the summary');

    const empty = (await bot.say(people.chair, 'feedback list')).cards[0];
    assert.match(cardText(empty), /No feedback is waiting for a reply/);
  });

  it('shows the name of named feedback, and the reply reaches its author too', async () => {
    await giveFeedback(people.member, 'Named: more training budget', false);
    const item = await bot.press(people.chair, 'feedback.open', { cv: 1, number: 1 });
    assert.match(cardText(item), /Named: Mo Member/);
    const before = cardsToMember().length;
    await bot.press(people.chair, 'feedback.reply', { cv: 1, number: 1, reply: 'Budget doubled from April.' });
    await bot.connector.waitFor(() => cardsToMember().length > before);
    assert.match(cardText(cardsToMember().at(-1)!), /Budget doubled from April/);
  });

  it('sends a double-clicked reply once, and refuses a second, different reply', async () => {
    await giveFeedback(people.member, 'Idea');
    const reply = { cv: 1, number: 1, reply: 'Done.' };
    const before = cardsToMember().length;
    await bot.press(people.chair, 'feedback.reply', reply);
    const again = await bot.press(people.chair, 'feedback.reply', reply);
    assert.match(cardText(again), /was sent already: once is enough/);
    const different = await bot.press(people.chair, 'feedback.reply', { ...reply, reply: 'Something else' });
    assert.match(cardText(different), /closed with a reply already/);
    await bot.connector.waitFor(() => cardsToMember().length > before);
    await bot.app.outbox.drain();
    assert.equal(cardsToMember().length, before + 1);
    assert.equal((await bot.store.getFeedback(await networkId(bot), 1))?.reply, 'Done.');
  });

  it('refuses members, unknown items, unknown actions and empty replies, changing nothing', async () => {
    await giveFeedback(people.member, 'Idea');
    const network = await networkId(bot);
    const memberView = await bot.say(people.member, 'feedback list');
    assert.match(memberView.texts[0], /Only forum chairs/, 'members are told the inbox is for chairs');
    assert.deepEqual(memberView.cards, []);
    const sentBefore = bot.connector.sent.length;
    assert.match(cardText(await bot.press(people.member, 'feedback.reply', { cv: 1, number: 1, reply: 'Hijack' })), /Only forum chairs/);
    assert.match(cardText(await bot.press(people.chair, 'feedback.open', { cv: 1, number: 99 })), /There is no FB-99/);
    const badAction = await bot.press(people.chair, 'feedback.link', { cv: 1, number: 1, action: '9.9' });
    assert.match(cardText(badAction), /There is no action 9\.9 in your plan/);
    const empty = await bot.press(people.chair, 'feedback.reply', { cv: 1, number: 1, reply: '   ' });
    assert.match(cardText(empty), /The reply is empty/);
    const long = await bot.press(people.chair, 'feedback.reply', { cv: 1, number: 1, reply: 'x'.repeat(1001) });
    assert.match(cardText(long), /up to 1,000 characters/);
    const stored = await bot.store.getFeedback(network, 1);
    assert.equal(stored?.status, 'new');
    assert.equal(stored?.reply, null);
    assert.equal(stored?.linkedAction, null);
    await bot.app.outbox.drain();
    assert.equal(bot.connector.sent.filter((s, i) => i >= sentBefore && s.conversationId === MEMBER_CHAT && !s.activity.attachments).length, 0);
  });
});

describe('sealed reply handle', () => {
  const to = { platform: 'teams' as const, address: '{"reference":{"conversation":{"id":"a:personal-29:mo"}}}' };

  it('opens with the server key for its own item only', () => {
    const sealed = sealReplyAddress('server-key', 'n1', 3, to);
    assert.ok(!sealed.includes('personal'), 'the address is not readable in the handle');
    assert.deepEqual(openReplyAddress('server-key', 'n1', 3, sealed), to);
    assert.equal(openReplyAddress('another-key', 'n1', 3, sealed), null);
    assert.equal(openReplyAddress('server-key', 'n1', 4, sealed), null, 'copied onto another item');
    assert.equal(openReplyAddress('server-key', 'n2', 3, sealed), null, 'copied into another network');
    // One bit of the sealed bytes flipped (the last base64 character may carry unused bits, so the text is not edited).
    const [version, payload] = sealed.split('.');
    const bytes = Buffer.from(payload!, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    assert.equal(openReplyAddress('server-key', 'n1', 3, `${version}.${bytes.toString('base64url')}`), null);
    assert.equal(openReplyAddress('server-key', 'n1', 3, 'garbage'), null);
  });

  it('seals the same address differently each time', () => {
    assert.notEqual(sealReplyAddress('k', 'n1', 1, to), sealReplyAddress('k', 'n1', 1, to));
  });
});
