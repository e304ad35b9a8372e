/** Clock skew and request time allowed for, unless the token lives only seconds. */
const minimumLeewayMs = 5_000
const maximumLeewayMs = 60_000

/**
 * When a token should no longer be handed out: payauth's staleness rule, copied from `staleAt` in
 * packages/core/src/session/expiry.ts so the server renews exactly when the browser SDK would.
 * A tenth of the lifetime before expiry, at least five seconds (a quarter of the lifetime for
 * tokens shorter than 20 s) and at most a minute: a 5-minute PicPay token is replaced 30 s early,
 * an hour-long getpaid token a minute early.
 */
export function staleAt(token: { readonly issuedAt: number; readonly expiresAt: number }): number {
  const lifetime = Math.max(0, token.expiresAt - token.issuedAt)
  const floor = Math.min(minimumLeewayMs, lifetime / 4)
  const leeway = Math.min(maximumLeewayMs, Math.max(floor, lifetime / 10))
  return token.expiresAt - leeway
}
