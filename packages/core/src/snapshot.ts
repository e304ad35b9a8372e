import type { AuthError } from './errors.ts'
import type { AuthorizationDetail } from './oauth/authorizationDetails.ts'
import type { Intent } from './oauth/intentParams.ts'
import type { TokenSet, UserClaims } from './session/tokenSet.ts'
import type { PendingChallenge } from './stepUp/pendingChallenge.ts'

/** The parts of a session an app may show or use. The refresh token never leaves the core. */
export interface Session {
  readonly accessToken: string
  /** `Bearer`, or `DPoP` for sender-constrained tokens. */
  readonly tokenType: string
  /** Epoch milliseconds when the access token stops working. */
  readonly expiresAt: number
  /** Scopes the server granted, which may be fewer than those requested. */
  readonly scope: readonly string[]
  /** Claims of the validated ID token, when `openid` was requested. */
  readonly user: UserClaims | undefined
  /** What the user authorized in detail (RFC 9396), when the sign-in asked for it. */
  readonly authorizationDetails: readonly AuthorizationDetail[] | undefined
  /** The intent the session was granted for, for intent-based providers such as `oauth20()`. */
  readonly intent: Intent | undefined
  /** False when the session cannot be renewed (legacy implicit): at expiry, the user signs in again. */
  readonly renewable: boolean
}

/**
 * Why nobody is signed in: `none`, nobody was; `logout`, signed out here or in another tab;
 * `expired`, the session ran out with no way to renew it; `rejected`, the server refused to renew
 * it (refresh token revoked, reused or past its life), with the server's error beside it.
 */
export type SignedOutReason = 'none' | 'logout' | 'expired' | 'rejected'

export type AuthSnapshot =
  | { readonly status: 'loading' }
  | {
      readonly status: 'signedOut'
      readonly reason: SignedOutReason
      /** What ended the session, for `rejected`; what failed on the way out, for `logout`. */
      readonly error: AuthError | undefined
    }
  | {
      readonly status: 'signedIn'
      readonly session: Session
      /** The last command that failed while the session carried on (e.g. a replayed callback). */
      readonly error: AuthError | undefined
      /** An SCA challenge or step-up the user is asked to complete; the session carries on meanwhile. */
      readonly challenge: PendingChallenge | undefined
    }
  | { readonly status: 'error'; readonly error: AuthError }

export type AuthStatus = AuthSnapshot['status']

export const loadingSnapshot: AuthSnapshot = { status: 'loading' }

export function signedOut(reason: SignedOutReason, error?: AuthError): AuthSnapshot {
  return { status: 'signedOut', reason, error }
}

export function signedIn(tokens: TokenSet, error?: AuthError, challenge?: PendingChallenge): AuthSnapshot {
  return {
    status: 'signedIn',
    session: {
      accessToken: tokens.accessToken,
      tokenType: tokens.tokenType,
      expiresAt: tokens.expiresAt,
      scope: tokens.scope,
      user: tokens.user,
      authorizationDetails: tokens.authorizationDetails,
      intent: tokens.intent,
      renewable: tokens.refreshToken !== undefined,
    },
    error,
    challenge,
  }
}

/** A failed command keeps a live session and records the error beside it; otherwise it is the state. */
export function withError(current: AuthSnapshot, error: AuthError): AuthSnapshot {
  return current.status === 'signedIn' ? { ...current, error } : { status: 'error', error }
}
