import type { Intent } from '../tokenSet.ts'

/**
 * A sign-in that left for the authorization server and has not come back yet. Kept in the token
 * store (IndexedDB), never in sessionStorage, keyed by its `state` so sign-ins started in several
 * tabs do not overwrite each other.
 */
export interface LoginTransaction {
  readonly state: string
  readonly responseType: 'code' | 'token'
  /** Undefined for the implicit flow. */
  readonly codeVerifier: string | undefined
  readonly nonce: string | undefined
  readonly redirectUri: string
  readonly scope: readonly string[]
  /** The intent this sign-in authorizes, for intent-based providers. */
  readonly intent: Intent | undefined
  /** App path to go back to after sign-in. */
  readonly returnTo: string
  /** The authentication classes asked for (`acr_values`, e.g. by a step-up); the ID token must show one. */
  readonly acrValues?: readonly string[] | undefined
  /** The sign-in must be at most this many seconds old (`max_age`); the ID token's `auth_time` must show it. */
  readonly maxAge?: number | undefined
  /** The app's data to hand back after the callback. */
  readonly appState?: unknown
  /** Started in a popup or a native auth session: another window's callback page relays it. */
  readonly popup?: boolean | undefined
  readonly createdAt: number
  readonly expiresAt: number
  /**
   * Set once the callback has been taken; the record stays until it expires so that a replayed
   * callback URL is told apart from a forged one.
   */
  readonly usedAt?: number
}

/** Long enough for a user to type a password and pass 2FA, short enough to limit a stolen verifier's use. */
export const loginTransactionLifetimeMs = 10 * 60 * 1000
