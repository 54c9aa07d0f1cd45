import { randomUUID } from 'node:crypto';
import type { CoreDeps } from '../deps';
import { UserError } from '../errors';
import type { OutgoingFile, OutgoingMessage } from '../messages';
import type { Network } from '../model';
import type { Session } from '../session';
import { toCsv } from './export-formats';
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

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'network';

/**
 * A network's export as file content: the self-assessment submission as Word or Markdown,
 * or the action plan's RAG analysis as CSV.
 */
export async function exportBytes(deps: Pick<CoreDeps, 'store'>, network: Network, format: ExportFormat, today: string = new Date().toISOString().slice(0, 10)): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv(await deps.store.listActions(network.id)), 'utf8');
  return submissionFile(deps.store, network, format, today);
}

export async function exportFile(deps: CoreDeps, network: Network, format: ExportFormat, today: string): Promise<OutgoingFile> {
  const bytes = await exportBytes(deps, network, format, today);
  const submission = format !== 'csv';
  return {
    name: `${submission ? 'self-assessment' : 'rag-analysis'}-${slug(network.name)}-${today}.${format}`,
    contentType: CONTENT_TYPES[format],
    base64: bytes.toString('base64'),
    description: submission
      ? `The Technician Commitment self-assessment submission of ${network.name}, with the RAG analysis of its action plan`
      : `RAG analysis of ${network.name}'s action plan for the Technician Commitment self-assessment`,
  };
}

/**
 * `export [docx|csv|md]` for chairs and admins. In a direct chat the file comes back as the
 * reply; in a channel it goes to the person privately, since it names action owners.
 */
export async function exportCommand(deps: CoreDeps, session: Session, args: string): Promise<OutgoingMessage> {
  const format = (args.trim().toLowerCase() || 'docx').replace(/^\./, '').replace(/^markdown$/, 'md').replace(/^word$/, 'docx');
  if (!isExportFormat(format)) {
    throw new UserError('Choose **export docx** (Word), **export csv** (spreadsheet) or **export md** (Markdown).');
  }
  const file = await exportFile(deps, session.network, format, new Date().toISOString().slice(0, 10));
  const message: OutgoingMessage = {
    text: format === 'csv' ? 'Here is the RAG analysis of the action plan as CSV.' : `Here is the self-assessment submission as ${format === 'md' ? 'Markdown' : 'a Word document'}, in the order the guidance asks, ready for the institutional lead to check and sign.`,
    file,
  };
  if (session.inbound.conversation.kind === 'personal') return message;
  const { member } = session;
  if (!member.directAddress || member.unreachable) {
    throw new UserError('I can only send the export to you privately. Open a chat with me (say **hello**), then try **export** again.');
  }
  await deps.outbox.enqueue(session.network.id, `export:${session.network.id}:${member.id}:${randomUUID()}`, [{ key: member.id, platform: member.platform, address: member.directAddress }], message);
  deps.outbox.kick();
  return { text: 'I have sent the export to you in a private chat: it names action owners, so it stays out of the channel.' };
}
