import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { startWorld, startWorldWithPlan, people, networkId } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardActions, cardInputs, cardText, inputChoiceTitles, type CardJson } from '../support/cards';
import { conversationIdOf, message, personal, type TeamsUser } from '../support/teams-activities';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';
import { actionOf, currentPlanId } from '../support/plans';
import { fakeDate, schedulerFor, tickAt } from '../scheduler/support/clock';
import { runCli } from '../../src/cli';

/** Everything one person saw in their chat with Techvoice since the `from`th activity the bot sent: cards as text, and messages. */
function seenBy(bot: BotHarness, who: TeamsUser, from = 0): string {
  const conversation = conversationIdOf(who, personal);
  return bot.connector.sent
    .slice(from)
    .filter((s) => s.conversationId === conversation)
    .flatMap((s) => [
      ...((s.activity.attachments as { content: CardJson }[] | undefined) ?? []).map((a) => cardText(a.content)),
      ...(typeof s.activity.text === 'string' ? [s.activity.text] : []),
    ])
    .join('\n');
}

/** The person chooses Welsh; returns the point from which what they see is Welsh. */
async function chooseWelsh(bot: BotHarness, who: TeamsUser): Promise<number> {
  const reply = await bot.say(who, 'iaith cymraeg');
  assert.match(shown(reply), /byddaf yn siarad â chi yn Gymraeg/);
  return bot.connector.sent.length;
}

/** A message from someone whose Teams is set to Welsh. */
async function sayInWelshTeams(bot: BotHarness, from: TeamsUser, text: string): Promise<{ cards: CardJson[]; texts: string[] }> {
  const before = bot.connector.sent.length;
  const result = await bot.post({ ...message(bot.connector.url, from, text), locale: 'cy-GB' });
  assert.equal(result.status, 200);
  const replies = bot.connector.sent.slice(before).filter((s) => s.conversationId === conversationIdOf(from, personal));
  return {
    cards: replies.flatMap((s) => (s.activity.attachments as { content: CardJson }[] | undefined) ?? []).map((a) => a.content),
    texts: replies.map((s) => s.activity.text).filter((t): t is string => typeof t === 'string'),
  };
}

const shown = (reply: { cards: CardJson[]; texts: string[] }): string => [...reply.cards.map(cardText), ...reply.texts].join('\n');

