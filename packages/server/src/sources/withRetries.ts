import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import { ProviderTokenError } from './providerTokenError.ts'
import { backoffDelay } from './retryPolicy.ts'
import type { TokenSourceDeps } from './tokenSourceOptions.ts'
import { TransientTokenFailure } from './transientTokenFailure.ts'

/**
 * Runs `attempt` until it succeeds, fails for good, or the policy's attempts run out. Transient
 * failures wait for `Retry-After` when the provider sent one, else for an exponential backoff
 * with jitter; the last one becomes a `ServerAuthError` (`NetworkError` or `ServerError`).
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  deps: Pick<TokenSourceDeps, 'retry' | 'sleep' | 'random'>,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof TransientTokenFailure)) throw error
      const { retryAfterMs } = error.details
      const waitedTooLong = retryAfterMs !== undefined && retryAfterMs > deps.retry.maxRetryAfterMs
      if (attemptNumber >= deps.retry.maxAttempts || waitedTooLong) throw finalError(error, attemptNumber)
      await deps.sleep(retryAfterMs ?? backoffDelay(attemptNumber - 1, deps.retry, deps.random))
    }
  }
}

function finalError(failure: TransientTokenFailure, attempts: number): ServerAuthError {
  const message = `${failure.message} (${attempts} attempt${attempts === 1 ? '' : 's'})`
  if (failure.kind !== 'status') return new ServerAuthError(ServerErrorCode.NetworkError, message, { cause: failure })
  return new ProviderTokenError(ServerErrorCode.ServerError, message, {
    status: failure.details.status ?? 0,
    error: failure.details.error,
    errorDescription: failure.details.errorDescription,
  })
}
