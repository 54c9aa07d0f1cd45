import { randomUUID } from 'node:crypto';

/** The most the playground keeps: it stands in for a person's OneDrive, in memory. */
const MAX_FILES = 20;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface DroppedFile {
  name: string;
  bytes: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export const contentTypeOf = (name: string): string => CONTENT_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/**
 * Where the bot uploads a file the person accepted in the playground, as it would upload to
 * their OneDrive in Teams; the page then offers the file for download.
 */
export class FileDrop {
  private readonly files = new Map<string, DroppedFile & { uploaded: boolean }>();

  /** A place for one file, named as the consent card named it. */
  reserve(name: string): string {
    const id = randomUUID();
    this.files.set(id, { name: name.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'file', bytes: Buffer.alloc(0), uploaded: false });
    while (this.files.size > MAX_FILES) this.files.delete(this.files.keys().next().value as string);
    return id;
  }

  upload(id: string, bytes: Buffer): boolean {
    const slot = this.files.get(id);
    if (!slot) return false;
    this.files.set(id, { ...slot, bytes, uploaded: true });
    return true;
  }

  get(id: string): DroppedFile | null {
    const file = this.files.get(id);
    return file?.uploaded ? { name: file.name, bytes: file.bytes } : null;
  }
}
