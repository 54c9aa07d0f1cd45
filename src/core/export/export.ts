import { randomUUID } from 'node:crypto';
import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import type { OutgoingFile, OutgoingMessage } from '../messages';
import type { Network } from '../model';
import type { Session } from '../session';
import { toCsv } from './export-formats';
import { EXPORT_TEXT } from './text';
import { submissionFile } from '../submission/build';

export const EXPORT_FORMATS = ['docx', 'csv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  md: 'text/markdown',
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The words `export` / `allforio` takes, in either language, for a format or the file's language. */
const FORMAT_WORDS: Record<string, ExportFormat> = { docx: 'docx', word: 'docx', csv: 'csv', taenlen: 'csv', md: 'md', markdown: 'md' };
const LANGUAGE_WORDS: Record<string, Language> = { english: 'en', saesneg: 'en', en: 'en', cymraeg: 'cy', welsh: 'cy', cy: 'cy' };

/** What `export docx cymraeg` asks for: a format (Word unless said) and a language (the person's unless said). */
export function exportRequest(args: string, language: Language): { format: ExportFormat; language: Language } {
  let format: ExportFormat | null = null;
  let chosen: Language | null = null;
  for (const word of args.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    const bare = word.replace(/^\./, '');
    if (FORMAT_WORDS[bare] && !format) format = FORMAT_WORDS[bare];
    else if (LANGUAGE_WORDS[bare] && !chosen) chosen = LANGUAGE_WORDS[bare];
    else throw new UserError((said) => `${EXPORT_TEXT(said).unknownWord(word.slice(0, 30))} ${EXPORT_TEXT(said).usage}`);
  }
  return { format: format ?? 'docx', language: chosen ?? language };
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'network';

/**
 * A network's export as file content, in the language asked for: the self-assessment
 * submission as Word or Markdown, or the action plan's RAG analysis as CSV.
 */
export async function exportBytes(deps: Pick<CoreDeps, 'store'>, network: Network, format: ExportFormat, today: string = new Date().toISOString().slice(0, 10), language: Language = DEFAULT_LANGUAGE): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv(await deps.store.listActions(network.id), language), 'utf8');
  return submissionFile(deps.store, network, format, today, undefined, language);
}

/** The file in `language`, named in it; its description (shown beside it in chat) in the reader's language. */
export async function exportFile(deps: CoreDeps, network: Network, format: ExportFormat, today: string, language: Language = DEFAULT_LANGUAGE, reader: Language = language): Promise<OutgoingFile> {
  const bytes = await exportBytes(deps, network, format, today, language);
  const named = EXPORT_TEXT(language);
  const described = EXPORT_TEXT(reader);
  const submission = format !== 'csv';
  return {
    name: `${submission ? named.submissionFileName : named.csvFileName}-${slug(network.name)}-${today}.${format}`,
    contentType: CONTENT_TYPES[format],
    base64: bytes.toString('base64'),
    description: submission ? described.submissionDescription(network.name) : described.csvDescription(network.name),
  };
}

/**
 * `export [docx|csv|md] [english|cymraeg]` for chairs and admins. In a direct chat the file
 * comes back as the reply; in a channel it goes to the person privately, since it names action
 * owners. The message is in the person's language, the file in the one they asked for.
 */
export async function exportCommand(deps: CoreDeps, session: Session, args: string): Promise<OutgoingMessage> {
  const { format, language } = exportRequest(args, session.language);
  const say = EXPORT_TEXT(session.language);
  const file = await exportFile(deps, session.network, format, new Date().toISOString().slice(0, 10), language, session.language);
  const fileLanguage = language === session.language ? '' : language === 'cy' ? say.inWelsh : say.inEnglish;
  const message: OutgoingMessage = {
    text: (format === 'csv' ? say.csvHere : say.submissionHere(format === 'md' ? say.markdown : say.wordDocument)) + fileLanguage,
    file,
  };
  if (session.inbound.conversation.kind === 'personal') return message;
  const { member } = session;
  if (!member.directAddress || member.unreachable) throw new UserError((said) => EXPORT_TEXT(said).privateOnly);
  await deps.outbox.enqueue(session.network.id, `export:${session.network.id}:${member.id}:${randomUUID()}`, [{ key: member.id, platform: member.platform, address: member.directAddress }], message);
  deps.outbox.kick();
  return { text: say.sentPrivately };
}
