import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { PlaygroundServer } from './support';
import { DEMO_NETWORK_ID } from '../../src/demo/seed';
import { directConversationId, personaByKey } from '../../src/demo/people';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = join(__dirname, '../../test-output');

async function feedbackTotal(card: Locator): Promise<number> {
  await card.getByText(/Feedback: \d+ items?/).waitFor();
  const text = (await card.getByText(/Feedback: \d+ items?/).first().textContent()) ?? '';
  return Number(/Feedback: (\d+)/.exec(text)![1]);
}

describe('Playground in a browser (headless Chromium)', function () {
  this.timeout(60_000);
  let server: PlaygroundServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.warn(`    Skipped: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install -y chromium) to run the browser test.`);
      this.skip();
    }
    server = await PlaygroundServer.start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const chat = () => page.locator('.transcript').filter({ visible: true });
  const lastCard = () => chat().locator('.card-host').last();

  async function send(text: string): Promise<void> {
    const cardsBefore = await chat().locator('.card-host').count();
    const box = page.getByRole('textbox', { name: 'Message', exact: true });
    await box.fill(text);
    await box.press('Enter');
    await page.waitForFunction(
      (before) => Array.from(document.querySelectorAll('.transcript .card-host')).filter((card) => card.checkVisibility()).length > before,
      cardsBefore,
    );
  }

  async function become(name: string): Promise<void> {
    await page.getByRole('radio', { name: new RegExp(name) }).click();
    await page.locator('#chat-subtitle', { hasText: `you are ${name}` }).waitFor();
  }

  it('a member sends feedback on a card; the chair’s summary counts it', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('body[data-ready="true"]').waitFor();

    await become('Chris Morgan');
    await send('summary');
    const before = await feedbackTotal(lastCard());
    assert.ok(before > 0, 'the demo network already has feedback');

    await become('Sam Patel');
    await send('feedback');
    const form = lastCard();
    await form.getByText('Share feedback').waitFor();
    await form.locator('select').selectOption({ label: 'Recognition' });
    await form.locator('textarea').fill('Please add technicians to the research group pages.');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await form.getByText(/Thanks: your feedback reached the network as FB-\d+/).waitFor();

    await become('Chris Morgan');
    await send('summary');
    assert.equal(await feedbackTotal(lastCard()), before + 1);

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'playground.png'), fullPage: true });

    const stored = await server.store.listFeedback(DEMO_NETWORK_ID, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    const mine = stored.find((f) => f.text === 'Please add technicians to the research group pages.');
    assert.equal(mine?.theme, 'Recognition');
    assert.equal(mine?.anonymous, true);
    assert.equal(mine?.authorMemberId, null, 'anonymous feedback keeps no author');
    assert.deepEqual(pageErrors, []);
  });

  /** Every chart picture in `scope`: visible, loaded, and as wide as a chart, with what it shows in words. */
  async function visibleCharts(scope: Locator): Promise<string[]> {
    const pictures = scope.getByRole('img', { name: /chart/i });
    await pictures.first().waitFor();
    await page.waitForFunction((images) => images.every((img) => (img as HTMLImageElement).complete), await pictures.elementHandles());
    const alts: string[] = [];
    for (const picture of await pictures.all()) {
      assert.equal(await picture.isVisible(), true);
      const { natural, shown } = await picture.evaluate((img: HTMLImageElement) => ({ natural: img.naturalWidth, shown: img.getBoundingClientRect().width }));
      assert.ok(natural >= 960, `the picture loaded (${natural} px)`);
      assert.ok(shown >= 250, `drawn at a readable size, not squeezed (${shown} px)`);
      alts.push((await picture.getAttribute('alt')) ?? '');
    }
    return alts;
  }

  it('the chair’s summary shows its charts as pictures: RAG by theme, the pulse trend and the answers', async () => {
    await page.goto(`${server.url}/?persona=chair`);
    await page.locator('body[data-ready="true"]').waitFor();
    await send('summary');
    const alts = await visibleCharts(lastCard());
    assert.ok(alts.some((a) => /RAG status by theme.*\d+ green, \d+ amber, \d+ red/.test(a)), `RAG by theme: ${alts.join(' | ')}`);
    assert.ok(alts.some((a) => /average pulse score out of 5 per quarter/.test(a)), 'the pulse trend');
    await lastCard().screenshot({ path: join(OUTPUT, 'playground-summary-charts.png') });
    assert.deepEqual(pageErrors, []);
  });

  it('an action owner updates their action from the card, in place', async () => {
    await page.goto(`${server.url}/?persona=owner`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('#chat-subtitle', { hasText: 'you are Olu Adeyemi' }).waitFor();
    await send('actions');
    const card = lastCard();
    await card.getByRole('button', { name: 'Update 1.6' }).click();
    await card.getByText('Save update').waitFor();
    await card.locator('select').selectOption({ label: '🟠 Amber' });
    await card.locator('textarea').fill('Two partner schools signed up for spring visits.');
    await card.getByRole('button', { name: 'Save update' }).click();
    await card.getByText(/Saved: 1\.6 is now 🟠 Amber/).waitFor();
    const action = await server.store.getAction(DEMO_NETWORK_ID, '1.6');
    assert.equal(action?.status, 'amber');
    assert.equal(action?.note, 'Two partner schools signed up for spring visits.');
    assert.deepEqual(pageErrors, []);
  });

  it('each persona sees only their own conversation', async () => {
    await page.goto(`${server.url}/?persona=chair`);
    await page.locator('body[data-ready="true"]').waitFor();
    await send('summary');
    const chairCard = page.locator('.card-host').filter({ hasText: /Feedback: \d+ items?/ }).last();
    assert.equal(await chairCard.isVisible(), true, 'the chair sees their summary');

    await become('Sam Patel');
    assert.equal(await chairCard.isVisible(), false, 'Sam does not see the chair’s summary');
    await send('help');
    const samReply = page.locator(`.transcript[data-conversation="${directConversationId(personaByKey('member')!)}"] .card-host`).last();
    assert.equal(await samReply.isVisible(), true, 'Sam’s reply lands in sight');

    await become('Chris Morgan');
    assert.equal(await chairCard.isVisible(), true);
    assert.equal(await samReply.isVisible(), false, 'the chair does not see Sam’s chat');
    assert.deepEqual(pageErrors, []);
  });

  it('a message in another persona’s chat shows a visible unread dot beside them', async () => {
    await page.goto(`${server.url}/?persona=chair`);
    await page.locator('body[data-ready="true"]').waitFor();
    await become('Sam Patel');
    const chris = page.getByRole('radio', { name: /Chris Morgan/ });
    assert.equal(await chris.locator('.unread').count(), 0);
    await server.say('chair', 'help');
    const dot = chris.locator('.unread');
    await dot.waitFor({ state: 'visible' });
    const box = await dot.boundingBox();
    assert.ok(box && box.width >= 6 && box.height >= 6, `the dot is drawn (${JSON.stringify(box)})`);
    await become('Chris Morgan');
    assert.equal(await chris.locator('.unread').count(), 0, 'reading the chat clears the dot');
  });

  it('answers “@Techvoice pulse” typed in the forum channel', async () => {
    await page.goto(`${server.url}/?persona=member`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByRole('tab', { name: /Technical Leaders' Forum/ }).click();
    await page.locator('#chat-title', { hasText: "# Technical Leaders' Forum" }).waitFor();
    await send('@Techvoice pulse');
    const reply = lastCard();
    assert.equal(await reply.isVisible(), true);
    assert.match((await reply.textContent()) ?? '', /Pulse questions/);
    assert.equal(await chat().getByText(/don’t know/).count(), 0);
  });

  it('offers an export as a file the chair can download', async () => {
    await page.goto(`${server.url}/?persona=chair`);
    await page.locator('body[data-ready="true"]').waitFor();
    const box = page.getByRole('textbox', { name: 'Message', exact: true });
    await box.fill('export');
    await box.press('Enter');
    const offer = chat().locator('.file-offer').last();
    const allow = offer.getByRole('button', { name: 'Allow' });
    await allow.waitFor({ state: 'visible' });
    assert.match((await offer.textContent()) ?? '', /self-assessment-.*\.docx/);
    await allow.click();
    const link = chat().getByRole('link', { name: /^Download self-assessment-.*\.docx$/ });
    await link.waitFor({ state: 'visible' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /^self-assessment-.*\.docx$/);
    const bytes = readFileSync((await download.path())!);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a Word document (a zip)');
    assert.equal(await chat().getByText(/^\[rag-analysis/).count(), 0, 'no bare file name in brackets');
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'export.png') });
    assert.deepEqual(pageErrors, []);
  });

  it('shows dates as day/month/year (en-GB) and sends the date the chair typed', async () => {
    await page.goto(`${server.url}/?persona=chair`);
    await page.locator('body[data-ready="true"]').waitFor();
    await send('pulse new');
    const form = lastCard();
    const date = form.getByLabel(/Closes on/i);
    await date.waitFor({ state: 'visible' });
    assert.match(await date.inputValue(), /^\d{2}\/\d{2}\/\d{4}$/, 'the default date reads DD/MM/YYYY');
    const next = new Date(Date.now() + 10 * 86_400_000);
    const typed = `${String(next.getUTCDate()).padStart(2, '0')}/${String(next.getUTCMonth() + 1).padStart(2, '0')}/${next.getUTCFullYear()}`;
    await date.fill(typed);
    assert.equal(await form.getByLabel(/Closes at/i).inputValue(), '17:00', 'a 24-hour clock');
    await form.getByLabel(/Question/i).first().fill('Do you know who your technician champion is?');
    await form.getByLabel(/Theme/i).selectOption({ label: 'Recognition' });
    await form.getByRole('button', { name: /Send pulse|Create/ }).first().click();
    await form.getByText(/was sent to/).waitFor();
    const questions = await server.store.listPulseQuestions(DEMO_NETWORK_ID);
    const mine = questions.find((q) => q.text === 'Do you know who your technician champion is?');
    assert.ok(mine);
    const rounds = await server.store.listRounds(DEMO_NETWORK_ID, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    const round = rounds.find((r) => r.questionNumber === mine.number)!;
    assert.equal(round.closesAt.slice(0, 10), next.toISOString().slice(0, 10), 'closes on the day typed, read as day/month/year');
    assert.deepEqual(pageErrors, []);
  });

  it('writes the RAG word beside every colour, so no colour depends on an emoji font', async () => {
    await page.goto(`${server.url}/?persona=chair`);
    await page.locator('body[data-ready="true"]').waitFor();
    await send('summary');
    const text = (await lastCard().textContent()) ?? '';
    for (const emoji of ['🔴', '🟠', '🟢']) {
      const bare = new RegExp(`${emoji}(?! ?\\d* ?(Red|Amber|Green|red|amber|green))`, 'u');
      assert.doesNotMatch(text, bare, `${emoji} always has its word`);
    }
  });

  it('speaks Welsh to a persona whose Teams is set to Cymraeg, and English again when it is set back', async () => {
    await page.goto(`${server.url}/?language=cy`);
    await page.locator('body[data-ready="true"]').waitFor();
    await become('Sam Patel');
    assert.equal(await page.getByRole('radio', { name: /Cymraeg/ }).getAttribute('aria-checked'), 'true', '?language=cy starts in Welsh');
    const suggestions = page.locator('#suggestions');
    await suggestions.getByRole('button', { name: 'adborth', exact: true }).waitFor();

    await send('cymorth');
    await lastCard().getByText(/^Shwmae! Rwy’n helpu eich rhwydwaith technegwyr i glywed gan bawb/).waitFor();
    const cardsBefore = await chat().locator('.card-host').count();
    await suggestions.getByRole('button', { name: 'adborth', exact: true }).click();
    await page.waitForFunction((before) => Array.from(document.querySelectorAll('.transcript .card-host')).filter((card) => card.checkVisibility()).length > before, cardsBefore);
    const form = lastCard();
    await form.getByText('Rhannu adborth', { exact: true }).waitFor();
    await form.locator('select').selectOption({ label: 'Cydnabyddiaeth' });
    await form.locator('textarea').fill('Diolch i’r technegwyr ar dudalennau’r grwpiau ymchwil, os gwelwch yn dda.');
    await form.getByRole('button', { name: 'Anfon adborth' }).click();
    await form.getByText(/Diolch: mae eich adborth wedi cyrraedd y rhwydwaith fel FB-\d+/).waitFor();

    await page.getByRole('radio', { name: /English/ }).click();
    await suggestions.getByRole('button', { name: 'feedback', exact: true }).waitFor();
    await send('help');
    await lastCard().getByText(/^Hello! I help your technician network hear from everyone/).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'playground-welsh.png') });
    await page.getByRole('radio', { name: /Cymraeg/ }).click();
    await suggestions.getByRole('button', { name: 'cymorth', exact: true }).waitFor();
    assert.deepEqual(pageErrors, []);
  });

  it('the card gallery draws every card with the real renderer', async () => {
    await page.goto(`${server.url}/cards`);
    await page.locator('body[data-rendered="true"]').waitFor();
    const entries = await page.locator('.gallery-entry').count();
    assert.ok(entries >= 12);
    assert.equal(await page.locator('.teams-card .ac-adaptiveCard').count(), entries, 'every Teams card is drawn');
    assert.equal(await page.locator('.slack-preview > div').count(), entries, 'every Block Kit preview is drawn');
    assert.equal(await page.locator('.teams-card.problem').count(), 0);
    const slackTexts = await page.locator('.slack-preview').allInnerTexts();
    assert.ok(slackTexts.some((t) => t.includes('⚠️')), 'Slack’s :warning: is drawn as the emoji');
    assert.equal(slackTexts.filter((t) => /:[a-z_]+:/.test(t)).length, 0, 'no raw emoji codes');
    const alts = await visibleCharts(page.locator('#card-summary .teams-card'));
    assert.equal(alts.length, 3, 'the answers, the pulse trend and RAG by theme, each a picture');
    await page.locator('#card-summary').screenshot({ path: join(OUTPUT, 'cards-summary.png') });
    await page.screenshot({ path: join(OUTPUT, 'cards.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  });
});
