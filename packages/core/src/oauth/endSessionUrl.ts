import type { AuthorizationServer } from './discoverServer.ts'
import { requireSecureUrl } from './secureUrl.ts'

export interface EndSessionInput {
  readonly clientId: string
  /** Sent as `id_token_hint`, unless the app keeps tokens out of URLs (then `logout_hint`). */
  readonly idToken: string | undefined
  /** The user, as `logout_hint`, when no ID token goes in the URL. */
  readonly logoutHint: string | undefined
  readonly postLogoutRedirectUri: string
}

/**
 * The RP-initiated logout URL, or undefined when the server has no end-session endpoint.
 * `id_token_hint` lets Keycloak sign out without asking the user to confirm, but puts the ID
 * token in the URL (and so in the server's logs and the browser's history); `client_id` with
 * `logout_hint` does not, and Keycloak then asks the user to confirm.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
 */
export function endSessionUrl(server: AuthorizationServer, input: EndSessionInput): URL | undefined {
  if (typeof server.end_session_endpoint !== 'string') return undefined
  const url = requireSecureUrl(server.end_session_endpoint, 'end_session_endpoint')
  url.searchParams.set('client_id', input.clientId)
  url.searchParams.set('post_logout_redirect_uri', input.postLogoutRedirectUri)
  if (input.idToken) url.searchParams.set('id_token_hint', input.idToken)
  else if (input.logoutHint) url.searchParams.set('logout_hint', input.logoutHint)
  return url
}
