import type { Next, Request, RequestHandler, Response } from 'restify';

/**
 * What every request must pass before any route reads its body. Teams and Slack send plain,
 * uncompressed JSON or form bodies; nothing else is ever inflated, parsed or written to disk.
 */

/** Teams activities and the playground's connector calls: far below this (a full card is under 100 KB). */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

const refuse = (res: Response, status: number, error: string): void => {
  // The unread body is not worth reading: the connection closes after the answer.
  res.setHeader('connection', 'close');
  res.send(status, { error });
};

/**
 * Refuses compressed bodies (415) and multipart uploads (415) on every route, before a body
 * is read. A compressed body could inflate far beyond the size limits, which count what
 * arrives; no route takes an upload.
 */
export function refuseEncodedAndMultipart(req: Request, res: Response, next: Next): void {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    refuse(res, 415, 'Compressed request bodies are not accepted: send the body uncompressed.');
    return next(false);
  }
  if (/^\s*multipart\//i.test(String(req.headers['content-type'] ?? ''))) {
    refuse(res, 415, 'Uploads (multipart bodies) are not accepted here.');
    return next(false);
  }
  next();
}

const isJsonContentType = (value: unknown): boolean => /^application\/json\s*(;|$)/i.test(String(value ?? '').trim());

/**
 * Reads a JSON body of at most `maxBytes` into `req.body`: 415 for anything but
 * `application/json`, 413 when larger, 400 when it is not JSON. Replaces restify's
 * bodyParser, which also took form posts (a web page can send one without asking) and
 * wrote multipart uploads to the temp folder.
 */
export function jsonBody(maxBytes = MAX_JSON_BODY_BYTES): RequestHandler {
  return (req: Request, res: Response, next: Next): void => {
    if (!isJsonContentType(req.headers['content-type'])) {
      refuse(res, 415, 'The body must be JSON (Content-Type: application/json).');
      return next(false);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      refuse(res, 413, `The body is larger than ${maxBytes} bytes.`);
      return next(false);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (status: number | null, error?: string): void => {
      if (finished) return;
      finished = true;
      req.removeListener('data', onData);
      if (status !== null) {
        refuse(res, status, error ?? '');
        return next(false);
      }
      const text = Buffer.concat(chunks, received).toString('utf8');
      try {
        req.body = text.trim() === '' ? undefined : JSON.parse(text);
      } catch {
        refuse(res, 400, 'The body is not valid JSON.');
        return next(false);
      }
      next();
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        req.pause();
        return finish(413, `The body is larger than ${maxBytes} bytes.`);
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(null));
    req.once('error', () => finish(400, 'The body could not be read.'));
  };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for a loopback name or address: `localhost`, `127.0.0.1`, `::1` (bracketed or not). */
export const isLoopback = (hostname: string): boolean => LOOPBACK_NAMES.has(hostname.toLowerCase());

const hostnameOf = (host: string): string => host.replace(/:\d+$/, '');

export interface OriginRules {
  /** True when the server listens on loopback only: then the Host must be a loopback name too (no DNS rebinding). */
  loopbackOnly: boolean;
  /** Origins always accepted besides the server's own, e.g. PUBLIC_URL's. */
  extraOrigins: string[];
}

/**
 * Refuses (403) a request a browser sent from another site: its Origin must be the page's
 * own. Teams, Slack and the bot's own connector calls send no Origin, so they pass. On a
 * loopback-only server the Host must also be a loopback name, which a DNS-rebinding page
 * cannot fake.
 */
export function sameOriginOnly(rules: OriginRules): RequestHandler {
  const extra = new Set(rules.extraOrigins.map((o) => o.toLowerCase()));
  return (req: Request, res: Response, next: Next): void => {
    const host = String(req.headers.host ?? '').toLowerCase();
    if (rules.loopbackOnly && !isLoopback(hostnameOf(host))) {
      refuse(res, 403, 'This local server answers only requests for localhost.');
      return next(false);
    }
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    const value = String(origin).toLowerCase();
    if (extra.has(value) || value === `http://${host}` || value === `https://${host}`) return next();
    refuse(res, 403, 'Requests from other web sites are not accepted.');
    return next(false);
  };
}
