import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { LANGUAGES } from '../i18n/language';
import { THEMES } from '../model';
import type { ChartSpec } from './spec';

const theme = z.enum(THEMES);
const count = z.number().int().min(0).max(1_000_000);
const language = z.enum(LANGUAGES).optional();
const specSchema: z.ZodType<ChartSpec> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rag'), asAt: z.string().max(40), rows: z.array(z.object({ theme, red: count, amber: count, green: count, total: count })).max(THEMES.length), language }),
  z.object({
    kind: z.literal('trend'),
    pulses: z.array(z.object({ theme, trend: z.array(z.object({ quarter: z.string().max(10), average: z.number().min(0).max(10) })).max(200) })).max(THEMES.length),
    language,
  }),
  z.object({ kind: z.literal('bars'), title: z.string().max(300), bars: z.array(z.object({ x: z.string().max(40), y: count })).max(20), language }),
]);

/** A payload longer than this was not made here; refused before any work. */
const MAX_PAYLOAD = 6_000;
const SIGNATURE_CHARS = 22; // 128 bits

/**
 * Links to chart pictures that carry their own data, signed with the server key: any
 * instance can draw the picture a link names, nothing is stored, and nobody can make the
 * server draw a chart it did not link to. Whoever holds a link sees that chart, exactly as
 * whoever sees the card it sits in does.
 */
export class ChartLinks {
  private readonly key: KeyObject;

  /** `base` is where the server is reached from outside (PUBLIC_URL), or '' for links within its own pages. */
  constructor(secret: string, private readonly base: string) {
    this.key = createSecretKey(Buffer.from(`chart-links:${secret}`));
  }

  link(spec: ChartSpec): string {
    const payload = deflateRawSync(Buffer.from(JSON.stringify(spec))).toString('base64url');
    return `${this.base}/charts/${this.sign(payload)}.png?d=${payload}`;
  }

  /** The chart a link names (`file`: its last path segment, `payload`: its `d`), or null when it was not signed here or is malformed. */
  read(file: string, payload: string): ChartSpec | null {
    const signature = /^([A-Za-z0-9_-]{22})\.png$/.exec(file)?.[1];
    if (!signature || payload.length > MAX_PAYLOAD || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
    if (!timingSafeEqual(Buffer.from(signature), Buffer.from(this.sign(payload)))) return null;
    try {
      const json: unknown = JSON.parse(inflateRawSync(Buffer.from(payload, 'base64url'), { maxOutputLength: 64_000 }).toString('utf8'));
      const parsed = specSchema.safeParse(json);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, SIGNATURE_CHARS);
  }
}
