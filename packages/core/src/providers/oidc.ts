import type { DirectProviderConfig } from '../oauth/directConfig.ts'
import { directConnection } from './directConnection.ts'
import type { OAuthProvider } from './oauthProvider.ts'

/**
 * Options of `oidc()`: `issuer` (required; https, or http on loopback), `endpoints` for a server
 * without a discovery document (`authorization` and `token` required, `revocation` and `endSession`
 * optional), `scopeSeparator` (a space by default), `openIdConnect` (true unless set false: with
 * `openid` in the scope, a nonce is sent and a valid ID token required), `authorizeParams` sent
 * with every sign-in, and `name`.
 */
export type OidcOptions = Omit<DirectProviderConfig, 'intents' | 'implicit' | 'refineError'> & {
  /** Short name for messages; `oidc` by default. */
  readonly name?: string
}

/**
 * Any OpenID Connect (or plain OAuth 2.0) authorization server, by issuer: discovery, code + PKCE,
 * refresh, revocation and logout, straight from the browser as a public client. The discovery
 * document is fetched on first use, not here.
 * @example createAuthClient({ provider: oidc({ issuer: 'https://id.example.com' }), clientId, redirectUri })
 * @see https://openid.net/specs/openid-connect-core-1_0.html
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 * @see https://www.rfc-editor.org/rfc/rfc7009 revocation at logout
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
 */
export function oidc(options: OidcOptions): OAuthProvider {
  return {
    name: options.name ?? 'oidc',
    issuer: options.issuer,
    ...(options.scopeSeparator ? { scopeSeparator: options.scopeSeparator } : {}),
    connect: directConnection(options),
  }
}
