import { Agent } from 'undici';

/** What Slack answered, in the shape @slack/web-api's errors have, so one classifier reads both. */
export class SlackCallError extends Error {
  constructor(
    readonly code: 'slack_webapi_platform_error' | 'slack_webapi_rate_limited_error' | 'slack_webapi_http_error' | 'slack_webapi_request_error',
    message: string,
    readonly data: { error?: string } = {},
    readonly statusCode?: number,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

/**
 * The two Slack calls on the path of every button press: `chat.update` (JSON body, bearer
 * token: https://api.slack.com/web#posting_json) and a post to the interaction's
 * response_url. @slack/web-api's WebClient queues, retries and builds debug strings for every
 * call, which costs about ten times what the rest of a click does; this client makes the same
 * HTTP request over kept-alive connections and nothing else. Like the WebClient as the app
 * configures it, it does not retry, and it refuses at once when rate limited.
 */
export class SlackJsonClient {
  private readonly dispatcher = new Agent({ connections: 64 });

  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  /** Calls a Web API method (arguments as an object or as JSON text); resolves when Slack says `ok`, throws its error otherwise. */
  async call(method: string, args: Record<string, unknown> | string): Promise<void> {
    const text = await this.post(new URL(method, this.apiUrl), args, { authorization: `Bearer ${this.token}` });
    // Slack's answers open with "ok"; a successful chat.update carries the whole message after it, which nobody reads.
    if (SAYS_OK.test(text)) return;
    const error = errorOf(text);
    if (error === null) return;
    throw new SlackCallError('slack_webapi_platform_error', `An API error occurred: ${error}`, { error });
  }

  /** Posts a message to an interaction's response_url (no token: the URL is the credential). */
  async respond(responseUrl: string, message: Record<string, unknown>): Promise<void> {
    await this.post(new URL(responseUrl), message, {});
  }

  /** Resolves with the body of a 2xx answer. */
  private post(url: URL, body: Record<string, unknown> | string, headers: Record<string, string>): Promise<string> {
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let status = 0;
      let retryAfter: number | undefined;
      // dispatch() rather than request(): the answer is a few kilobytes read whole, so it needs no body stream.
      this.dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
          body: payload,
          headersTimeout: TIMEOUT_MS,
          bodyTimeout: TIMEOUT_MS,
        },
        {
          onRequestStart() {
            // nothing to do before the request goes out
          },
          onResponseStart(_controller, statusCode, responseHeaders) {
            status = statusCode;
            const after = Number(responseHeaders['retry-after']);
            retryAfter = Number.isFinite(after) ? after : undefined;
          },
          onResponseData(_controller, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            if (status === 429) reject(new SlackCallError('slack_webapi_rate_limited_error', 'A rate limit was exceeded', {}, status, retryAfter));
            else if (status < 200 || status >= 300) reject(new SlackCallError('slack_webapi_http_error', `An HTTP protocol error occurred: statusCode = ${status}`, {}, status));
            else resolve(Buffer.concat(chunks).toString('utf8'));
          },
          onResponseError(_controller, error) {
            reject(new SlackCallError('slack_webapi_request_error', `A request error occurred: ${error.message}`));
          },
        },
      );
    });
  }
}

const SAYS_OK = /^\{\s*"ok"\s*:\s*true[\s,}]/;

/** Slack's error code, or null when the answer says ok after all. */
function errorOf(text: string): string | null {
  try {
    const answer = JSON.parse(text) as { ok?: unknown; error?: unknown } | null;
    if (answer?.ok === true) return null;
    return typeof answer?.error === 'string' ? answer.error : 'unknown_error';
  } catch {
    return 'invalid_response';
  }
}
