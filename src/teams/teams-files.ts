import { randomUUID } from 'node:crypto';
import { MessageFactory, type Activity, type Attachment, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { OutgoingFile } from '../core/messages';

/**
 * Files in Teams go through the file consent flow: the bot offers a FileConsentCard, the
 * person accepts, Teams answers with an upload URL in their OneDrive, the bot PUTs the
 * bytes there and shows a FileInfoCard.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4
 *
 * Offered files wait here for the answer, in memory, for an hour: an answer that reaches
 * another instance (or comes after a restart) is asked to request the file again.
 */
const WAIT_MS = 60 * 60_000;
const pending = new Map<string, { file: OutgoingFile; until: number }>();

function remember(file: OutgoingFile): string {
  const now = Date.now();
  for (const [id, entry] of pending) if (entry.until < now) pending.delete(id);
  const id = randomUUID();
  pending.set(id, { file, until: now + WAIT_MS });
  return id;
}

/** A message offering a file: the text, then the consent card. */
export function fileOfferActivity(file: OutgoingFile, text: string | undefined): Partial<Activity> {
  const bytes = Buffer.from(file.base64, 'base64');
  const fileId = remember(file);
  const consent: Attachment = {
    contentType: 'application/vnd.microsoft.teams.card.file.consent',
    name: file.name,
    content: { description: file.description, sizeInBytes: bytes.length, acceptContext: { fileId }, declineContext: { fileId } },
  };
  const activity = MessageFactory.attachment(consent);
  if (text) activity.text = text;
  return activity;
}

interface FileConsentValue {
  action?: 'accept' | 'decline';
  context?: { fileId?: string };
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

export const isFileConsent = (activity: Partial<Activity>): boolean => activity.type === 'invoke' && activity.name === 'fileConsent/invoke';

/** Answers a FileConsentCard: uploads the file on accept, says so on decline. */
export async function answerFileConsent(context: TurnContext): Promise<InvokeResponse> {
  const value = (context.activity.value ?? {}) as FileConsentValue;
  const fileId = value.context?.fileId ?? '';
  const entry = pending.get(fileId);
  if (value.action === 'decline') {
    pending.delete(fileId);
    await context.sendActivity('No problem: the file was not saved. Type **export** whenever you want it.');
    return { status: 200 };
  }
  const upload = value.uploadInfo;
  if (!entry || !upload?.uploadUrl) {
    await context.sendActivity('That file is no longer waiting for you. Type **export** again for a fresh one.');
    return { status: 200 };
  }
  const bytes = Buffer.from(entry.file.base64, 'base64');
  const response = await fetch(upload.uploadUrl, {
    method: 'PUT',
    headers: { 'Content-Length': String(bytes.length), 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
    body: bytes,
  });
  if (!response.ok) {
    await context.sendActivity(`I could not save ${entry.file.name} to your OneDrive (it answered ${response.status}). Please try **export** again.`);
    return { status: 200 };
  }
  pending.delete(fileId);
  const info: Attachment = {
    contentType: 'application/vnd.microsoft.teams.card.file.info',
    contentUrl: upload.contentUrl,
    name: upload.name ?? entry.file.name,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
  };
  await context.sendActivity(MessageFactory.attachment(info, `Saved ${upload.name ?? entry.file.name} to your OneDrive.`));
  return { status: 200 };
}
