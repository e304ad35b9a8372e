import * as oauth from 'oauth4webapi'
import { AuthError } from '../errors.ts'
import { toAuthError } from '../toAuthError.ts'
import type { AuthorizationServer } from './discoverServer.ts'

/**
 * Checks the redirect's `state` and RFC 9207 `iss` through oauth4webapi and surfaces an OAuth
 * error response as a typed error.
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
export function validateAuthorizationResponse(
  server: AuthorizationServer,
  clientId: string,
  url: URL,
  expectedState: string,
): URLSearchParams {
  try {
    return oauth.validateAuthResponse(server, { client_id: clientId }, url, expectedState)
  } catch (error) {
    if (error instanceof oauth.OperationProcessingError && issuerIsWrong(server, url)) {
      const iss = url.searchParams.get('iss')
      throw new AuthError(
        'issuer_mismatch',
        iss === null
          ? `The authorization response has no "iss" though ${server.issuer} promises one`
          : `The authorization response comes from ${iss}, not ${server.issuer}`,
        // Not the library's error: it holds the response's parameters, the authorization code among them.
        { cause: { iss, expected: server.issuer } },
      )
    }
    throw toAuthError(error, 'invalid_response', 'The authorization response is not valid')
  }
}

function issuerIsWrong(server: AuthorizationServer, url: URL): boolean {
  const iss = url.searchParams.get('iss')
  return iss === null ? server.authorization_response_iss_parameter_supported === true : iss !== server.issuer
}
