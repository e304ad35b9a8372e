import type { ClientMetadata } from 'oidc-provider'

/** The confidential client of a backend-for-frontend (@payauth/server) beside the demo SPA. */
export const paceBffClientId = 'payauth-bff'
/** Public on purpose: a sandbox secret, for the sandbox's own tests and demos only. */
export const paceBffClientSecret = 'payauth-bff-sandbox-secret'
/** The same backend's client that authenticates with `private_key_jwt` instead of a secret. */
export const paceBffJwtClientId = 'payauth-bff-jwt'
/** Where a BFF mounted at `/bff` on an app origin receives the authorization response. */
export const paceBffCallbackPath = '/bff/callback'

export interface PaceBffClientsOptions {
  /** Origins the BFF is served from (the app's own origins: the BFF sits beside the SPA). */
  readonly appOrigins: readonly string[]
  /** Public keys of the `private_key_jwt` client; without them that client is not registered. */
  readonly jwtClientJwks?: { readonly keys: readonly object[] }
}

/**
 * The realm's confidential clients for a BFF: one with a client secret (HTTP Basic), and, when
 * the caller hands over public keys, one that signs client assertions (RFC 7523) with them.
 */
export function paceBffClients({ appOrigins, jwtClientJwks }: PaceBffClientsOptions): ClientMetadata[] {
  const common = {
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: appOrigins.map((origin) => `${origin}${paceBffCallbackPath}`),
    // `/backend`: the demo's page that signs in through its BFF comes back to itself after logout.
    post_logout_redirect_uris: appOrigins.flatMap((origin) => [origin, `${origin}/`, `${origin}/backend`]),
  } satisfies Partial<ClientMetadata>
  const withSecret: ClientMetadata = {
    ...common,
    client_id: paceBffClientId,
    client_secret: paceBffClientSecret,
    token_endpoint_auth_method: 'client_secret_basic',
  }
  if (!jwtClientJwks) return [withSecret]
  return [
    withSecret,
    {
      ...common,
      client_id: paceBffJwtClientId,
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [...jwtClientJwks.keys] } as ClientMetadata['jwks'],
    },
  ]
}
