import type { TokenSet } from '../tokenSet.ts'

/**
 * Where a session's tokens are renewed. The session engine decides when (stale, rejected,
 * woken); a source decides how: straight at the authorization server with the refresh token, or
 * through the app's backend, which keeps the refresh token itself.
 */
export interface TokenSource {
  /** Whether `tokens` can still be renewed; when not, the session ends at `expiresAt`. */
  renewable(tokens: TokenSet, now: number): boolean
  /**
   * New tokens for the session. Rejects with an `OAuthResponseError` whose `error` is
   * `invalid_grant` when the grant is refused (the session is over); any other failure keeps the
   * session, which is renewed later.
   */
  renew(tokens: TokenSet): Promise<TokenSet>
  /** Best effort: tells the server that tokens nobody will use are dead (e.g. a refresh lost to a logout). */
  discard(tokens: TokenSet): Promise<void>
  /** A session the source holds without the store (a backend's cookie session); undefined when none. */
  restore?(): Promise<TokenSet | undefined>
  /**
   * True when the source's session may have replaced the stored one (this page went to the
   * backend for a new sign-in): `restore()` is then asked before the store, and its answer stored.
   */
  restoreFirst?(): boolean
}
