import type { AuthorizationDetail } from '../oauth/authorizationDetails.ts'
import type { Intent } from '../oauth/intentParams.ts'

/** Claims about the signed-in user, from the validated ID token. */
export interface UserClaims {
  readonly sub: string
  readonly name?: string
  readonly preferred_username?: string
  readonly email?: string
  readonly [claim: string]: unknown
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
