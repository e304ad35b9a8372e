import { authError } from '../errors.ts'
import { directConnection } from './directConnection.ts'
import type { OAuthProvider } from './oauthProvider.ts'

/**
 * The payment scopes of PACE's API. `:authenticated` acts on the signed-in user's own resources;
 * `:one` and `:all` are administrative.
 * @see https://developer.pace.cloud
 */
export type PacePaymentScope =
  | 'payment:onboardings:create:authenticated'
  | 'payment:onboardings:create:one'
  | 'payment:payment-method-kinds:read:all'
  | 'payment:payment-method-kinds:read:authenticated'
  | 'payment:payment-method-shares:create:authenticated'
  | 'payment:payment-method-shares:create:one'
  | 'payment:payment-method-shares:delete:authenticated'
  | 'payment:payment-method-shares:delete:one'
  | 'payment:payment-method-shares:read:all'
  | 'payment:payment-method-shares:read:authenticated'
  | 'payment:payment-methods:delete:authenticated'
  | 'payment:payment-methods:delete:one'
  | 'payment:payment-methods:read:all'
  | 'payment:payment-methods:read:authenticated'
  | 'payment:payment-methods:read:one'
  | 'payment:payment-methods:verify:authenticated'
  | 'payment:payment-methods:verify:one'
  | 'payment:payment-transactions:read:all'
  | 'payment:payment-transactions:read:authenticated'
  | 'payment:payment-transactions:read:one'

/**
 * The scopes PACE documents. With `pace()`, a `payment:` scope outside this list fails to
 * compile; scopes of other namespaces (a realm's own additions) still pass.
 */
export type PaceScope = PacePaymentScope | 'openid' | 'profile' | 'email' | 'offline_access'

/**
 * PACE's environments, each its own Keycloak realm: `production` (`id.pace.cloud`), `sandbox`
 * (`id.sandbox.pace.cloud`) and `development` (`id.dev.pace.cloud`).
 */
export type PaceEnvironment = 'production' | 'sandbox' | 'development'

const paceIssuers: Record<PaceEnvironment, string> = {
  production: 'https://id.pace.cloud/auth/realms/pace',
  sandbox: 'https://id.sandbox.pace.cloud/auth/realms/pace',
  development: 'https://id.dev.pace.cloud/auth/realms/pace',
}

/** Options of `pace()`: an `environment` or an `issuer`, never both. */
export type PaceOptions = (
  | {
      /** The PACE environment whose realm signs users in. */
      readonly environment: PaceEnvironment
      /** Not with `environment`. */
      readonly issuer?: never
    }
  | {
      /** The realm's issuer URL outright (a local sandbox, a proxy); https, or http on loopback. */
      readonly issuer: string
      /** Not with `issuer`. */
      readonly environment?: never
    }
) & {
  /** Keycloak's identity-provider hint: skip PACE's chooser and go straight to e.g. `google`. */
  readonly idpHint?: string
  /** Any other authorization parameters to send with every sign-in; `idpHint` wins over a `kc_idp_hint` here. */
  readonly authorizeParams?: Readonly<Record<string, string>>
}

/**
 * PACE's Keycloak realm, by environment or by explicit issuer (a local sandbox, a proxy): OpenID
 * Connect with discovery, code + PKCE, refresh, revocation and logout. A `payment:` scope PACE does
 * not document fails to compile. Throws `invalid_config` for an unknown environment.
 * @example
 * ```ts
 * const auth = createAuthClient({
 *   provider: pace({ environment: 'sandbox', idpHint: 'google' }),
 *   clientId: 'my-spa',
 *   redirectUri: new URL('/callback', location.origin).href,
 *   scope: ['openid', 'payment:payment-methods:read:authenticated'],
 * })
 * ```
 * @see https://developer.pace.cloud
 * @see https://openid.net/specs/openid-connect-core-1_0.html
 */
export function pace(options: PaceOptions): OAuthProvider<PaceScope> {
  const issuer = options.issuer ?? paceIssuers[options.environment as PaceEnvironment]
  if (!issuer) {
    throw authError('invalid_config', `Unknown PACE environment: ${String(options.environment)}`, options)
  }
  const authorizeParams = { ...options.authorizeParams, ...(options.idpHint ? { kc_idp_hint: options.idpHint } : {}) }
  return { name: 'pace', issuer, connect: directConnection({ issuer, authorizeParams }) }
}
