/**
 * How a token source retries a request that failed transiently (no answer, 408, 429, 5xx). Other
 * refusals (4xx) are never retried.
 */
export interface RetryPolicy {
  /** Requests in all, the first included; 1 turns retries off. */
  readonly maxAttempts: number
  /**
   * The first backoff's ceiling, in milliseconds; each retry doubles it, and each wait is drawn
   * between half the ceiling and the ceiling. A `Retry-After` from the provider is waited for instead.
   */
  readonly baseDelayMs: number
  /** The cap on that ceiling, in milliseconds; it does not cap a `Retry-After`. */
  readonly maxDelayMs: number
  /**
   * The longest `Retry-After` waited for, in milliseconds; a longer one ends the retries at once
   * rather than wait.
   *
   * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
   */
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
