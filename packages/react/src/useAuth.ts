'use client'
import type { AuthClient, AuthError, AuthSnapshot, PendingChallenge, UserClaims } from '@payauth/core'
import { useAuthClient } from './authContext.ts'
import { useAuthSnapshot } from './useAuthSnapshot.ts'

/** What `useAuth()` returns: the snapshot, the flags apps branch on, and the client's commands. */
export interface UseAuthResult {
  /** The whole snapshot, for what the flags below do not cover (`reason`, `session`...). */
  readonly snapshot: AuthSnapshot
  /** `snapshot.status`: `loading`, `signedOut`, `signedIn` or `error`. */
  readonly status: AuthSnapshot['status']
  /** The session is being restored: render a placeholder, not a "sign in" button. */
  readonly isLoading: boolean
  /** Someone is signed in (the same as `isSignedIn`, under auth0-react's name). */
  readonly isAuthenticated: boolean
  /** Someone is signed in: `status` is `signedIn`. */
  readonly isSignedIn: boolean
  /** Claims of the signed-in user, when `openid` was requested. */
  readonly user: UserClaims | undefined
  /**
   * What last went wrong, while signed in or instead of a session (status `error`); undefined when
   * signed out, even where `snapshot.error` says why (a refused renewal, a failed logout).
   */
  readonly error: AuthError | undefined
  /** An SCA challenge or step-up waiting for the user. */
  readonly challenge: PendingChallenge | undefined
  /** Sends the user to sign in (`auth.login`); a second call while one is being prepared joins it. */
  readonly login: AuthClient['login']
  /** Signs in in a popup and resolves once signed in; needs a navigator that can (`popupNavigator()`). */
  readonly loginWithPopup: AuthClient['loginWithPopup']
  /** Signs out in every tab and at the server (`auth.logout`). */
  readonly logout: AuthClient['logout']
  /** A valid access token, refreshed first if it is about to expire. */
  readonly getAccessToken: AuthClient['getAccessToken']
  /** Takes `error` away once the app has shown it; the session stays as it is. */
  readonly clearError: AuthClient['clearError']
  /** Signs in again as the pending step-up asks. */
  readonly stepUp: AuthClient['stepUp']
}

/**
 * The session as the core sees it, re-rendering on every change, with the client's commands.
 * Throws a clear error outside `<AuthProvider>`. On the server it reports `isLoading`.
 *
 * @example
 * function Account() {
 *   const { isLoading, isAuthenticated, user, error, login, logout, clearError } = useAuth()
 *   if (isLoading) return <Spinner />
 *   if (error) return <p role="alert">{error.code} <button onClick={clearError}>OK</button></p>
 *   if (!isAuthenticated) return <button onClick={() => login()}>Sign in</button>
 *   return <button onClick={() => logout()}>Sign out {user?.name}</button>
 * }
 */
export function useAuth(): UseAuthResult {
  const client = useAuthClient()
  const snapshot = useAuthSnapshot()
  const isSignedIn = snapshot.status === 'signedIn'
  return {
    snapshot,
    status: snapshot.status,
    isLoading: snapshot.status === 'loading',
    isAuthenticated: isSignedIn,
    isSignedIn,
    user: snapshot.status === 'signedIn' ? snapshot.session.user : undefined,
    error: snapshot.status === 'signedIn' || snapshot.status === 'error' ? snapshot.error : undefined,
    challenge: snapshot.status === 'signedIn' ? snapshot.challenge : undefined,
    login: client.login,
    loginWithPopup: client.loginWithPopup,
    logout: client.logout,
    getAccessToken: client.getAccessToken,
    clearError: client.clearError,
    stepUp: client.stepUp,
  }
}
