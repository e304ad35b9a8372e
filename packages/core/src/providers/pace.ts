import { AuthErrorCode, authError } from '../errors.ts'
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

export type PaceEnvironment = 'production' | 'sandbox' | 'development'

const paceIssuers: Record<PaceEnvironment, string> = {
  production: 'https://id.pace.cloud/auth/realms/pace',
  sandbox: 'https://id.sandbox.pace.cloud/auth/realms/pace',
  development: 'https://id.dev.pace.cloud/auth/realms/pace',
}

export type PaceOptions = (
  | { readonly environment: PaceEnvironment; readonly issuer?: never }
  | { readonly issuer: string; readonly environment?: never }
) & {
  /** Keycloak's identity-provider hint: skip PACE's chooser and go straight to e.g. `google`. */
  readonly idpHint?: string
  /** Any other authorization parameters to send with every sign-in. */
  readonly authorizeParams?: Readonly<Record<string, string>>
}

/** PACE's Keycloak realm, by environment or by explicit issuer (a local sandbox, a proxy). */
export function pace(options: PaceOptions): OAuthProvider<PaceScope> {
  const issuer = options.issuer ?? paceIssuers[options.environment as PaceEnvironment]
  if (!issuer) {
    throw authError(AuthErrorCode.InvalidConfig, `Unknown PACE environment: ${String(options.environment)}`, options)
  }
  const authorizeParams = { ...options.authorizeParams, ...(options.idpHint ? { kc_idp_hint: options.idpHint } : {}) }
  return { name: 'pace', issuer, connect: directConnection({ issuer, authorizeParams }) }
}
