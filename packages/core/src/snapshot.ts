import type { PendingChallenge } from './challenge.ts'
import type { AuthError } from './errors.ts'
import type { AuthorizationDetail, Intent, TokenSet, UserClaims } from './tokenSet.ts'

/** The parts of a session an app may show or use. The refresh token never leaves the core. */
export interface Session {
  /**
   * The access token as of this snapshot. It may turn stale before the next refresh lands: for a
   * request, use `auth.fetch` or `await auth.getAccessToken()`, which renew it first.
   */
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
  /**
   * False when the session is kept in this page's memory only (IndexedDB unavailable or failing):
   * a reload signs the user out. Say so to the user.
   */
  readonly persisted: boolean
}

/**
 * Why nobody is signed in: `none`, nobody was; `logout`, signed out here or in another tab;
 * `expired`, the session ran out with no way to renew it; `rejected`, the server refused to renew
 * it (refresh token revoked, reused or past its life), with the server's error beside it.
 */
export type SignedOutReason = 'none' | 'logout' | 'expired' | 'rejected'

/** Everything an app renders from: a discriminated union on `status`. */
export type AuthSnapshot =
  | {
      /** The session is being restored: `start()` has not finished, or not run (as in server rendering). */
      readonly status: 'loading'
    }
  | {
      /** Nobody is signed in. */
      readonly status: 'signedOut'
      /** Why nobody is signed in (see {@link SignedOutReason}). */
      readonly reason: SignedOutReason
      /** What ended the session, for `rejected`; what failed on the way out, for `logout`. */
      readonly error: AuthError | undefined
    }
  | {
      /** Someone is signed in. */
      readonly status: 'signedIn'
      /** What the app may show or use of the session. */
      readonly session: Session
      /** The last command that failed while the session carried on (e.g. a replayed callback). */
      readonly error: AuthError | undefined
      /** An SCA challenge or step-up the user is asked to complete; the session carries on meanwhile. */
      readonly challenge: PendingChallenge | undefined
    }
  | {
      /**
       * Nobody is signed in, and the last command failed (a callback, the restore, a sign-in);
       * `clearError()` turns it into `signedOut`.
       */
      readonly status: 'error'
      /** What failed. */
      readonly error: AuthError
    }

/** The `status` of an {@link AuthSnapshot}: `loading`, `signedOut`, `signedIn` or `error`. */
export type AuthStatus = AuthSnapshot['status']

/** What happened to the session; `nextSnapshot` says what the app sees next. */
export type SnapshotEvent =
  /** These tokens are the session now (sign-in, refresh, another tab's change). */
  | ({ readonly type: 'session'; readonly tokens: TokenSet } & SessionTraits)
  /** The session carries on with these tokens, but something failed beside it (an outage). */
  | ({ readonly type: 'sessionKept'; readonly tokens: TokenSet; readonly error: AuthError } & SessionTraits)
  /** Start found this stored session; an error recorded before start (a failed callback) stays shown. */
  | ({ readonly type: 'restored'; readonly tokens: TokenSet } & SessionTraits)
  /** Start found no usable session; an error recorded before start stays shown instead. */
  | { readonly type: 'nothingRestored'; readonly reason: 'none' | 'expired' }
  | { readonly type: 'ended'; readonly reason: SignedOutReason; readonly error?: AuthError | undefined }
  /** A command failed. */
  | { readonly type: 'failed'; readonly error: AuthError }
  | { readonly type: 'challenge'; readonly challenge: PendingChallenge | undefined }
  /** The app showed the error; it goes from the snapshot (the state it came with stays). */
  | { readonly type: 'errorCleared' }

/** What the engine knows of a session besides its tokens. */
export interface SessionTraits {
  readonly renewable: boolean
  readonly persisted: boolean
}

export const loadingSnapshot: AuthSnapshot = { status: 'loading' }

/**
 * The snapshot after `event`: pure, and the same object when nothing an app could see changed,
 * so `useSyncExternalStore` re-renders only on real changes.
 */
export function nextSnapshot(current: AuthSnapshot, event: SnapshotEvent): AuthSnapshot {
  const signedIn = current.status === 'signedIn' ? current : undefined
  switch (event.type) {
    case 'session':
      // The same tokens again (another tab's echo, a re-read) change nothing.
      if (signedIn && !signedIn.error && signedIn.session.accessToken === event.tokens.accessToken) return current
      return session(event, undefined, signedIn?.challenge)
    case 'sessionKept':
      return session(event, event.error, signedIn?.challenge)
    case 'restored':
      return current.status === 'error'
        ? session(event, current.error, undefined)
        : nextSnapshot(current, { ...event, type: 'session' })
    case 'nothingRestored':
      return current.status === 'error' ? current : { status: 'signedOut', reason: event.reason, error: undefined }
    case 'ended':
      return { status: 'signedOut', reason: event.reason, error: event.error }
    case 'failed': {
      const { error } = event
      // The caller gave up: nothing went wrong that the app should show.
      if (error.code === 'aborted') return current
      // Signed out already says "sign in"; the same error twice is not news.
      if (current.status === 'signedOut' && (error.code === 'login_required' || current.error === error)) return current
      return signedIn ? { ...signedIn, error } : { status: 'error', error }
    }
    case 'errorCleared':
      if (current.status === 'error') return { status: 'signedOut', reason: 'none', error: undefined }
      return (current.status === 'signedIn' || current.status === 'signedOut') && current.error
        ? { ...current, error: undefined }
        : current
    case 'challenge':
      return signedIn && signedIn.challenge !== event.challenge ? { ...signedIn, challenge: event.challenge } : current
  }
}

function session(
  event: { readonly tokens: TokenSet } & SessionTraits,
  error: AuthError | undefined,
  challenge: PendingChallenge | undefined,
): AuthSnapshot {
  const { tokens } = event
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
      renewable: event.renewable,
      persisted: event.persisted,
    },
    error,
    challenge,
  }
}
