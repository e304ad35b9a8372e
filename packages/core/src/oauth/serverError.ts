import { AuthError } from '../errors.ts'

/** Statuses that say "not now" rather than "no": outages, rate limits, timeouts. */
const retryLater = new Set([408, 429, 500, 502, 503, 504])

/**
 * An answer without an OAuth error body that says "try later" (a 5xx page, a 429 or 408 from a
 * gateway) is not a verdict on the tokens: report it as `server_error`, with the server's
 * `Retry-After`, so callers keep the session and retry.
 */
export function throwIfServerError(response: Response): void {
  if (response.status < 500 && !retryLater.has(response.status)) return
  const type = response.headers.get('content-type') ?? ''
  // A 4xx JSON body is an OAuth error to read; a 5xx one never is (RFC 6749 §5.2 errors are 400s
  // and 401s), so it is an outage, whose Retry-After must not be lost.
  if (type.includes('json') && response.status < 500) return
  throw new AuthError('server_error', `The server answered ${response.status}`, {
    cause: { status: response.status, url: response.url },
    retryAfter: retryAfterSeconds(response),
  })
}

/** `Retry-After` in seconds, from delta-seconds or an HTTP date; undefined when absent or malformed. */
export function retryAfterSeconds(response: Response, now = Date.now()): number | undefined {
  const value = response.headers.get('retry-after')?.trim()
  if (!value) return undefined
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000
  // A day at most: a hostile or broken header must not park the session for good.
  return Number.isFinite(seconds) ? Math.min(Math.max(0, Math.ceil(seconds)), 86_400) : undefined
}
