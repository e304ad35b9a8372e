import * as oauth from 'oauth4webapi'
import { AuthErrorCode } from '../errors.ts'
import type { TokenSet } from '../session/tokenSet.ts'
import type { AuthorizationServer } from './discoverServer.ts'
import { toTokenSet } from './exchangeCode.ts'
import type { HttpOptions } from './httpOptions.ts'
import { toAuthError } from './toAuthError.ts'
import { tokenEndpointCall } from './tokenEndpointCall.ts'

export interface RefreshInput {
  readonly clientId: string
  readonly scopeSeparator: string
  readonly now: number
}

/**
 * Trades the refresh token for new tokens. What the server leaves out of its answer (a new
 * refresh token, scope, ID token) carries over from `current`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export async function refreshTokens(
  server: AuthorizationServer,
  current: TokenSet & { readonly refreshToken: string },
  input: RefreshInput,
  http: HttpOptions,
): Promise<TokenSet> {
  const client: oauth.Client = { client_id: input.clientId }
  try {
    const result = await tokenEndpointCall(
      () => oauth.refreshTokenGrantRequest(server, client, oauth.None(), current.refreshToken, http),
      (response) => oauth.processRefreshTokenResponse(server, client, response),
    )
    const next = toTokenSet(result, {
      requestedScope: current.scope,
      scopeSeparator: input.scopeSeparator,
      now: input.now,
    })
    return {
      ...current,
      ...next,
      refreshToken: next.refreshToken ?? current.refreshToken,
      user: next.user ?? current.user,
      idToken: next.idToken ?? current.idToken,
    }
  } catch (error) {
    throw toAuthError(error, AuthErrorCode.InvalidResponse, 'The refresh response is not valid')
  }
}
