import type { AuthError } from './errors.ts'
import type { TokenSet, UserClaims } from './session/tokenSet.ts'

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
}

/** Why a user is signed out: never signed in, signed out, or the session could not continue. */
export type SignedOutReason = 'none' | 'logout' | 'expired'

export type AuthSnapshot =
  | { readonly status: 'loading' }
  | { readonly status: 'signedOut'; readonly reason: SignedOutReason }
  | {
      readonly status: 'signedIn'
      readonly session: Session
      /** The last command that failed while the session carried on (e.g. a replayed callback). */
      readonly error: AuthError | undefined
    }
  | { readonly status: 'error'; readonly error: AuthError }

export type AuthStatus = AuthSnapshot['status']

export const loadingSnapshot: AuthSnapshot = { status: 'loading' }

export function signedOut(reason: SignedOutReason): AuthSnapshot {
  return { status: 'signedOut', reason }
}

export function signedIn(tokens: TokenSet): AuthSnapshot {
  return {
    status: 'signedIn',
    session: {
      accessToken: tokens.accessToken,
      tokenType: tokens.tokenType,
      expiresAt: tokens.expiresAt,
      scope: tokens.scope,
      user: tokens.user,
    },
    error: undefined,
  }
}

/** A failed command keeps a live session and records the error beside it; otherwise it is the state. */
export function withError(current: AuthSnapshot, error: AuthError): AuthSnapshot {
  return current.status === 'signedIn' ? { ...current, error } : { status: 'error', error }
}
