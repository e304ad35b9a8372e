import * as oauth from 'oauth4webapi'
import { AuthErrorCode } from '../errors.ts'
import type { TokenSet, UserClaims } from '../session/tokenSet.ts'
import { grantedAuthorizationDetails } from './authorizationDetails.ts'
import type { AuthorizationServer } from './discoverServer.ts'
import type { HttpOptions } from './httpOptions.ts'
import { toAuthError } from './toAuthError.ts'
import { tokenEndpointCall } from './tokenEndpointCall.ts'

export interface CodeExchangeInput {
  readonly clientId: string
  readonly callbackParams: URLSearchParams
  readonly redirectUri: string
  readonly codeVerifier: string
  /** The nonce sent at authorization; an ID token is then required and must carry it. */
  readonly nonce: string | undefined
  /** Scope requested, used when the server does not echo what it granted. */
  readonly requestedScope: readonly string[]
  readonly scopeSeparator: string
  readonly now: number
}

/** Tokens live this long when the server leaves out `expires_in`; short, so a refresh comes soon. */
const defaultLifetimeSeconds = 300

/**
 * Redeems the authorization code as a public client (PKCE, no secret) and validates the ID token.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export async function exchangeCode(
  server: AuthorizationServer,
  input: CodeExchangeInput,
  http: HttpOptions,
): Promise<TokenSet> {
  const client: oauth.Client = { client_id: input.clientId }
  try {
    const result = await tokenEndpointCall(
      () =>
        oauth.authorizationCodeGrantRequest(
          server,
          client,
          oauth.None(),
          input.callbackParams,
          input.redirectUri,
          input.codeVerifier,
          http,
        ),
      (response) =>
        oauth.processAuthorizationCodeResponse(server, client, response, {
          expectedNonce: input.nonce ?? oauth.expectNoNonce,
          requireIdToken: input.nonce !== undefined,
        }),
    )
    return toTokenSet(result, input)
  } catch (error) {
    throw toAuthError(error, AuthErrorCode.InvalidResponse, 'The token response is not valid')
  }
}

export function toTokenSet(
  result: oauth.TokenEndpointResponse,
  context: Pick<CodeExchangeInput, 'requestedScope' | 'scopeSeparator' | 'now'>,
): TokenSet {
  const lifetime =
    typeof result.expires_in === 'number' && result.expires_in > 0 ? result.expires_in : defaultLifetimeSeconds
  const claims = oauth.getValidatedIdTokenClaims(result)
  const authorizationDetails = grantedAuthorizationDetails(result.authorization_details)
  return {
    accessToken: result.access_token,
    tokenType: result.token_type === 'dpop' ? 'DPoP' : 'Bearer',
    issuedAt: context.now,
    expiresAt: context.now + lifetime * 1000,
    scope:
      typeof result.scope === 'string' ? splitScope(result.scope, context.scopeSeparator) : [...context.requestedScope],
    ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
    ...(typeof result.refresh_expires_in === 'number' && result.refresh_expires_in > 0
      ? { refreshExpiresAt: context.now + result.refresh_expires_in * 1000 }
      : {}),
    ...(result.id_token ? { idToken: result.id_token } : {}),
    ...(claims ? { user: claims as unknown as UserClaims } : {}),
    ...(authorizationDetails ? { authorizationDetails } : {}),
  }
}

function splitScope(scope: string, separator: string): string[] {
  // Servers that join scopes with commas sometimes add spaces too; accept both.
  return scope
    .split(separator)
    .flatMap((part) => part.split(' '))
    .filter(Boolean)
}
