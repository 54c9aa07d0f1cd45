import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { SlackHarness } from '../support/slack-harness';
import { slackSignature } from '../support/slack-signing';
import { people } from '../support/teams-world';
import { message } from '../support/teams-activities';

interface Answer {
  status: number;
  body: string;
}

/** A raw request, so the test decides every header (fetch would set Origin, Host or the length itself). */
function send(url: string, path: string, headers: Record<string, string>, body: Buffer | string, method = 'POST'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may answer and close before the whole body is written.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

const uploads = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('upload_'));

describe('hostile bodies and clients: refused before authentication, nothing inflated or written to disk', () => {
  let h: SlackHarness;
  let url: string;
  const activity = () => JSON.stringify(message(h.bot.connector.url, people.member, 'help'));
  const json = { 'content-type': 'application/json' };

  before(async () => {
    h = await SlackHarness.start();
    url = h.bot.url;
  });
  after(() => h.close());

  it('answers a compressed Teams activity with 415 and acts on nothing, whatever the encoding', async () => {
    const sent = h.bot.connector.sent.length;
    for (const [encoding, body] of [
      ['gzip', gzipSync(activity())],
      ['deflate', deflateSync(activity())],
      ['br', brotliCompressSync(activity())],
      ['GZip', gzipSync(activity())],
      ['identity, gzip', gzipSync(activity())],
    ] as const) {
      const answer = await send(url, '/api/messages', { ...json, 'content-encoding': encoding }, body);
      assert.equal(answer.status, 415, encoding);
      assert.match(answer.body, /uncompressed/);
    }
    assert.equal(h.bot.connector.sent.length, sent, 'nothing was said');
    assert.deepEqual(await h.store.listNetworks(), []);
  });

  it('refuses a gzip bomb (200 KB that inflates to 200 MB) at once, without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    assert.ok(bomb.length < 300 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => send(url, '/api/messages', { ...json, 'content-encoding': 'gzip', 'content-length': String(bomb.length) }, bomb)),
    );
    const ms = performance.now() - started;
    assert.deepEqual(answers.map((a) => a.status), Array(8).fill(415));
    assert.ok(ms < 2_000, `answered in ${ms.toFixed(0)} ms`);
    // Inflated, eight bombs would be 1.6 GB; the server shares this process.
    assert.ok(process.memoryUsage().rss - rssBefore < 100 * 1024 * 1024, 'memory did not grow by the inflated size');
  });

  it('answers a compressed signed Slack request with 415', async () => {
    const body = h.commandBody({ id: 'U0MEMBER', name: 'Mo Member' } as never, 'help');
    const answer = await send(url, '/slack/events', { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip', ...slackSignature(body) }, gzipSync(body));
    assert.equal(answer.status, 415);
  });

  it('refuses a multipart upload with 415 on every route, and no upload file reaches the temp folder', async () => {
    const before = uploads();
    const boundary = '----techvoice-test';
    const file = Buffer.alloc(5 * 1024 * 1024, 0x41);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    for (const path of ['/api/messages', '/slack/events', '/playground/connector/v3/conversations', '/nowhere']) {
      const answer = await send(url, path, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) }, body);
      assert.equal(answer.status, 415, path);
    }
    assert.deepEqual(uploads(), before);
  });

  it('accepts only JSON activities: a form post (a "simple" request a web page can send) gets 415', async () => {
    const sent = h.bot.connector.sent.length;
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream', '']) {
      const answer = await send(url, '/api/messages', type ? { 'content-type': type } : {}, `activity=${encodeURIComponent(activity())}`);
      assert.equal(answer.status, 415, type || 'no content type');
    }
    assert.equal(h.bot.connector.sent.length, sent);
    assert.equal((await send(url, '/api/messages', { 'content-type': 'application/json; charset=utf-8' }, activity())).status, 200);
  });

  it('answers a body over 256 KB with 413 and invalid JSON with 400', async () => {
    assert.equal((await send(url, '/api/messages', json, `{"type":"message","text":"${'x'.repeat(300 * 1024)}"}`)).status, 413);
    // Without a Content-Length (chunked), counted as it arrives.
    assert.equal((await send(url, '/api/messages', { ...json, 'transfer-encoding': 'chunked' }, `{"text":"${'x'.repeat(300 * 1024)}"}`)).status, 413);
    assert.equal((await send(url, '/api/messages', json, '{"type":')).status, 400);
  });

  it('refuses requests a browser sends from another web site (403), and takes the playground page’s own', async () => {
    const sent = h.bot.connector.sent.length;
    const evil = await send(url, '/api/messages', { ...json, origin: 'https://evil.example' }, activity());
    assert.equal(evil.status, 403);
    assert.equal((await send(url, '/playground/setup', { origin: 'https://evil.example' }, '', 'GET')).status, 403);
    assert.equal((await send(url, '/api/messages', { ...json, origin: 'null' }, activity())).status, 403);
    assert.equal(h.bot.connector.sent.length, sent, 'nothing was said');
    const own = new URL(url);
    assert.equal((await send(url, '/api/messages', { ...json, origin: own.origin }, activity())).status, 200);
    assert.equal((await send(url, '/playground/setup', { origin: `http://localhost:${own.port}`, host: `localhost:${own.port}` }, '', 'GET')).status, 200);
  });

  it('refuses a page that rebinds its own name to 127.0.0.1 (a Host that is not loopback): 403', async () => {
    const port = new URL(url).port;
    const rebound = await send(url, '/api/messages', { ...json, host: `evil.example:${port}`, origin: `http://evil.example:${port}` }, activity());
    assert.equal(rebound.status, 403);
    assert.equal((await send(url, '/healthz', { host: `evil.example:${port}` }, '', 'GET')).status, 403);
  });

  it('listens on loopback only in local mode', () => {
    const address = h.bot.app.server.address() as { address: string };
    assert.equal(address.address, '127.0.0.1');
  });
});
