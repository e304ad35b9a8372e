import * as oauth from 'oauth4webapi'
import { AuthError, AuthErrorCode } from '../errors.ts'
import type { AuthorizationServer } from './discoverServer.ts'
import type { HttpOptions } from './httpOptions.ts'
import { requireSecureUrl } from './secureUrl.ts'
import { toAuthError } from './toAuthError.ts'
import { withDpopNonceRetry } from './withDpopNonceRetry.ts'

/**
 * Sends the authorization parameters straight to the server (PAR) and returns the short URL
 * the browser goes to instead: nothing of the request can be read or altered in the address bar.
 * @see https://www.rfc-editor.org/rfc/rfc9126
 */
export async function pushAuthorizationRequest(
  server: AuthorizationServer,
  clientId: string,
  params: URLSearchParams,
  http: HttpOptions,
): Promise<URL> {
  if (typeof server.pushed_authorization_request_endpoint !== 'string') {
    throw new AuthError(AuthErrorCode.InvalidConfig, `${server.issuer} has no pushed authorization request endpoint`, {
      cause: { issuer: server.issuer },
    })
  }
  requireSecureUrl(server.pushed_authorization_request_endpoint, 'pushed_authorization_request_endpoint')
  const client: oauth.Client = { client_id: clientId }
  try {
    const result = await withDpopNonceRetry(async () => {
      const response = await oauth.pushedAuthorizationRequest(server, client, oauth.None(), params, http)
      return oauth.processPushedAuthorizationResponse(server, client, response)
    })
    const url = new URL(server.authorization_endpoint as string)
    url.searchParams.set('client_id', clientId)
    url.searchParams.set('request_uri', result.request_uri)
    return url
  } catch (error) {
    throw toAuthError(error, AuthErrorCode.InvalidResponse, 'The pushed authorization request failed')
  }
}
