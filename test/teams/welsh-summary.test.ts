import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startWorldWithPlan, people, memberOf, emails } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { actionFor, cardText, type CardJson } from '../support/cards';
import { channel, conversationIdOf, personal, type TeamsUser, type Where } from '../support/teams-activities';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';
import { fakeDate, schedulerFor, tickAt } from '../scheduler/support/clock';
import { inflateRawSync } from 'node:zlib';

const FORUM = channel();
const FORUM_NAME = 'TLF Bangor';

/** The words on a card a person reads: not the values its inputs and choices send back. */
function shownOn(card: CardJson): string {
  const strip = (node: unknown, inChoices = false): unknown => {
    if (Array.isArray(node)) return node.map((item) => strip(item, inChoices));
    if (!node || typeof node !== 'object') return node;
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, strip(value, key === 'choices')]));
    const type = (node as Record<string, unknown>).type;
    if (inChoices || (typeof type === 'string' && type.startsWith('Input.'))) delete copy.value;
    return copy;
  };
  return cardText(strip(card) as CardJson);
}

describe('Teams: summaries, schedules, roles and privacy in Welsh', () => {
  let bot: BotHarness;
  let seen: string[];
  let planWords: string[];
  beforeEach(async () => {
    bot = await startWorldWithPlan();
    seen = [];
    const actions = await bot.store.listActions((await memberOf(bot, people.admin)).networkId);
    planWords = actions.flatMap((a) => [a.title, a.shortTitle, a.owner]).filter(Boolean);
  });

  /** What people typed or are called, and the plan's own text, are theirs: left out when checking the language of what was seen. */
  function withoutPeople(text: string): string {
    const data = [...planWords, ...Object.values(people).map((p) => p.name), ...Object.values(emails)].sort((a, b) => b.length - a.length);
    return data.reduce((rest, item) => rest.split(item).join('·'), text);
  }
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  /** What a person is shown for a command, kept to check the language of everything seen. */
  async function say(who: TeamsUser, text: string, where: Where = personal): Promise<{ cards: CardJson[]; texts: string[]; text: string }> {
    const reply = await bot.say(who, text, where);
    const shown = [...reply.texts, ...reply.cards.map(shownOn)].join('\n');
    seen.push(shown);
    return { ...reply, text: shown };
  }

  async function press(who: TeamsUser, verb: string, data: Record<string, unknown>, where: Where = personal): Promise<string> {
    const shown = shownOn(await bot.press(who, verb, data, where));
    seen.push(shown);
    return shown;
  }

  it('gives a Welsh chair the summary, the schedule card and the schedule command in Welsh', async () => {
    await bot.say(people.admin, `forum ${FORUM_NAME}`, FORUM);
    await bot.say(people.chair, 'iaith cymraeg');
    await bot.say(people.chair, 'iaith fforwm cymraeg', FORUM);

    const summary = await say(people.chair, 'crynodeb 7', FORUM);
    assert.match(summary.text, new RegExp(`Crynodeb ar gyfer ${FORUM_NAME}`));
    assert.match(summary.text, /Y 7 diwrnod diwethaf: .* tan .* · tueddiadau o’u cymharu â’r 7 diwrnod cyn hynny/);
    assert.match(summary.text, /Canlyniadau pwls fesul thema[\s\S]*Dim cwestiynau pwls yn y cyfnod hwn\./);
    assert.match(summary.text, /Adborth: 0 eitem/);
    assert.match(summary.text, /Cynllun gweithredu \(coch \/ ambr \/ gwyrdd\)/);
    assert.match(summary.text, /Gwelededd\n🔴 1 coch · 🟠 2 ambr · 🟢 3 gwyrdd · 6 cham/);
    assert.match(summary.text, /1\.6.*🔴 coch.*outreach\.lead@example\.ac\.uk/);
    assert.match(summary.text, /Anhysbysrwydd: /);

    assert.match((await say(people.chair, 'crynodeb lawer', FORUM)).text, /Rhowch nifer y dyddiau fel rhif cyfan o 1 i 365/);
    const theme = await say(people.chair, 'crynodeb 30 cydnabyddiaeth', FORUM);
    assert.match(theme.text, /Thema: Cydnabyddiaeth/);

    const card = await say(people.chair, 'amserlen', FORUM);
    assert.match(card.text, /Amserlenni adroddiadau/);
    assert.match(card.text, new RegExp(`Crynodeb yn “${FORUM_NAME}”\nAr y dydd Llun cyntaf o bob mis am 09:00 \\(trefn ddiofyn Techvoice\\)`));
    assert.match(card.text, /Crynhoad y cadeiryddion\nBob dydd Llun am 09:00/);
    assert.match(card.text, /Dydd Gwener/);
    assert.match(card.text, /Cadw’r amserlen/);

    const weekly = await say(people.chair, 'amserlen crynhoad wythnosol dydd Gwener 16:00', FORUM);
    assert.match(weekly.text, /Mae crynhoad y cadeiryddion bellach yn mynd allan bob dydd Gwener am 16:00 \(amser Europe\/London\)\./);
    assert.match(weekly.text, /Bydd yr un nesaf yn mynd allan ddydd Gwener/);
    const fortnightly = await say(people.chair, 'amserlen crynodeb bob pythefnos Mawrth 10:30', FORUM);
    assert.match(fortnightly.text, new RegExp(`Mae’r crynodeb ar gyfer “${FORUM_NAME}” bellach yn mynd allan bob yn ail ddydd Mawrth am 10:30`));
    assert.match((await say(people.chair, 'amserlen crynodeb i ffwrdd', FORUM)).text, /bellach i ffwrdd: ni fydd dim yn mynd allan/);
    assert.match((await say(people.chair, 'amserlen crynodeb diofyn', FORUM)).text, /bellach yn dilyn amserlen y rhwydwaith: ar y dydd Llun cyntaf o bob mis am 09:00/);

    assert.match((await say(people.chair, 'amserlen crynhoad i ffwrdd misol', FORUM)).text, /Mae \*\*i ffwrdd\*\* yn mynd ar ei ben ei hun: \*\*amserlen crynhoad i ffwrdd\*\*\./);
    assert.match((await say(people.chair, 'amserlen crynhoad wythnosol dydd Sadwrn 09:00', FORUM)).text, /ar ddiwrnodau gwaith/);
    assert.match((await say(people.chair, 'amserlen crynhoad wythnosol 09:00', FORUM)).text, /Dywedwch ar ba ddiwrnod mae’r crynhoad yn mynd allan[\s\S]*Er enghraifft \*\*amserlen crynodeb misol dydd Llun 09:00\*\*/);
    assert.match((await say(people.chair, 'amserlen crynhoad Llun 25:00', FORUM)).text, /Alla i ddim defnyddio “25:00” fel amser/);
    const stillOff = await say(people.chair, 'amserlen', FORUM);
    assert.match(stillOff.text, /Crynhoad y cadeiryddion\nBob dydd Gwener am 16:00 \(wedi’i gosod ar gyfer y rhwydwaith\)/, 'bad input changed nothing');

    const form = (await bot.say(people.chair, 'amserlen', FORUM)).cards[0];
    const refused = await press(people.chair, 'schedule.set', { ...actionFor(form, 'schedule.set').data, report: 'digest', repeat: 'weekly', weekday: '7', time: '09:00' }, FORUM);
    assert.match(refused, /Dewiswch ddiwrnod gwaith o ddydd Llun i ddydd Gwener\./);
    const saved = await press(people.chair, 'schedule.set', { ...actionFor(form, 'schedule.set').data, report: 'digest', repeat: 'monthly', weekday: '3', time: '08:15' }, FORUM);
    assert.match(saved, /Mae crynhoad y cadeiryddion bellach yn mynd allan ar y dydd Mercher cyntaf o bob mis am 08:15/);

    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(seen.join('\n')), 'en'), []);
  });

  it('gives a Welsh admin the roles card, forum registration and the audit log in Welsh', async () => {
    await bot.say(people.admin, 'iaith cymraeg');
    const registered = await say(people.admin, `fforwm ${FORUM_NAME}`, FORUM);
    assert.match(registered.text, new RegExp(`Mae’r sianel hon bellach yn fforwm “${FORUM_NAME}”`));
    assert.match((await say(people.admin, `fforwm ${FORUM_NAME}`, FORUM)).text, /yn dal yn fforwm/);
    assert.match((await say(people.admin, 'fforwm')).text, /Rhedwch \*\*fforwm\*\* yn y sianel/);

    const roles = await say(people.admin, 'rolau');
    assert.match(roles.text, /Rolau\n[\s\S]*Chris Chair \(teams, forum\.chair@example\.ac\.uk\)\ncadeirydd/);
    assert.match(roles.text, /Cadeirydd fforwm[\s\S]*Perchennog cam gweithredu[\s\S]*Gweinyddwr/);
    assert.match(roles.text, /Rhoi’r rolau a diciwyd \(gan gadw’r lleill\)[\s\S]*Cadw’r rolau/);
    const owner = await memberOf(bot, people.owner);
    const badEmail = await press(people.admin, 'roles.set', { cv: 1, member: owner.id, roles: 'owner', email: 'not-an-address' });
    assert.match(badEmail, /Dydy’r cyfeiriad e-bost hwnnw ddim yn edrych yn iawn\./);
    assert.deepEqual((await memberOf(bot, people.owner)).roles, ['member'], 'bad input changed nothing');
    const saved = await press(people.admin, 'roles.set', { cv: 1, member: owner.id, roles: 'owner', email: '' });
    assert.match(saved, /Wedi’i gadw: mae Olu Owner yn berchennog\./);

    const audit = await say(people.admin, 'archwiliad 30');
    assert.match(audit.text, /Log archwilio\nGweithredoedd cadeiryddion, gweinyddwyr a’r llinell orchymyn yn y 30 diwrnod diwethaf: \d+\./);
    assert.match(audit.text, /Ada Admin · Newidiodd rolau · aelod=Olu Owner rolau=perchennog/);
    assert.match((await say(people.admin, 'archwiliad llawer')).text, /Rhowch nifer y dyddiau fel rhif cyfan, e\.e\. \*\*archwiliad 90\*\*\./);

    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(seen.join('\n')), 'en'), []);
  });

  it('gives a Welsh member their data, a link code and forget me in Welsh', async () => {
    const welsh = people.member;
    await bot.say(welsh, 'iaith cymraeg');
    const mine = await say(welsh, 'fy nata');
    assert.match(mine.text, /Beth mae Techvoice yn ei gadw amdanoch chi\nYn .*, ar Teams\./);
    assert.match(mine.text, /Enw\nMo Member[\s\S]*Rolau\naelod[\s\S]*Camau gweithredu wedi’u rhestru o dan eich e-bost\ndim/);
    const code = await say(welsh, 'cysylltu');
    assert.match(code.text, /Eich cod untro yw \*\*[A-Z0-9]{4}-[A-Z0-9]{4}\*\*\. O fewn 10 munud, teipiwch \*\*cysylltu /);
    assert.match((await say(welsh, 'cysylltu ABCD-EFGH')).text, /Dydw i ddim yn adnabod y cod hwnnw/);

    const confirm = await say(welsh, 'anghofio fi');
    assert.match(confirm.text, /Anghofio fi\?[\s\S]*Bydd Techvoice yn dileu eich cofnod aelod[\s\S]*Ie, anghofiwch fi/);
    const done = await press(welsh, 'privacy.forget', actionFor(confirm.cards[0], 'privacy.forget').data);
    assert.match(done, /Wedi’i wneud: rydych chi wedi’ch anghofio\nMae eich cofnod aelod wedi’i ddileu ac mae eich enw wedi’i dynnu oddi ar 0 eitem o adborth, 0 ateb pwls a 0 diweddariad/);

    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(seen.join('\n')), 'en'), []);
  });

  it('shows an English chair and admin the same in English, with no Welsh', async () => {
    await say(people.admin, `forum ${FORUM_NAME}`, FORUM);
    const summary = await say(people.chair, 'summary 7', FORUM);
    assert.match(summary.text, /Summary for[\s\S]*Visibility\n🔴 1 red · 🟠 2 amber · 🟢 3 green · 6 actions/);
    assert.match((await say(people.chair, 'schedule', FORUM)).text, /Chairs’ digest\nEvery Monday at 09:00 \(Techvoice’s default\)/);
    assert.match((await say(people.chair, 'schedule digest weekly Friday 16:00', FORUM)).text, /The chairs’ digest now goes out every Friday at 16:00/);
    await say(people.chair, 'schedule summary off', FORUM);
    await say(people.admin, 'roles');
    await say(people.admin, 'audit');
    await say(people.member, 'my data');
    await say(people.member, 'link');
    await say(people.member, 'forget me');
    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(seen.join('\n')), 'cy'), []);
  });

  it('posts a bilingual forum’s summary in Welsh, then English, and each chair’s digest in their language', async () => {
    await bot.say(people.admin, `forum ${FORUM_NAME}`, FORUM);
    await bot.say(people.chair, 'language forum both', FORUM);
    await bot.say(people.chair, 'iaith cymraeg');
    const admin = await memberOf(bot, people.admin);
    await bot.store.upsertMember({ ...admin, roles: [...admin.roles, 'chair'] });
    const scheduler = schedulerFor(bot);
    const before = bot.connector.cardsIn(FORUM.channelId!).length;

    const clock = fakeDate('2026-07-06T08:00:00Z'); // Mon 6 July, 09:00 London: the summary's and the digest's slot
    await tickAt(clock, scheduler, bot, '2026-07-06T08:00:00Z');
    await tickAt(clock, scheduler, bot, '2026-07-06T08:01:00Z');
    const posted = bot.connector.cardsIn(FORUM.channelId!).slice(before).map(cardText);
    assert.equal(posted.length, 2);
    assert.match(posted[0], new RegExp(`^Crynodeb ar gyfer ${FORUM_NAME}`));
    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(posted[0]), 'en'), []);
    assert.match(posted[1], new RegExp(`^Summary for ${FORUM_NAME}`));
    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(posted[1]), 'cy'), []);

    const digestFor = (who: TeamsUser) => bot.connector.cardsIn(conversationIdOf(who, personal)).map(cardText).filter((t) => /^(Weekly digest|Crynhoad wythnosol)/.test(t));
    const [welsh] = digestFor(people.chair);
    assert.match(welsh, /Crynhoad wythnosol ar gyfer[\s\S]*Adborth newydd \(0\)[\s\S]*Camau gweithredu hwyr a choch/);
    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(welsh), 'en'), []);
    const [english] = digestFor(people.admin);
    assert.match(english, /Weekly digest for[\s\S]*New feedback \(0\)[\s\S]*Overdue and red actions/);
    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(english), 'cy'), []);
  });

  it('answers a summary typed in a forum’s channel in the forum’s language, whoever asks', async () => {
    await bot.say(people.admin, `forum ${FORUM_NAME}`, FORUM);
    await bot.say(people.chair, 'language forum cymraeg', FORUM);
    const welsh = await bot.say(people.chair, 'summary 7', FORUM);
    assert.equal(welsh.cards.length, 1);
    assert.match(cardText(welsh.cards[0]), new RegExp(`^Crynodeb ar gyfer ${FORUM_NAME}`), 'an English chair, in a Welsh forum');
    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(cardText(welsh.cards[0])), 'en'), []);

    await bot.say(people.chair, 'language forum both', FORUM);
    const both = (await bot.say(people.chair, 'summary 7', FORUM)).cards.map(cardText);
    assert.equal(both.length, 2);
    assert.match(both[0], new RegExp(`^Crynodeb ar gyfer ${FORUM_NAME}`));
    assert.match(both[1], new RegExp(`^Summary for ${FORUM_NAME}`));
    assert.deepEqual(phrasesOfLanguageIn(withoutPeople(both[1]), 'cy'), []);

    const direct = (await bot.say(people.chair, 'summary 7')).cards.map(cardText);
    assert.equal(direct.length, 1);
    assert.match(direct[0], /^Summary for /, 'in a direct chat, the chair’s own language');
  });

  it('draws a Welsh chair’s charts in Welsh: titles, legends, alt text, and a picture link that carries the language', async () => {
    await bot.close();
    bot = await startWorldWithPlan({ PUBLIC_URL: 'https://techvoice.example.ac.uk/' });
    await bot.say(people.admin, `forum ${FORUM_NAME}`, FORUM);
    await bot.say(people.chair, 'iaith cymraeg');
    const [card] = (await bot.say(people.chair, 'crynodeb')).cards;
    const charts: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const obj = node as Record<string, unknown>;
        if (obj.type === 'Chart.VerticalBar.Grouped') charts.push(obj);
        Object.values(obj).forEach(walk);
      }
    };
    walk(card);
    const [plan] = charts;
    assert.match(String(plan.title), /^Statws RAG fesul thema, ar \d+ \S+ \d{4}$/);
    assert.deepEqual((plan.data as { legend: string }[]).map((s) => s.legend), ['Gwyrdd – wedi’i gwblhau', 'Ambr – ar y gweill', 'Coch – heb ei wneud eto']);
    const picture = ((plan.fallback as { items: { url: string; altText: string }[] }).items)[0];
    assert.match(picture.altText, /^Siart bar o statws RAG y cynllun gweithredu fesul thema[\s\S]*Gwelededd: 3 gwyrdd, 2 ambr, 1 coch o 6/);
    const url = new URL(picture.url);
    const spec = JSON.parse(inflateRawSync(Buffer.from(url.searchParams.get('d')!, 'base64url')).toString('utf8')) as { language?: string };
    assert.equal(spec.language, 'cy');
    const response = await fetch(`${bot.url}${url.pathname}${url.search}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
  });
});
