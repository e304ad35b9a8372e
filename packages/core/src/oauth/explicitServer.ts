import type { ProviderEndpoints } from '../providers/oauthProvider.ts'
import type { AuthorizationServer } from './discoverServer.ts'
import { requireSecureUrl } from './secureUrl.ts'

/** Server metadata from endpoints given outright, for servers without a discovery document. */
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
