import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
// botbuilder's own dependency (same pinned version): CloudAdapter answers 401 only for its AuthenticationError.
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

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

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
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
