import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
// botbuilder's own dependency (same pinned version): CloudAdapter answers 401 only for its AuthenticationError.
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/** How long the anonymous result of local mode is reused. */
const ANONYMOUS_REUSE_MS = 60_000;

/** Errors jsonwebtoken throws for a token that is not good (bad signature, malformed, not yet valid, expired). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder treats any one endpoint setting as "all settings are given": with only
 * BotOpenIdMetadata set, the token issuer would be undefined and every token refused. So an
 * OpenID metadata URL comes with the public cloud's other values.
 */
function withPublicCloudDefaults(options: ConfigurationBotFrameworkAuthenticationOptions): ConfigurationBotFrameworkAuthenticationOptions {
  const metadata = options[AuthenticationConstants.BotOpenIdMetadataKey as 'BotOpenIdMetadata'];
  if (!metadata) return options;
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
    ...options,
    ToBotFromChannelOpenIdMetadataUrl: metadata,
  };
}

/**
 * Bot Framework authentication that reports every bad token as an AuthenticationError.
 * Stock botbuilder lets jsonwebtoken's "invalid signature" escape as a plain error, which
 * CloudAdapter answers with 500: a forged token must get 401, like any other bad token.
 */
export class TokenAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(options: ConfigurationBotFrameworkAuthenticationOptions) {
    super(withPublicCloudDefaults(options));
  }

  /** Results of tokens already validated, until they expire (see authenticateRequest). */
  private readonly validated = new Map<string, { result: AuthenticateRequestResult; until: number }>();

  /**
   * The Bot Framework sends the same token with every activity until it expires (about an
   * hour), and checking its RSA signature is the costliest step of a card submit. A token
   * that passed every check for the same channel and serviceUrl passes them again until its
   * `exp`, so that result is reused; anything else is checked in full.
   */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const key = `${activity.channelId}\u0000${activity.serviceUrl}\u0000${authHeader}`;
    const hit = this.validated.get(key);
    if (hit && hit.until > Date.now()) return hit.result;
    const result = await this.authenticateInFull(activity, authHeader);
    // Without a token, only a bot with authentication off (local mode) gets a result, and
    // always the same anonymous one.
    const expires = authHeader ? Number(result.claimsIdentity.getClaimValue('exp')) * 1000 : Date.now() + ANONYMOUS_REUSE_MS;
    if (Number.isFinite(expires) && expires > Date.now()) {
      if (this.validated.size >= 1_000) this.validated.clear();
      this.validated.set(key, { result, until: expires });
    }
    return result;
  }

  private async authenticateInFull(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
        throw new AuthenticationError(`Unauthorized: ${error.message}`, 401);
      }
      throw error;
    }
  }
}
