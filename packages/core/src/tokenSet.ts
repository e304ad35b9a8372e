/**
 * Claims about the signed-in user, from the validated ID token; any other claim the server put
 * in it is there too, by its name.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims
 */
export interface UserClaims {
  /** The user's identifier at the issuer, stable and never reassigned: key the user's data on it. */
  readonly sub: string
  /** The user's full name, when the server includes it (usually with the `profile` scope). */
  readonly name?: string
  /** The name the user goes by, when the server includes it (usually with `profile`); not unique. */
  readonly preferred_username?: string
  /** The user's e-mail address, when the server includes it (the `email` scope); see `email_verified`. */
  readonly email?: string
  readonly [claim: string]: unknown
}

/** What an intent authorizes; it was created beforehand through the provider's API. */
export type IntentType = 'payments' | 'rewards' | 'redemptions' | 'accounts' | 'customers'

/** The intent a sign-in authorizes, created beforehand through the provider's API. */
export interface Intent {
  /** The id the provider's API gave the intent when it was created; `oauth20()` sends it as `intentid`. */
  readonly id: string
  /** What the intent authorizes; `oauth20()` sends it as `itype`. Undefined leaves the parameter out. */
  readonly type?: IntentType
}

/**
 * One entry of a Rich Authorization Request: what exactly the user authorizes, such as a payment
 * of an amount to a payee. `type` decides the other fields, which the server defines.
 * @see https://www.rfc-editor.org/rfc/rfc9396#section-2
 */
export interface AuthorizationDetail {
  /** The kind of authorization, defined by the server (e.g. `payment_initiation`); required. */
  readonly type: string
  /** URIs of the resource servers where the access may be used. */
  readonly locations?: readonly string[]
  /** What may be done at the resource, e.g. `read` or `initiate`. */
  readonly actions?: readonly string[]
  /** The kinds of data that may be accessed. */
  readonly datatypes?: readonly string[]
  /** One specific resource at the API, such as an account. */
  readonly identifier?: string
  /** Privilege levels asked for, e.g. `admin`. */
  readonly privileges?: readonly string[]
  readonly [field: string]: unknown
}

/**
 * What the token endpoint granted, in payauth's own camelCase shape: what a {@link TokenSource}
 * renews and the token store keeps. Stored; never in the URL.
 */
export interface TokenSet {
  /** The access token, for resource servers only. */
  readonly accessToken: string
  /** `Bearer` or `DPoP`, as the server named it. */
  readonly tokenType: string
  /**
   * When this client received it, epoch milliseconds on its own clock (not the server's, which may
   * be off): how early it turns stale is counted from here.
   */
  readonly issuedAt: number
  /**
   * When it stops working, epoch milliseconds: `issuedAt` plus the server's `expires_in` (at most a
   * day; 300 s when it gave none), or, through a backend, the backend's own `expiresAt`.
   */
  readonly expiresAt: number
  /** The granted scopes: the server's `scope`, or the requested ones when the response left it out. */
  readonly scope: readonly string[]
  /**
   * The refresh token, when the server issued one; a refresh that returns none keeps this one.
   * Undefined for legacy implicit sign-ins and through a backend, which keeps its own.
   */
  readonly refreshToken?: string
  /**
   * When the refresh token stops working, epoch milliseconds, if the server said
   * (`refresh_expires_in`, at most a year); undefined when it did not.
   */
  readonly refreshExpiresAt?: number
  /**
   * The ID token (a JWT) of an OpenID Connect sign-in, validated when it arrived; a refresh without
   * one keeps this one. Sent as `id_token_hint` at logout unless `idTokenHint: false`.
   */
  readonly idToken?: string
  /**
   * Claims of the validated ID token (through a backend, those its session route reports); a
   * refresh without an ID token keeps these. Undefined without one.
   */
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
