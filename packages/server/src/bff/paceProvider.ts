import type { BffProvider } from './bffProvider.ts'
import type { ClientAuthentication } from './clientAuthentication.ts'

/** PACE's Keycloak realm per environment. */
export const paceIssuers = {
  /** PACE's live realm. */
  production: 'https://id.pace.cloud/auth/realms/pace',
  /** PACE's sandbox realm. */
  sandbox: 'https://id.sandbox.pace.cloud/auth/realms/pace',
  /** PACE's development realm. */
  development: 'https://id.dev.pace.cloud/auth/realms/pace',
} as const

/** A PACE client registered as confidential in the `pace` realm. */
export interface PaceProviderOptions {
  /** A PACE environment, or an issuer (e.g. the local sandbox's `http://127.0.0.1:9400/auth/realms/pace`). */
  readonly issuer: keyof typeof paceIssuers | (string & {})
  /** The client id of the BFF's confidential client in the `pace` realm. */
  readonly clientId: string
  /** `clientSecretBasic(secret)` for a client with a secret; `privateKeyJwt(key)` for one with keys. */
  readonly clientAuthentication: ClientAuthentication
  /** Default `openid profile email`; add the `payment:...` scopes the app calls APIs with. */
  readonly scope?: readonly string[]
  /** Fixed extra authorize parameters, e.g. `{ ui_locales: 'de' }`. */
  readonly authorizationParameters?: Readonly<Record<string, string>>
}

/**
 * PACE (Keycloak realm `pace`) for the BFF: OpenID Connect with discovery, code + PKCE, the
 * RFC 9207 `iss` check, RFC 7009 revocation and RP-initiated logout.
 *
 * @example
 * ```ts
 * createBff({
 *   baseUrl: 'https://app.example.com/bff',
 *   provider: paceProvider({
 *     issuer: 'sandbox',
 *     clientId: 'my-app-bff',
 *     clientAuthentication: clientSecretBasic(process.env.PACE_CLIENT_SECRET!),
 *     scope: ['openid', 'profile', 'payment:payment-methods:read:authenticated'],
 *   }),
 *   sessionKeys: [process.env.BFF_SESSION_KEY!],
 * })
 * ```
 *
 * @see https://developer.pace.cloud
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 * @see https://www.rfc-editor.org/rfc/rfc9207
 * @see https://www.rfc-editor.org/rfc/rfc7009
 */
export function paceProvider(options: PaceProviderOptions): BffProvider {
  const issuer = Object.hasOwn(paceIssuers, options.issuer)
    ? paceIssuers[options.issuer as keyof typeof paceIssuers]
    : options.issuer
  return {
    issuer,
    clientId: options.clientId,
    clientAuthentication: options.clientAuthentication,
    scope: options.scope ?? ['openid', 'profile', 'email'],
    scopeSeparator: ' ',
    openid: true,
    ...(options.authorizationParameters ? { authorizationParameters: options.authorizationParameters } : {}),
  }
}
