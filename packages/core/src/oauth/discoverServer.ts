import * as oauth from 'oauth4webapi'
import { AuthErrorCode } from '../errors.ts'
import { toAuthError } from '../toAuthError.ts'
import type { HttpOptions } from './httpOptions.ts'
import { requireSecureUrl } from './secureUrl.ts'

/** The server metadata payauth works with; oauth4webapi's type stays internal. */
export type AuthorizationServer = oauth.AuthorizationServer

/**
 * Reads the issuer's OpenID discovery document and checks that it names this issuer and that
 * the endpoints payauth will call are as secure as the issuer itself.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 */
export async function discoverServer(issuer: URL, http: HttpOptions): Promise<AuthorizationServer> {
  let server: AuthorizationServer
  try {
    const response = await oauth.discoveryRequest(issuer, { ...http, algorithm: 'oidc' })
    server = await oauth.processDiscoveryResponse(issuer, response)
  } catch (error) {
    throw toAuthError(error, AuthErrorCode.DiscoveryFailed, `Discovery of ${issuer.href} failed`)
  }
  for (const endpoint of ['authorization_endpoint', 'token_endpoint'] as const) {
    const value = server[endpoint]
    if (typeof value !== 'string') {
      throw toAuthError(
        new Error(`${endpoint} is missing`),
        AuthErrorCode.DiscoveryFailed,
        `Discovery of ${issuer.href} failed`,
      )
    }
    requireSecureUrl(value, endpoint)
  }
  return server
}
