import { ServerErrorCode } from '../errors.ts'
import { ProviderTokenError } from './providerTokenError.ts'
import { redactSecrets } from './redactSecrets.ts'
import { parseRetryAfter } from './retryPolicy.ts'
import type { TokenSourceDeps } from './tokenSourceOptions.ts'
import { TransientTokenFailure } from './transientTokenFailure.ts'

const retryableStatuses = new Set([408, 429])

/**
 * Sends one token request with a timeout and sorts the outcome: a 2xx response is returned for
 * the caller to read; no answer, 408, 429 and 5xx throw a `TransientTokenFailure` (retried by the
 * caller); any other status throws a `ProviderTokenError` with the provider's `error`.
 */
export async function sendTokenRequest(
  label: string,
  url: string,
  init: RequestInit,
  deps: Pick<TokenSourceDeps, 'fetch' | 'timeoutMs' | 'now' | 'secrets'>,
): Promise<Response> {
  const timeout = AbortSignal.timeout(deps.timeoutMs)
  let response: Response
  try {
    response = await deps.fetch(url, {
      ...init,
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    })
  } catch (error) {
    if (timeout.aborted) {
      throw new TransientTokenFailure('timeout', `${label}: the token request timed out after ${deps.timeoutMs} ms`, {
        cause: error,
      })
    }
    throw new TransientTokenFailure('network', `${label}: the token endpoint could not be reached`, { cause: error })
  }
  if (response.ok) return response
  const { error, errorDescription } = await readOAuthError(response, deps.secrets)
  const said = error ? ` ${error}${errorDescription ? ` (${errorDescription})` : ''}` : ''
  if (response.status >= 500 || retryableStatuses.has(response.status)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.now())
    throw new TransientTokenFailure('status', `${label}: the token endpoint answered ${response.status}${said}`, {
      cause: { status: response.status, error, errorDescription },
      status: response.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(error !== undefined ? { error } : {}),
      ...(errorDescription !== undefined ? { errorDescription } : {}),
    })
  }
  throw new ProviderTokenError(
    ServerErrorCode.TokenError,
    `${label}: the token request was refused with ${response.status}${said}`,
    { status: response.status, error, errorDescription },
  )
}

/** The OAuth error fields of an error answer, if its body is one; the body is read either way. */
async function readOAuthError(
  response: Response,
  secrets: readonly string[],
): Promise<{ error: string | undefined; errorDescription: string | undefined }> {
  try {
    const body = (await response.json()) as { error?: unknown; error_description?: unknown }
    return {
      error: typeof body.error === 'string' ? redactSecrets(body.error, secrets) : undefined,
      errorDescription:
        typeof body.error_description === 'string' ? redactSecrets(body.error_description, secrets) : undefined,
    }
  } catch {
    return { error: undefined, errorDescription: undefined }
  }
}
