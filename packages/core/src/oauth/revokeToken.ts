import * as oauth from 'oauth4webapi'
import { AuthErrorCode } from '../errors.ts'
import type { AuthorizationServer } from './discoverServer.ts'
import type { HttpOptions } from './httpOptions.ts'
import { toAuthError } from './toAuthError.ts'

/**
 * Revokes a refresh token (and, at most servers, the grant's access tokens with it).
 * @see https://www.rfc-editor.org/rfc/rfc7009
 */
export async function revokeToken(
  server: AuthorizationServer,
  clientId: string,
  token: string,
  http: HttpOptions,
): Promise<void> {
  try {
    const response = await oauth.revocationRequest(server, { client_id: clientId }, oauth.None(), token, {
      ...http,
      additionalParameters: { token_type_hint: 'refresh_token' },
    })
    await oauth.processRevocationResponse(response)
  } catch (error) {
    throw toAuthError(error, AuthErrorCode.InvalidResponse, 'Revoking the token failed')
  }
}
