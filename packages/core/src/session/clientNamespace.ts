/**
 * Every name one client uses in shared browser state: storage keys, lock names, the channel.
 * Scoped by issuer and client id, so two apps or two issuers on one origin never share a session.
 */
export interface ClientNamespace {
  readonly sessionKey: string
  readonly dpopKey: string
  /** Until when the server asked every tab to wait before the next renewal (its Retry-After). */
  readonly renewalPauseKey: string
  /** A sign-out the app's backend has not heard yet (`backend()`): sent again before any restore. */
  readonly pendingLogoutKey: string
  /** Marks, in one tab's `sessionStorage`, that it left for a sign-in at the backend. */
  readonly pendingSignInKey: string
  readonly loginPrefix: string
  loginKey(state: string): string
  /** Held around a refresh, so one tab at a time presents the refresh token. */
  readonly refreshLock: string
  /** Held while a callback claims its sign-in, so one tab completes it. */
  callbackLock(state: string): string
  /** Held while the DPoP key is read or made, so two tabs never make two. */
  readonly dpopLock: string
  readonly channel: string
}

export function clientNamespace(issuer: string, clientId: string): ClientNamespace {
  const base = `payauth:${issuer}:${clientId}`
  const loginPrefix = `${base}:login:`
  const refreshLock = `payauth:refresh:${issuer}:${clientId}`
  return {
    sessionKey: `${base}:session`,
    dpopKey: `${base}:dpopKey`,
    renewalPauseKey: `${base}:renewalPause`,
    pendingLogoutKey: `${base}:pendingLogout`,
    pendingSignInKey: `${base}:pendingSignIn`,
    loginPrefix,
    loginKey: (state) => loginPrefix + state,
    refreshLock,
    callbackLock: (state) => `${refreshLock}:callback:${state}`,
    dpopLock: `${refreshLock}:dpop-key`,
    channel: base,
  }
}
