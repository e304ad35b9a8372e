// The contract between the runner (Node, through Playwright) and each library's test page.

/** What the page server puts in every page, so one bundle serves each origin. */
export interface PageConfig {
  readonly issuer: string
  readonly clientId: string
  readonly redirectUri: string
  /** Where the session is kept, for libraries that offer a choice (oidc-client-ts's `userStore`). */
  readonly userStore: 'localStorage' | 'sessionStorage'
}

/** Each library's page implements these with the library's own documented calls. */
export interface LibraryUnderTest {
  /** Starts a redirect sign-in; the page navigates away. */
  login(): Promise<void>
  /** On `/callback`: completes the sign-in. */
  completeCallback(): Promise<void>
  /** Restores the session in a newly opened tab; false when this tab has none. */
  restore(): Promise<boolean>
  /** A token for an API call, got the way the library tells apps to get one. */
  accessToken(): Promise<string>
  /** Epoch milliseconds when the tab's current access token expires. */
  expiresAt(): Promise<number | undefined>
}

export interface BurstResult {
  /** The token each successful caller got. */
  readonly tokens: readonly string[]
  /** Distinct messages of the callers that got none. */
  readonly errors: readonly string[]
  readonly failures: number
}

export interface BenchApi extends LibraryUnderTest {
  /** Waits for the tab's current token to expire, then has `callers` ask for a token at once. */
  burstAtExpiry(callers: number): Promise<BurstResult>
  /** `accessToken()` calls per second on a valid cached token, after a warm-up. */
  readsPerSecond(warmUpMs: number, measureMs: number): Promise<number>
}

/**
 * What the callback page logs to the console once `window.benchCallback` is set. The runner
 * listens for it rather than polling the page, as polling would run Playwright's injected script
 * in the page while the sign-in is being timed.
 */
export const callbackDoneMessage = 'bench: callback done'

/** Set on `/callback` once the sign-in completed (or failed). */
export interface CallbackTiming {
  /** `performance.now()` when signed in: milliseconds since the callback navigation started. */
  readonly signedInMs: number
  /** When the browser began to fetch the callback page itself, after the authorization server's redirects. */
  readonly fetchStartMs: number
  readonly error?: string
}

declare global {
  interface Window {
    bench?: BenchApi
    benchCallback?: CallbackTiming
  }
  var benchConfig: PageConfig
}
