import type { AuthorizationServer } from './discoverServer.ts'
import { requireSecureUrl } from './secureUrl.ts'

export interface EndSessionInput {
  readonly clientId: string
  readonly idToken: string | undefined
  readonly postLogoutRedirectUri: string
}

/**
 * The RP-initiated logout URL, or undefined when the server has no end-session endpoint.
 * `id_token_hint` lets Keycloak sign out without asking the user to confirm.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
 */
export function endSessionUrl(server: AuthorizationServer, input: EndSessionInput): URL | undefined {
  if (typeof server.end_session_endpoint !== 'string') return undefined
  const url = requireSecureUrl(server.end_session_endpoint, 'end_session_endpoint')
  url.searchParams.set('client_id', input.clientId)
  url.searchParams.set('post_logout_redirect_uri', input.postLogoutRedirectUri)
  if (input.idToken) url.searchParams.set('id_token_hint', input.idToken)
  return url
}
