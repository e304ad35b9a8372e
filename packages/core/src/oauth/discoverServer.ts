import * as oauth from 'oauth4webapi'
import { AuthError } from '../errors.ts'
import { parseUrl } from '../navigation/parseUrl.ts'
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
    throw toAuthError(error, 'discovery_failed', `Discovery of ${issuer.href} failed`)
  }
  for (const endpoint of ['authorization_endpoint', 'token_endpoint'] as const) {
    if (typeof server[endpoint] !== 'string') {
      throw toAuthError(new Error(`${endpoint} is missing`), 'discovery_failed', `Discovery of ${issuer.href} failed`)
    }
  }
  // Every endpoint a token may be sent to is held to the issuer's rule, one by one: a loopback
  // issuer's document must not send the refresh token to plain http on another host.
  for (const [name, value] of Object.entries(server)) {
    // null: an endpoint the server does not offer, where nothing can be sent.
    if ((!name.endsWith('_endpoint') && name !== 'jwks_uri') || value === null) continue
    // A broken document, not a broken configuration of this client.
    if (typeof value !== 'string' || !parseUrl(value)) {
      throw toAuthError(
        new Error(`${name} is not an absolute URL`),
        'discovery_failed',
        `Discovery of ${issuer.href} failed`,
      )
    }
    // As secure as the issuer: an https issuer's document may not point at plain http, loopback or not.
    if (requireSecureUrl(value, name).protocol !== issuer.protocol && issuer.protocol === 'https:') {
      throw new AuthError('insecure_url', `${name} must use https, as the issuer does: ${value}`, {
        cause: { [name]: value },
      })
    }
  }
  return server
}
