// The OpenID Connect relying party (openid-client): discovery at boot, the authorization code flow with PKCE, state and
// nonce, and the person's claims from the ID token and the UserInfo endpoint. Knows nothing of HTTP routes or sessions.
import * as client from 'openid-client';
import { ConfigError, type OidcConfig } from '../config.js';

/** What the browser's round trip must bring back; kept by the caller (in the session) until the callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The person as the provider describes them: the ID token's claims with UserInfo's added. */
export type OidcClaims = Record<string, unknown> & { sub: string };

/**
 * A callback that cannot sign anyone in: `answer` when what came back does not hold (wrong or missing state, a
 * refusal or error from the provider, a bad token); `unreachable` when the provider did not answer the code exchange.
 */
export class OidcCallbackError extends Error {
  constructor(
    readonly kind: 'answer' | 'unreachable',
    /** A code for the log (an OAuth error or the library's check), never personal data. */
    readonly reason: string,
    options?: { cause: unknown },
  ) {
    super(`OIDC callback refused: ${kind} (${reason})`, options);
    this.name = 'OidcCallbackError';
  }
}

export interface OidcClient {
  /** A new flow and the provider's address to send the browser to. */
  begin(): Promise<{ url: string; flow: OidcFlow }>;
  /**
   * Checks the answer the browser brought to `callbackUrl` against `flow` (state, then the ID token's signature,
   * issuer, audience and nonce), exchanges the code with PKCE and returns the claims. Throws `OidcCallbackError`.
   */
  finish(callbackUrl: URL, flow: OidcFlow): Promise<OidcClaims>;
  /**
   * Where to send the browser to end the person's session at the provider too (RP-Initiated Logout), coming back to
   * /login; null when the provider has no end_session_endpoint.
   */
  endSessionUrl(): string | null;
}

/** Discovers the provider; a provider that cannot be reached or answers wrongly stops the boot. */
export async function connectOidc(config: OidcConfig): Promise<OidcClient> {
  const issuer = new URL(config.issuer);
  let configuration: client.Configuration;
  try {
    configuration = await client.discovery(issuer, config.clientId, undefined, client.ClientSecretBasic(config.clientSecret), {
      // config.ts allows http only for a provider on this machine (tests and development).
      ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
      timeout: 15,
    });
  } catch (error) {
    throw new ConfigError([`OIDC_ISSUER=${JSON.stringify(config.issuer)}: leverantörens uppgifter (/.well-known/openid-configuration) kunde inte hämtas: ${describe(error)}`]);
  }

  return {
    async begin() {
      const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: config.redirectUri,
        scope: config.scopes,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, flow };
    },
    endSessionUrl() {
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      // client_id instead of id_token_hint: the ID token would not fit in the session's cookie with everything else.
      return client.buildEndSessionUrl(configuration, { client_id: config.clientId, post_logout_redirect_uri: config.redirectUri }).href;
    },
    async finish(callbackUrl, flow) {
      try {
        return await exchange(callbackUrl, flow);
      } catch (error) {
        throw asCallbackError(error);
      }
    },
  };

  async function exchange(callbackUrl: URL, flow: OidcFlow): Promise<OidcClaims> {
    const tokens = await client.authorizationCodeGrant(
      configuration,
      callbackUrl,
      { expectedState: flow.state, expectedNonce: flow.nonce, pkceCodeVerifier: flow.codeVerifier },
      { redirect_uri: config.redirectUri },
    );
    const idToken = tokens.claims();
    if (!idToken) throw new OidcCallbackError('answer', 'no_id_token');
    // Many providers put profile and group claims only in UserInfo when the code flow is used.
    const userInfo = configuration.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub) : {};
    return { ...userInfo, ...idToken } as OidcClaims;
  }
}

/** The library's protocol errors are a bad answer; a failed fetch or a timeout is a provider that did not answer. */
function asCallbackError(error: unknown): unknown {
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) return new OidcCallbackError('answer', error.error, { cause: error });
  if (error instanceof client.WWWAuthenticateChallengeError) return new OidcCallbackError('answer', 'www_authenticate', { cause: error });
  if (error instanceof client.ClientError) return new OidcCallbackError('answer', error.code ?? 'client_error', { cause: error });
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || (error instanceof TypeError && error.message === 'fetch failed'))) {
    return new OidcCallbackError('unreachable', error.name, { cause: error });
  }
  return error;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
