import type { TokenSet } from '../tokenSet.ts'

/** Clock skew and request time we allow for, unless the token lives only seconds. */
const minimumLeewayMs = 5_000
const maximumLeewayMs = 60_000

/**
 * When a token should no longer be handed out: a tenth of its lifetime before expiry, at least
 * five seconds (a quarter of the lifetime for tokens shorter than 20 s) and at most a minute.
 * A 5-minute PicPay token is replaced 30 s early, an hour-long one a minute early.
 */
export function staleAt(tokens: Pick<TokenSet, 'issuedAt' | 'expiresAt'>): number {
  const lifetime = Math.max(0, tokens.expiresAt - tokens.issuedAt)
  const floor = Math.min(minimumLeewayMs, lifetime / 4)
  const leeway = Math.min(maximumLeewayMs, Math.max(floor, lifetime / 10))
  return tokens.expiresAt - leeway
}

export function isFresh(tokens: Pick<TokenSet, 'issuedAt' | 'expiresAt'>, now: number): boolean {
  return now < staleAt(tokens)
}
