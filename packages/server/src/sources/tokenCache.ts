import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import type { ProviderToken } from './providerToken.ts'
import { staleAt } from './staleAt.ts'

/** What a {@link tokenCache} needs: how to renew, the clock, and where background failures go. */
export interface TokenCacheDeps<Token extends ProviderToken> {
  /** Gets a new token from the provider, retries included. */
  readonly renew: () => Promise<Token>
  readonly now: () => number
  /** A renewal failed while the cached token was still valid: it keeps being handed out. */
  readonly onBackgroundFailure: (error: ServerAuthError) => void
  /** A token already in hand (say from a token exchange), served until it is stale. */
  readonly initial?: Token
}

/** One token, kept until stale, renewed by one request however many callers ask at once. */
export interface TokenCache<Token extends ProviderToken> {
  get(): Promise<Token>
  /** Forgets the token (say the API refused it): the next `get()` asks the provider. */
  clear(): void
}

/**
 * Caches a token and renews it early (see `staleAt`). A stale but unexpired token is still
 * handed out at once while a single renewal runs in the background, retries and all; only when
 * there is no valid token do callers wait, all of them for the same request.
 */
export function tokenCache<Token extends ProviderToken>(deps: TokenCacheDeps<Token>): TokenCache<Token> {
  let current: Token | undefined = deps.initial
  let renewal: Promise<Token> | undefined

  function startRenewal(): Promise<Token> {
    if (renewal) return renewal
    const started = deps.renew().then(
      (token) => {
        current = token
        return token
      },
      (error: unknown) => {
        const failure = asServerAuthError(error)
        if (current && deps.now() < current.expiresAt) deps.onBackgroundFailure(failure)
        throw failure
      },
    )
    renewal = started.finally(() => {
      renewal = undefined
    })
    // Background renewals may have no one awaiting them; their failure is reported above.
    renewal.catch(() => {})
    return renewal
  }

  return {
    async get() {
      const now = deps.now()
      if (current && now < staleAt(current)) return current
      const pending = startRenewal()
      if (current && now < current.expiresAt) return current
      return pending
    },
    clear() {
      current = undefined
    },
  }
}

function asServerAuthError(error: unknown): ServerAuthError {
  return error instanceof ServerAuthError
    ? error
    : new ServerAuthError(ServerErrorCode.InvalidResponse, 'The token source failed unexpectedly', { cause: error })
}
