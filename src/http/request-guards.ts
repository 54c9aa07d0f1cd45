import restify, { type Next, type Request, type RequestHandler, type Response } from 'restify';

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
 * A JSON body of at most `maxBytes` in `req.body`: 415 for anything but `application/json`,
 * then restify's own body parser (413 when larger, also without a Content-Length; 400 when it
 * is not JSON). Checking the type first means the parser never takes a form post (which a
 * web page can send without asking) nor an upload (refused earlier still, and never written
 * to disk).
 */
export function jsonBody(maxBytes = MAX_JSON_BODY_BYTES): RequestHandler[] {
  const jsonOnly: RequestHandler = (req: Request, res: Response, next: Next): void => {
    if (!isJsonContentType(req.headers['content-type'])) {
      refuse(res, 415, 'The body must be JSON (Content-Type: application/json).');
      return next(false);
    }
    next();
  };
  return [jsonOnly, ...restify.plugins.bodyParser({ maxBodySize: maxBytes, mapParams: false })];
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
