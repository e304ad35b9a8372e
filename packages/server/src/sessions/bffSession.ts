/** The intent a session was granted for, on providers that authorize intents (oauth20). */
export interface SessionIntent {
  /** The intent's id at the provider, as its intents endpoint answered. */
  readonly id: string
  /** The intent's type as the provider created it: `payments`, `rewards`, `redemptions`, `accounts` or `customers`. */
  readonly type: string
}

/**
 * One signed-in browser, as the BFF keeps it: the tokens stay on the server side (inside an
 * encrypted cookie or a server-side store) and never reach the SPA except the access token, and
 * that only in token-mediating mode. Times are epoch milliseconds.
 */
export interface BffSession {
  /** Random and unguessable; names the session in locks and server-side stores. */
  readonly id: string
  /** Grows by one at each refresh, so a request holding an older copy knows it is behind. */
  readonly version: number
  /** The provider's current access token; it reaches the SPA only through the access-token route. */
  readonly accessToken: string
  /** When the current access token was granted. */
  readonly accessTokenIssuedAt: number
  /** When the current access token stops working. */
  readonly accessTokenExpiresAt: number
  /**
   * The provider's refresh token, the newest after rotation; never leaves the BFF. Undefined when the
   * provider granted none: the access token then cannot be renewed once it is stale.
   */
  readonly refreshToken?: string
  /** Granted scopes. */
  readonly scope: readonly string[]
  /** Claims about the user from the validated ID token, without the token's own bookkeeping. */
  readonly claims: Readonly<Record<string, unknown>>
  /** The intent the sign-in authorized; undefined on providers without intents. */
  readonly intent?: SessionIntent
  /** When the sign-in completed; refreshes do not change it. */
  readonly createdAt: number
  /** The session ends here at the latest, however often it is refreshed: `createdAt` + `sessionMaxAge`. */
  readonly expiresAt: number
}

/** Clock skew and request time allowed for, unless the token lives only seconds. */
const minimumLeewayMs = 5_000
const maximumLeewayMs = 60_000

/**
 * When the session's access token should no longer be handed out: a tenth of its lifetime before
 * expiry, at least five seconds (a quarter of the lifetime for very short tokens), at most a
 * minute. The same rule as @payauth/core's, so browser and BFF agree on "stale".
 */
export function accessTokenStaleAt(session: Pick<BffSession, 'accessTokenIssuedAt' | 'accessTokenExpiresAt'>): number {
  const lifetime = Math.max(0, session.accessTokenExpiresAt - session.accessTokenIssuedAt)
  const floor = Math.min(minimumLeewayMs, lifetime / 4)
  const leeway = Math.min(maximumLeewayMs, Math.max(floor, lifetime / 10))
  return session.accessTokenExpiresAt - leeway
}

/** Whether the access token must be refreshed before it is used or handed out. */
export function needsRefresh(
  session: Pick<BffSession, 'accessTokenIssuedAt' | 'accessTokenExpiresAt'>,
  now: number,
): boolean {
  return now >= accessTokenStaleAt(session)
}
