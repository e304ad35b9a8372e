import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy.ts'

/** The subset of `fetch` a token source uses. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

/** Where a token source's warnings go (`console` by default). Nothing secret is ever passed to it. */
export interface ServerLogger {
  /**
   * One line of text: a background renewal that failed while the cached token was still valid, the
   * password grant in use, an SCA route failure. It never holds a secret, a token or a credential.
   */
  warn(message: string): void
}

/** Seams and tuning every token source accepts; the defaults suit production. */
export interface TokenSourceOptions {
  /** Sends the token requests, client secret included; default the global `fetch`. */
  readonly fetch?: FetchLike
  /** The clock, in epoch milliseconds. Default: `Date.now`. */
  readonly now?: () => number
  /** How long one token request may take before it is abandoned (and retried). Default: 10 000 ms. */
  readonly timeoutMs?: number
  /** How transient failures are retried; see {@link RetryPolicy}. Fields left out keep {@link defaultRetryPolicy}'s values. */
  readonly retry?: Partial<RetryPolicy>
  /** Waits between retries. Default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>
  /** Jitter source in [0, 1). Default: `Math.random`. */
  readonly random?: () => number
  /** Where warnings go; default `console`. */
  readonly logger?: ServerLogger
}

/** The resolved seams a token source's modules share. */
export interface TokenSourceDeps {
  readonly fetch: FetchLike
  readonly now: () => number
  readonly timeoutMs: number
  readonly retry: RetryPolicy
  readonly sleep: (ms: number) => Promise<void>
  readonly random: () => number
  readonly logger: ServerLogger
  /** Values that must never leave the source: blanked out of anything the provider echoes. */
  readonly secrets: readonly string[]
}

/** Fills in the defaults of {@link TokenSourceOptions}. */
export function tokenSourceDeps(options: TokenSourceOptions, secrets: readonly string[]): TokenSourceDeps {
  return {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? Date.now,
    timeoutMs: options.timeoutMs ?? 10_000,
    retry: { ...defaultRetryPolicy, ...options.retry },
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    logger: options.logger ?? console,
    secrets: secrets.filter((secret) => secret.length > 0),
  }
}
