/** Claims about the signed-in user, from the validated ID token. */
export interface UserClaims {
  readonly sub: string
  readonly name?: string
  readonly preferred_username?: string
  readonly email?: string
  readonly [claim: string]: unknown
}

/** What an intent authorizes; it was created beforehand through the provider's API. */
export type IntentType = 'payments' | 'rewards' | 'redemptions' | 'accounts' | 'customers'

/** The intent a sign-in authorizes, created beforehand through the provider's API. */
export interface Intent {
  readonly id: string
  readonly type?: IntentType
}

/**
 * One entry of a Rich Authorization Request: what exactly the user authorizes, such as a payment
 * of an amount to a payee. `type` decides the other fields, which the server defines.
 * @see https://www.rfc-editor.org/rfc/rfc9396#section-2
 */
export interface AuthorizationDetail {
  readonly type: string
  readonly locations?: readonly string[]
  readonly actions?: readonly string[]
  readonly datatypes?: readonly string[]
  readonly identifier?: string
  readonly privileges?: readonly string[]
  readonly [field: string]: unknown
}

/** What the token endpoint granted, in payauth's own camelCase shape. Stored; never in the URL. */
export interface TokenSet {
  readonly accessToken: string
  /** `Bearer` or `DPoP`, as the server named it. */
  readonly tokenType: string
  /** When the server granted it, epoch milliseconds. */
  readonly issuedAt: number
  /** When it stops working, epoch milliseconds. */
  readonly expiresAt: number
  readonly scope: readonly string[]
  readonly refreshToken?: string
  /** When the refresh token stops working, if the server said (`refresh_expires_in`). */
  readonly refreshExpiresAt?: number
  readonly idToken?: string
  readonly user?: UserClaims
  /** What the server granted in detail (RFC 9396), when the sign-in asked for it. */
  readonly authorizationDetails?: readonly AuthorizationDetail[]
  /** The intent the session was granted for, for intent-based providers. */
  readonly intent?: Intent
}

/**
 * Scopes as a list. `separator` is the provider's (RFC 6749 says a space); servers that join
 * with commas sometimes add spaces too, so spaces always separate as well.
 */
export function splitScope(scope: string, separator = ' '): string[] {
  return scope
    .split(separator)
    .flatMap((part) => part.split(' '))
    .filter(Boolean)
}
