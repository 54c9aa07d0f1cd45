import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlackHarness, blocksText, forum, type View } from '../support/slack-harness';
import { openModal, slackMember, slackNetworkId, slackPeople } from '../support/slack-world';
import { importActionPlan } from '../../src/core/actions/action-plan-csv';
import { phrasesOfLanguageIn } from '../support/catalogue-phrases';
import type { SlackUser } from '../support/fake-slack';
import { homeText } from '../../src/core/chat/home-text';
import { ragName, themeName } from '../../src/core/i18n/words';

/** The Home tab's own words (its lists are the pulse and action cards, whose templates are those features'). */
const homeWords = (language: 'en' | 'cy'): string[] => [
  ...Object.values(homeText.languages[language]).filter((v): v is string => typeof v === 'string'),
  ...(['red', 'amber', 'green'] as const).map((s) => ragName(s, language)),
  ...(['Visibility', 'Recognition', 'Career Development', 'Sustainability'] as const).map((t) => themeName(t, language)),
];

const PLAN = readFileSync(join(__dirname, '../fixtures/action-plan.csv'), 'utf8');
/** The chair's and the owner's Slack is in Welsh; nobody typed `iaith`. */
const WELSH_LOCALE = 'cy-GB';

describe('Slack: summary, charts and the Home tab for people whose Slack is in Welsh', () => {
  let h: SlackHarness;
  let planWords: string[];
  beforeEach(async () => {
    h = await SlackHarness.start({ TECHVOICE_ADMINS: slackPeople.admin.id, PUBLIC_URL: 'https://techvoice.example.ac.uk' });
    for (const person of Object.values(slackPeople)) {
      const welsh = person === slackPeople.chair || person === slackPeople.owner;
      h.slack.addUser(welsh ? { ...person, locale: WELSH_LOCALE } : person);
      await h.after(() => h.command(person, 'help'));
    }
    const chair = await slackMember(h, slackPeople.chair);
    const roles = await openModal(h, slackPeople.admin, 'roles');
    const { response } = await h.submit(slackPeople.admin, roles, { member: chair.id, roles: ['chair'] });
    assert.equal(response.response_action, 'update');
    assert.ok((await importActionPlan(h.store, await slackNetworkId(h), PLAN, new Date().toISOString())).ok);
    await h.after(() => h.command(slackPeople.admin, 'forum TLF Bangor', forum()));
    planWords = (await h.store.listActions(await slackNetworkId(h))).flatMap((a) => [a.title, a.shortTitle, a.owner]).filter(Boolean);
  });
  afterEach(async () => {
    await h.close();
  });

  /** Names, e-mails and the plan's own text are the network's, in no one language. */
  function withoutData(text: string): string {
    const data = [...planWords, ...Object.values(slackPeople).flatMap((p) => [p.name, p.email])].sort((a, b) => b.length - a.length);
    return data.reduce((rest, item) => rest.split(item).join('·'), text);
  }

  async function openHome(who: SlackUser): Promise<View> {
    const before = h.slack.callsOf('views.publish').length;
    await h.event({ type: 'app_home_opened', user: who.id, channel: `D${who.id}`, tab: 'home' });
    return (await h.slack.next('views.publish', before + 1)).args.view as View;
  }

  it('posts a Welsh forum’s summary in Welsh, with its charts uploaded under Welsh titles and alt text', async () => {
    await h.after(() => h.command(slackPeople.chair, 'iaith fforwm cymraeg', forum()));
    const uploads = h.slack.callsOf('files.getUploadURLExternal').length;
    const summary = await h.after(() => h.command(slackPeople.chair, 'crynodeb 30', forum()));
    const text = blocksText(summary.blocks);
    assert.match(text, /Crynodeb ar gyfer TLF Bangor/);
    assert.match(text, /Cynllun gweithredu \(coch \/ ambr \/ gwyrdd\)/);
    assert.match(text, /Angen sylw/);
    await h.slack.waitFor(() => h.slack.callsOf('files.getUploadURLExternal').length > uploads);
    const [rag] = h.slack.callsOf('files.getUploadURLExternal').slice(uploads);
    assert.match(String(rag.args.filename), /^rag-fesul-thema-\d{4}-\d{2}-\d{2}\.png$/, 'a file name in Welsh too');
    assert.match(String(rag.args.alt_text), /^Siart bar o statws RAG y cynllun gweithredu fesul thema, ar \d+ \S+ \d{4}\. Gwelededd: 3 gwyrdd, 2 ambr, 1 coch o 6/);
    const shown = [text, ...h.slack.callsOf('files.getUploadURLExternal').slice(uploads).map((c) => String(c.args.alt_text))].join('\n');
    assert.deepEqual(phrasesOfLanguageIn(withoutData(shown), 'en'), []);
  });

  it('shows a Welsh owner their actions on the Home tab in Welsh, and an English one in English', async () => {
    const welsh = blocksText((await openHome(slackPeople.owner)).blocks);
    assert.match(welsh, /Does dim cwestiynau pwls ar agor ar hyn o bryd\./);
    assert.match(welsh, /Eich camau gweithredu[\s\S]*🔴 Coch/);
    assert.match(welsh, /Gwelededd · erbyn \d+ \S+ \d{4}/);
    assert.deepEqual(homeWords('en').filter((w) => withoutData(welsh).includes(w)), []);

    const english = blocksText((await openHome(slackPeople.otherOwner)).blocks);
    assert.match(english, /Your actions[\s\S]*(Red|Amber|Green)/);
    assert.deepEqual(homeWords('cy').filter((w) => withoutData(english).includes(w)), []);
  });

  it('gives the Welsh chair the summary on their Home tab in Welsh', async () => {
    const home = blocksText((await openHome(slackPeople.chair)).blocks);
    assert.match(home, /Crynodeb ar gyfer/);
    assert.doesNotMatch(home, /Summary for/);
  });
});
