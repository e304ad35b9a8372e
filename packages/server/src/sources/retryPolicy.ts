/** How a token source retries a request that failed transiently (no answer, 408, 429, 5xx). */
export interface RetryPolicy {
  /** Requests in all, the first included. */
  readonly maxAttempts: number
  /** The first backoff; each retry doubles it, with jitter. */
  readonly baseDelayMs: number
  /** The longest backoff between two attempts. */
  readonly maxDelayMs: number
  /** A `Retry-After` longer than this ends the retries at once rather than wait. */
  readonly maxRetryAfterMs: number
}

/** Four attempts, backing off up to 0.5 s, 1 s and 2 s (jittered in the upper half); a `Retry-After` over a minute is not waited for. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
}

/**
 * Exponential backoff with "equal jitter": half the doubled delay for sure, the other half at
 * random, so many servers restarting at once do not retry in lockstep, yet every wait grows.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry)
  return ceiling / 2 + (random() * ceiling) / 2
}

/** `Retry-After` (RFC 9110 §10.2.3) in milliseconds: delay-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
