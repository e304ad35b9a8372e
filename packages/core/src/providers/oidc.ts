import type { DirectProviderConfig } from '../oauth/directConfig.ts'
import { directConnection } from './directConnection.ts'
import type { OAuthProvider } from './oauthProvider.ts'

export type OidcOptions = Omit<DirectProviderConfig, 'intents' | 'implicit' | 'refineError'> & {
  /** Short name for messages; `oidc` by default. */
  readonly name?: string
}

/**
 * Any OpenID Connect (or plain OAuth 2.0) authorization server, by issuer: discovery, code + PKCE,
 * refresh, revocation and logout, straight from the browser as a public client.
 * @example createAuthClient({ provider: oidc({ issuer: 'https://id.example.com' }), clientId, redirectUri })
 */
export function oidc(options: OidcOptions): OAuthProvider {
  return {
    name: options.name ?? 'oidc',
    issuer: options.issuer,
    ...(options.scopeSeparator ? { scopeSeparator: options.scopeSeparator } : {}),
    connect: directConnection(options),
  }
}
