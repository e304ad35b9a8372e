import type { AuthorizationServer } from './discoverServer.ts'
import { requireSecureUrl } from './secureUrl.ts'

/** Endpoints given outright, for servers without a discovery document. */
export interface ProviderEndpoints {
  readonly authorization: string
  readonly token: string
  readonly revocation?: string
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