describe('Teams: action plans in Welsh', () => {
  let bot: BotHarness;
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  describe('the actions list and the update form', () => {
    beforeEach(async () => {
      bot = await startWorldWithPlan();
    });

    it('shows an owner who chose Welsh their actions, filters in Welsh words, and saves an update in Welsh', async () => {
      const welsh = await chooseWelsh(bot, people.owner);
      const list = (await bot.say(people.owner, 'camau')).cards[0];
      assert.match(cardText(list), /Eich camau gweithredu/);
      assert.match(cardText(list), /🔴 Coch/);
      assert.match(cardText(list), /Gwelededd · erbyn 31 Rhag 2025 · \*\*yn hwyr\*\*/);
      assert.deepEqual(cardActions(list).map((a) => a.title), ['Diweddaru 1.6']);

      for (const filter of ['coch', 'hwyr', 'fy rhai', 'fi', 'thema gwelededd', 'perchennog outreach', 'tudalen 1', 'red overdue']) {
        assert.match(cardText((await bot.say(people.owner, `camau ${filter}`)).cards[0]), /\*\*1\.6\*\*/, filter);
      }
      assert.match(cardText((await bot.say(people.owner, 'camau coch hwyr')).cards[0]), /Eich camau gweithredu \(coch hwyr\)/);
      assert.match(cardText((await bot.say(people.owner, 'camau gwyrdd')).cards[0]), /Does dim camau gweithredu’n cyfateb i’r hidlydd hwnnw\./);
      assert.match(shown(await bot.say(people.owner, 'camau porffor')), /Dydw i ddim yn adnabod yr hidlydd “porffor”\. Rhowch gynnig ar \*\*camau coch\*\*/);
      assert.match(shown(await bot.say(people.owner, 'camau thema parcio')), /Dydy “parcio” ddim yn thema/);

      const form = await bot.press(people.owner, 'action.edit', actionFor(list, 'action.edit').data);
      assert.match(cardText(form), /Diweddaru 1\.6/);
      assert.match(cardText(form), /nawr: 🔴 Coch/);
      assert.match(cardText(form), /Mewnforio’r cynllun · 🔴 Coch/, 'the history names the import in Welsh');
      assert.deepEqual(inputChoiceTitles(form, 'status'), ['🔴 Coch', '🟠 Ambr', '🟢 Gwyrdd']);
      assert.deepEqual(
        cardInputs(form).map((i) => i.label),
        ['Statws RAG', 'Nodyn cynnydd', 'Tystiolaeth (dolen neu ddisgrifiad byr)'],
      );
      assert.equal(cardInputs(form).find((i) => i.id === 'status')?.errorMessage, 'Dewiswch statws RAG.');
      const save = actionFor(form, 'action.update');
      assert.equal(save.title, 'Cadw’r diweddariad');

      const unexplained = await bot.press(people.owner, 'action.update', { ...save.data, status: 'red', note: '', evidence: '' });
      assert.match(cardText(unexplained), /Dywedwch pam mae 1\.6 yn goch/);
      const tooLong = await bot.press(people.owner, 'action.update', { ...save.data, status: 'amber', note: 'x'.repeat(2001), evidence: '' });
      assert.match(cardText(tooLong), /Gall y nodyn fod hyd at 2,000 nod/);
      const saved = await bot.press(people.owner, 'action.update', { ...save.data, status: 'amber', note: 'Dwy ysgol wedi ymuno', evidence: '' });
      assert.match(cardText(saved), /Wedi’i gadw: statws 1\.6 nawr yw 🟠 Ambr\./);
      assert.match(cardText(saved), /Hanes/);
      const stale = await bot.press(people.owner, 'action.update', { ...save.data, status: 'green', note: 'Wedi gorffen', evidence: '' });
      assert.match(cardText(stale), /Mae rhywun arall wedi diweddaru 1\.6 tra oeddech chi’n golygu/);

      const seen = seenBy(bot, people.owner, welsh) + [form, unexplained, tooLong, saved, stale].map(cardText).join('\n');
      assert.deepEqual(phrasesOfLanguageIn(seen, 'en'), []);
    });

    it('pages the whole plan for a chair whose Teams is in Welsh, the buttons keeping the Welsh filter', async () => {
      const welsh = bot.connector.sent.length;
      const list = (await sayInWelshTeams(bot, people.chair, 'camau')).cards[0];
      assert.match(cardText(list), /Cynllun gweithredu · 1–10 o 18/);
      assert.match(cardText(list), /Tudalen 1 o 2/);
      const next = await bot.press(people.chair, 'actions.page', actionFor(list, 'actions.page').data);
      assert.match(cardText(next), /Tudalen 2 o 2/);
      assert.deepEqual(cardActions(next).filter((a) => a.verb === 'actions.page').map((a) => a.title), ['Blaenorol']);

      const amber = (await sayInWelshTeams(bot, people.chair, 'camau ambr')).cards[0];
      assert.match(cardText(amber), /Cynllun gweithredu \(ambr\)/);
      const theme = (await sayInWelshTeams(bot, people.chair, 'camau thema datblygu gyrfa')).cards[0];
      assert.match(cardText(theme), /Cynllun gweithredu \(thema datblygu gyrfa\)/);
      assert.match(cardText(theme), /Datblygu Gyrfa · /);
      assert.doesNotMatch(cardText(theme), /Gwelededd · /);
      assert.match(shown(await sayInWelshTeams(bot, people.chair, 'camau cynllun 9')), /Does dim cynllun 9\./);

      const seen = seenBy(bot, people.chair, welsh) + cardText(next);
      assert.deepEqual(phrasesOfLanguageIn(seen, 'en'), []);
    });

    it('keeps English for an English session of the same, with no Welsh', async () => {
      const list = (await bot.say(people.owner, 'actions red')).cards[0];
      assert.match(cardText(list), /Your actions \(red\)/);
      assert.match(cardText(list), /Visibility · due 31 Dec 2025 · \*\*overdue\*\*/);
      const form = await bot.press(people.owner, 'action.edit', actionFor(list, 'action.edit').data);
      assert.match(cardText(form), /Plan import · 🔴 Red/);
      const saved = await bot.press(people.owner, 'action.update', { ...actionFor(form, 'action.update').data, status: 'amber', note: 'Two schools', evidence: '' });
      assert.match(cardText(saved), /Saved: 1\.6 is now 🟠 Amber\./);
      const chairList = (await bot.say(people.chair, 'actions theme career development')).cards[0];
      assert.match(cardText(chairList), /Action plan \(theme career development\)/);
      const next = await bot.press(people.chair, 'actions.page', actionFor((await bot.say(people.chair, 'actions')).cards[0], 'actions.page').data);
      assert.match(cardText(next), /Page 2 of 2/);
      const seen = seenBy(bot, people.owner) + seenBy(bot, people.chair) + [form, saved, next].map(cardText).join('\n');
      assert.deepEqual(phrasesOfLanguageIn(seen, 'cy'), []);
    });
  });

  describe('reminders', () => {
    beforeEach(async () => {
      bot = await startWorld();
    });

    it('reminds each owner in their own language, and the buttons answer in it', async () => {
      const welsh = await chooseWelsh(bot, people.owner);
      const id = await networkId(bot);
      const planId = await currentPlanId(bot.store, id);
      const due = { due: '2026-06-19', status: 'amber' as const, updatedAt: '2026-06-01T09:00:00.000Z' };
      await bot.store.importActions(
        id,
        [
          actionOf(id, planId, { number: '1.6', title: 'Codi proffil gyrfaoedd technegol', theme: 'Visibility', owner: 'outreach.lead@example.ac.uk', ...due }),
          actionOf(id, planId, { number: '2.1', title: 'Fund registration fees', theme: 'Recognition', owner: 'hr.partner@example.ac.uk', ...due }),
        ],
        [],
      );
      const clock = fakeDate('2026-06-05T07:00:00Z');
      await tickAt(clock, schedulerFor(bot), bot, '2026-06-05T07:00:00Z');

      const inWelsh = bot.connector.cardsIn(conversationIdOf(people.owner, personal)).filter((c) => cardText(c as CardJson).includes('Nodyn atgoffa'));
      assert.equal(inWelsh.length, 1);
      const reminder = inWelsh[0] as CardJson;
      assert.match(cardText(reminder), /Nodyn atgoffa: cam gweithredu 1\.6/);
      assert.match(cardText(reminder), /Y dyddiad cau yw 19 Meh 2026, ymhen 14 diwrnod\./);
      assert.match(cardText(reminder), /Gwelededd · nawr: 🟠 Ambr/);
      assert.deepEqual(
        ['action.edit', 'reminder.done', 'reminder.snooze'].map((verb) => actionFor(reminder, verb).title),
        ['Diweddaru', 'Marcio’n gyflawn', 'Gohirio am 7 diwrnod'],
      );

      const english = bot.connector.cardsIn(conversationIdOf(people.otherOwner, personal)).filter((c) => cardText(c as CardJson).includes('Reminder: action'));
      assert.equal(english.length, 1);
      assert.match(cardText(english[0] as CardJson), /It is due on 19 Jun 2026, in 14 days\./);
      assert.deepEqual(
        ['action.edit', 'reminder.done', 'reminder.snooze'].map((verb) => actionFor(english[0] as CardJson, verb).title),
        ['Update', 'Mark done', 'Snooze 7 days'],
      );

      const snoozed = await bot.press(people.owner, 'reminder.snooze', actionFor(reminder, 'reminder.snooze').data);
      assert.match(cardText(snoozed), /Wedi gohirio[\s\S]*Dim negeseuon atgoffa am 1\.6 tan Gwe 12 Meh 2026/);
      const done = await bot.press(people.owner, 'reminder.done', actionFor(reminder, 'reminder.done').data);
      assert.match(cardText(done), /Diolch! Statws 1\.6 “Codi proffil gyrfaoedd technegol” nawr yw 🟢 Gwyrdd\./);
      const again = await bot.press(people.owner, 'reminder.done', actionFor(reminder, 'reminder.done').data);
      assert.match(cardText(again), /Roedd 1\.6 eisoes wedi’i farcio: 🟢 Gwyrdd\. Dim newid\./);

      assert.deepEqual(phrasesOfLanguageIn(seenBy(bot, people.owner, welsh) + [snoozed, done, again].map(cardText).join('\n'), 'en'), []);
      assert.deepEqual(phrasesOfLanguageIn(seenBy(bot, people.otherOwner), 'cy'), []);
    });

    it('tells a Welsh owner in Welsh that an action is overdue, and that it has had no update', async () => {
      const welsh = await chooseWelsh(bot, people.owner);
      const id = await networkId(bot);
      const planId = await currentPlanId(bot.store, id);
      await bot.store.importActions(
        id,
        [actionOf(id, planId, { number: '1.6', title: 'Codi proffil gyrfaoedd technegol', theme: 'Visibility', owner: 'outreach.lead@example.ac.uk', due: '2026-06-10', status: 'red', note: 'Dim ysgolion eto', updatedAt: '2026-05-13T10:00:00.000Z' })],
        [],
      );
      const scheduler = schedulerFor(bot);
      const clock = fakeDate('2026-06-11T09:00:00Z');
      const latest = () => cardText(bot.connector.cardsIn(conversationIdOf(people.owner, personal)).at(-1) as CardJson);
      await tickAt(clock, scheduler, bot, '2026-06-11T09:00:00Z');
      assert.match(latest(), /Y dyddiad cau oedd 10 Meh 2026, ac mae’n hwyr bellach\./);
      assert.match(latest(), /Gwelededd · nawr: 🔴 Coch · Dim ysgolion eto/);
      await tickAt(clock, scheduler, bot, '2026-06-12T09:00:00Z');
      assert.match(latest(), /Does dim diweddariad wedi bod arno ers 13 Mai 2026\./);
      await tickAt(clock, scheduler, bot, '2026-06-18T09:00:00Z');
      assert.match(latest(), /Mae wedi bod yn hwyr ers 10 Meh 2026\./);
      assert.deepEqual(phrasesOfLanguageIn(seenBy(bot, people.owner, welsh), 'en'), []);
    });

    it('asks a Welsh owner in Welsh to explain a red action imported without an explanation', async () => {
      const welsh = await chooseWelsh(bot, people.owner);
      const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
      writeFileSync(file, ['number,title,theme,owner,due,status,note', '1.6,Codi proffil gyrfaoedd technegol,Visibility,outreach.lead@example.ac.uk,2026-12-31,red,'].join('\n'));
      const err: string[] = [];
      assert.equal(await runCli(['import-actions', file, '--network', await networkId(bot)], bot.cliEnv, { out: () => {}, err: (l) => err.push(l) }), 0, err.join('\n'));
      const [queued] = await bot.store.listDeliveries(`explain-red:${await networkId(bot)}:${(await bot.store.getCurrentPlan(await networkId(bot)))!.id}:1.6`);
      sinon.useFakeTimers({ now: Date.parse(queued.notBefore) + 1_000, shouldAdvanceTime: true, toFake: ['Date'] });
      await bot.app.outbox.drain();
      const seen = seenBy(bot, people.owner, welsh);
      assert.match(seen, /Mae’n goch yn y cynllun newydd ei fewnforio, heb esboniad/);
      assert.deepEqual(phrasesOfLanguageIn(seen, 'en'), []);
    });
  });

  describe('the plan command', () => {
    beforeEach(async () => {
      bot = await startWorld();
    });

    it('keeps the network’s plans for an admin in Welsh: list, new, close and carry over', async () => {
      const welsh = await chooseWelsh(bot, people.admin);
      const said = async (text: string) => shown(await bot.say(people.admin, text));
      assert.match(await said('cynllun'), /Does dim cynlluniau eto/);
      assert.match(await said('cynllun newydd un 2024-04-01 Cynllun 2024–26'), /Wedi creu Cynllun 2024–26 \(Cyfnod Un, 1 Ebr 2024 – 31 Maw 2026\) · cyfredol · 0 cam gweithredu\./);
      const id = await networkId(bot);
      const [first] = await bot.store.listPlans(id);
      await bot.store.importActions(id, [1, 2, 3].map((n) => actionOf(id, first.id, { number: `1.${n}`, title: `Cam ${n}`, theme: 'Visibility', owner: 'a@example.ac.uk', due: null, status: n === 1 ? 'green' : 'red' })), []);
      assert.match(await said('cynllun newydd dau 2026-04-01 Cynllun 2026–29'), /Drafft yw hwn: bydd Cynllun 2024–26 yn aros yn gyfredol nes i chi deipio \*\*cynllun cau\*\*\./);
      const closed = await said('cynllun cau');
      assert.match(closed, /Wedi cau Cynllun 2024–26\. Cedwir ei RAG fel yr oedd ar .*: 2 coch, 0 ambr, 1 gwyrdd\./);
      assert.match(closed, /Cynllun 2026–29 yw’r cynllun cyfredol nawr\./);
      assert.match(closed, /i ddod â’r 2 gam gweithredu heb eu gorffen iddo\./);
      assert.match(await said('cynllun symud-ymlaen'), /Wedi symud 2 gam gweithredu heb eu gorffen o Cynllun 2024–26 i Cynllun 2026–29: 1\.2, 1\.3\./);
      const list = await said('cynllun rhestr');
      assert.match(list, /Cynllun 2024–26 \(Cyfnod Un, .*\) · ar gau · 3 cham gweithredu · wrth gau: 2 coch, 0 ambr, 1 gwyrdd/);
      assert.match(list, /Cynllun 2026–29 \(Cyfnod Dau, .*\) · cyfredol · 2 gam gweithredu/);
      assert.match(await said('cynllun newydd pedwar 2026-04-01 Rhywbeth'), /Dydy “pedwar” ddim yn gyfnod/);
      assert.match(await said('cynllun newydd tri ddoe Rhywbeth'), /Dydy “ddoe” ddim yn ddyddiad dechrau/);
      assert.match(await said('cynllun dileu'), /Dydw i ddim yn adnabod \*\*cynllun dileu\*\*\. Rhowch gynnig ar:\n\*\*cynllun\*\* neu \*\*cynllun rhestr\*\*/);
      assert.equal((await bot.store.listPlans(id)).length, 2, 'bad input changed nothing');
      assert.deepEqual(phrasesOfLanguageIn(seenBy(bot, people.admin, welsh), 'en'), []);
    });

    it('shows the Welsh filter words in the Welsh usage of camau', async () => {
      await chooseWelsh(bot, people.admin);
      const help = shown(await bot.say(people.admin, 'cymorth'));
      assert.match(help, /camau \[coch\|ambr\|gwyrdd\|hwyr\|fy rhai\|thema …\|perchennog …\|tudalen N\]/);
    });
  });
});

