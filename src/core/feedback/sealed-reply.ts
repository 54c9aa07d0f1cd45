import { isPlatform } from '../platforms';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Platform } from '../model';
import { isLanguage, type Language } from '../i18n/language';

/** Where a "you said, we did" reply goes: the author's direct-message address on a platform, and the language they wrote in. */
export interface ReplyAddress {
  platform: Platform;
  address: string;
  /** Absent from handles sealed before Techvoice spoke Welsh: the network's language then. */
  language?: Language;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key used only for sealing reply handles, derived from the server secret. */
function sealingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('techvoice'), Buffer.from('sealed-reply-handle'), 32));
}

/** Binds a handle to its feedback item, so a handle copied onto another item does not open. */
const boundTo = (networkId: string, feedbackNumber: number): Buffer => Buffer.from(`${networkId}\u0000${feedbackNumber}`, 'utf8');

/**
 * Encrypts the author's address (AES-256-GCM) for one feedback item. The result is stored
 * apart from the feedback row; nobody reading the store without the server key can tell
 * who wrote the item.
 */
export function sealReplyAddress(secret: string, networkId: string, feedbackNumber: number, to: ReplyAddress): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret), iv);
  cipher.setAAD(boundTo(networkId, feedbackNumber));
  const body = Buffer.concat([cipher.update(JSON.stringify(to), 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Opens a sealed handle; null when it is damaged, for another item, or sealed with another key. */
export function openReplyAddress(secret: string, networkId: string, feedbackNumber: number, sealed: string): ReplyAddress | null {
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret), raw.subarray(0, IV_BYTES));
    decipher.setAAD(boundTo(networkId, feedbackNumber));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    const parsed = JSON.parse(text) as Partial<ReplyAddress>;
    if (!isPlatform(parsed.platform) || typeof parsed.address !== 'string') return null;
    return { platform: parsed.platform, address: parsed.address, ...(isLanguage(parsed.language) ? { language: parsed.language } : {}) };
  } catch {
    return null;
  }
}
