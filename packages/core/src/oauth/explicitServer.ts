import type { AuthorizationServer } from './discoverServer.ts'
import { requireSecureUrl } from './secureUrl.ts'

/** Endpoints given outright, for servers without a discovery document. */
export interface ProviderEndpoints {
  /** The authorization endpoint (RFC 6749 §3.1) the browser is sent to; https, or http on loopback. */
  readonly authorization: string
  /** The token endpoint (RFC 6749 §3.2) codes and refresh tokens are redeemed at; https, or http on loopback. */
  readonly token: string
  /** The RFC 7009 revocation endpoint, if the server has one: logout then revokes the refresh token. */
  readonly revocation?: string
  /** The OpenID RP-initiated logout endpoint, if the server has one: logout then ends the server's session. */
  readonly endSession?: string
}

/** Server metadata from endpoints given outright. */
export function explicitServer(issuer: string, endpoints: ProviderEndpoints): AuthorizationServer {
  return {
    issuer,
    authorization_endpoint: requireSecureUrl(endpoints.authorization, 'authorization endpoint').href,
    token_endpoint: requireSecureUrl(endpoints.token, 'token endpoint').href,
    ...(endpoints.revocation
      ? { revocation_endpoint: requireSecureUrl(endpoints.revocation, 'revocation endpoint').href }
      : {}),
    ...(endpoints.endSession
      ? { end_session_endpoint: requireSecureUrl(endpoints.endSession, 'end-session endpoint').href }
      : {}),
  }
}
