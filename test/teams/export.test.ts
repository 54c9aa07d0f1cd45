import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { startWorldWithPlan, people } from '../support/teams-world';
import type { BotHarness } from '../support/bot-harness';
import { channel, conversationIdOf, invoke, message, personal } from '../support/teams-activities';

const CHAIR_CHAT = conversationIdOf(people.chair, personal);
const FORUM = channel();

interface Consent {
  contentType: string;
  name: string;
  content: { description: string; sizeInBytes: number; acceptContext: { fileId: string } };
}

describe('Teams: export as a file', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await startWorldWithPlan();
  });
  afterEach(async () => {
    await bot.close();
  });

  const consentsIn = (conversationId: string): Consent[] =>
    bot.connector.sent
      .filter((s) => s.conversationId === conversationId)
      .flatMap((s) => (s.activity.attachments as Consent[] | undefined) ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');

  async function answerConsent(consent: Consent, action: 'accept' | 'decline') {
    const activity = {
      ...invoke(bot.connector.url, people.chair, '', {}, personal),
      name: 'fileConsent/invoke',
      value: {
        type: 'fileUpload',
        action,
        context: consent.content.acceptContext,
        uploadInfo: { name: consent.name, uploadUrl: `${bot.connector.url}/upload/${consent.name}`, contentUrl: `https://contoso-my.sharepoint.com/${consent.name}`, uniqueId: 'u-1', fileType: 'docx' },
      },
    };
    return bot.post(activity);
  }

  it('offers the Word export with a consent card, uploads it on accept and shows the file', async () => {
    const reply = await bot.post(message(bot.connector.url, people.chair, 'export'));
    assert.equal(reply.status, 200);
    const [consent] = consentsIn(CHAIR_CHAT);
    assert.match(consent.name, /^self-assessment-.*\.docx$/);
    assert.ok(consent.content.sizeInBytes > 1000);
    assert.match(consent.content.description, /self-assessment submission of Technician network, with the RAG analysis/);
    assert.match(bot.connector.textsIn(CHAIR_CHAT).at(-1)!, /self-assessment submission as a Word document, in the order the guidance asks/);

    const answered = await answerConsent(consent, 'accept');
    assert.equal(answered.status, 200);
    assert.equal(bot.connector.uploads.length, 1);
    const upload = bot.connector.uploads[0];
    assert.equal(upload.body.length, consent.content.sizeInBytes);
    assert.equal(upload.contentRange, `bytes 0-${upload.body.length - 1}/${upload.body.length}`);
    const xml = await (await JSZip.loadAsync(upload.body)).file('word/document.xml')!.async('string');
    assert.match(xml, /RAG analysis of the previous action plan/);
    assert.match(xml, /Regional outreach programme cancelled/);
    const info = bot.connector.sent.at(-1)!.activity.attachments as { contentType: string; contentUrl: string }[];
    assert.equal(info[0].contentType, 'application/vnd.microsoft.teams.card.file.info');
    assert.match(info[0].contentUrl, /sharepoint\.com\/self-assessment-/);

    await answerConsent(consent, 'accept');
    assert.equal(bot.connector.uploads.length, 1, 'a second accept of the same offer uploads nothing');
    assert.match(bot.connector.textsIn(CHAIR_CHAT).at(-1)!, /no longer waiting for you.*export/);
  });

  it('uploads nothing when the chair declines', async () => {
    await bot.post(message(bot.connector.url, people.chair, 'export csv'));
    const [consent] = consentsIn(CHAIR_CHAT);
    assert.match(consent.name, /\.csv$/);
    await answerConsent(consent, 'decline');
    assert.equal(bot.connector.uploads.length, 0);
    assert.match(bot.connector.textsIn(CHAIR_CHAT).at(-1)!, /the file was not saved/);
  });

  it('in a channel, sends the file privately and says so in the channel', async () => {
    const reply = await bot.say(people.chair, 'export md', FORUM);
    assert.match(reply.texts[0], /sent the export to you in a private chat/);
    assert.equal(consentsIn(FORUM.channelId!).length, 0, 'no file in the channel');
    await bot.connector.waitFor(() => consentsIn(CHAIR_CHAT).length === 1);
    assert.match(consentsIn(CHAIR_CHAT)[0].name, /\.md$/);
  });

  it('refuses members and unknown formats, sending no file', async () => {
    assert.match((await bot.say(people.member, 'export')).texts[0], /Only forum chairs and admins/);
    assert.match((await bot.say(people.chair, 'export pdf')).texts[0], /Choose \*\*export docx\*\* \(Word\), \*\*export csv\*\*/);
    assert.equal(consentsIn(CHAIR_CHAT).length + consentsIn(conversationIdOf(people.member, personal)).length, 0);
  });
});
