import type { ProviderToken } from './providerToken.ts'
import { tokenCache } from './tokenCache.ts'
import type { TokenSourceDeps } from './tokenSourceOptions.ts'
import { withRetries } from './withRetries.ts'

/** A server-side supply of one provider's access tokens: cached, renewed early, one request at a time. */
export interface TokenSource<Token extends ProviderToken> {
  /** A valid token, from the cache unless it is stale; concurrent callers share one request. */
  getToken(): Promise<Token>
  /** `(await getToken()).accessToken`, for an `Authorization: Bearer` header. */
  getAccessToken(): Promise<string>
  /** Forgets the cached token, e.g. after the provider's API refused it with 401. */
  invalidate(): void
}

/** Wraps one token request (`requestToken`) in the retries, the cache and the single flight; `initial` seeds the cache. */
export function cachedTokenSource<Token extends ProviderToken>(
  label: string,
  requestToken: () => Promise<Token>,
  deps: TokenSourceDeps,
  initial?: Token,
): TokenSource<Token> {
  const cache = tokenCache({
    ...(initial ? { initial } : {}),
    renew: () => withRetries(requestToken, deps),
    now: deps.now,
    onBackgroundFailure: (error) =>
      deps.logger.warn(`payauth: renewing the ${label} token failed (${error.code}); the cached one is still valid`),
  })
  return {
    getToken: () => cache.get(),
    getAccessToken: async () => (await cache.get()).accessToken,
    invalidate: () => cache.clear(),
  }
}
