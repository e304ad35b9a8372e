import type { AuthClient, AuthError, AuthSnapshot, PendingChallenge, UserClaims } from '@payauth/core'
import { useAuthClient } from './authContext.ts'
import { useAuthSnapshot } from './useAuthSnapshot.ts'

export interface UseAuthResult {
  readonly snapshot: AuthSnapshot
  readonly status: AuthSnapshot['status']
  readonly isSignedIn: boolean
  /** Claims of the signed-in user, when `openid` was requested. */
  readonly user: UserClaims | undefined
  /** What last went wrong, while signed in or instead of a session. */
  readonly error: AuthError | undefined
  /** An SCA challenge or step-up waiting for the user. */
  readonly challenge: PendingChallenge | undefined
  readonly login: AuthClient['login']
  readonly logout: AuthClient['logout']
  /** Signs in again as the pending step-up asks. */
  readonly stepUp: AuthClient['stepUp']
}

/** The session as the core sees it, re-rendering on every change. */
export function useAuth(): UseAuthResult {
  const client = useAuthClient()
  const snapshot = useAuthSnapshot()
  return {
    snapshot,
    status: snapshot.status,
    isSignedIn: snapshot.status === 'signedIn',
    user: snapshot.status === 'signedIn' ? snapshot.session.user : undefined,
    error: snapshot.status === 'signedIn' || snapshot.status === 'error' ? snapshot.error : undefined,
    challenge: snapshot.status === 'signedIn' ? snapshot.challenge : undefined,
    login: client.login,
    logout: client.logout,
    stepUp: client.stepUp,
  }
}
