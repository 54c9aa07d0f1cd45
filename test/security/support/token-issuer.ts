import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface TokenOptions {
  audience?: string;
  issuer?: string;
  serviceUrl?: string;
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  /** Sign with another key (one the metadata does not publish) under the published kid. */
  forgedKey?: boolean;
  kid?: string;
}

/**
 * A local stand-in for the Bot Framework's token signing service: an OpenID configuration
 * and a JWKS with a test RSA key (made at start), and tokens signed with that key. It also
 * answers App Service managed-identity token requests, so the bot's outbound calls get a
 * token from loopback instead of login.microsoftonline.com.
 */
export class TokenIssuer {
  readonly kid = `test-key-${randomUUID()}`;
  /** Paths the bot fetched from this server, in order. */
  readonly fetched: string[] = [];
  url = '';
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly otherKey: KeyObject = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  private server: Server | null = null;

  /** The serviceUrl claim of tokens (the connector the activities say they come from). */
  serviceUrl = '';

  constructor(private readonly appId: string) {}

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  get managedIdentityEndpoint(): string {
    return `${this.url}/msi/token`;
  }

  async start(): Promise<this> {
    const jwk = this.key.publicKey.export({ format: 'jwk' });
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      this.fetched.push(path);
      const json = (value: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (path === '/v1/.well-known/openidconfiguration') {
        return json({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
      }
      if (path === '/v1/.well-known/keys') {
        return json({ keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'webchat'] }] });
      }
      if (path === '/msi/token') {
        return json({ access_token: 'outbound-token-from-loopback', expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: 'https://api.botframework.com', token_type: 'Bearer' });
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A Bearer token as the Bot Framework would send with an activity. */
  token(options: TokenOptions = {}): string {
    const claims = { serviceurl: options.serviceUrl ?? this.serviceUrl, nbf: Math.floor(Date.now() / 1000) - 60 };
    const signed = jwt.sign(claims, options.forgedKey ? this.otherKey : this.key.privateKey, {
      algorithm: 'RS256',
      keyid: options.kid ?? this.kid,
      issuer: options.issuer ?? BOT_FRAMEWORK_ISSUER,
      audience: options.audience ?? this.appId,
      expiresIn: options.expiresIn ?? 3600,
    });
    return `Bearer ${signed}`;
  }
}
