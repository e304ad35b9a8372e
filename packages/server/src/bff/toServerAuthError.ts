import * as client from 'openid-client'
import { ServerAuthError, ServerErrorCode, ServerOAuthError } from '../errors.ts'

/**
 * Turns whatever a provider call threw into a `ServerAuthError`. The cause is rebuilt from the
 * error's name, code and HTTP status only: openid-client's own errors may carry a whole token
 * response in their `cause`, and none of that may reach a log line or a JSON answer.
 *
 * @param step what the BFF was doing, for the message: `code exchange`, `refresh`...
 */
export function toServerAuthError(error: unknown, step: string): ServerAuthError {
  if (error instanceof ServerAuthError) return error
  if (error instanceof client.ResponseBodyError) {
    return new ServerOAuthError(
      error.status >= 500 ? ServerErrorCode.ServerError : ServerErrorCode.TokenError,
      `The provider refused the ${step}: ${error.error}`,
      {
        error: error.error,
        errorDescription: error.error_description,
        cause: { name: error.name, status: error.status, error: error.error },
      },
    )
  }
  if (error instanceof client.AuthorizationResponseError) {
    return new ServerOAuthError(
      ServerErrorCode.AuthorizationFailed,
      `The provider refused the sign-in: ${error.error}`,
      {
        error: error.error,
        errorDescription: error.error_description,
        cause: { name: error.name, error: error.error },
      },
    )
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    // A failed HTTP Basic authentication answers 401 with the OAuth error in a challenge.
    const oauthError = error.cause.find((challenge) => challenge.parameters.error)?.parameters.error ?? 'invalid_client'
    return new ServerOAuthError(ServerErrorCode.TokenError, `The provider refused the ${step}: ${oauthError}`, {
      error: oauthError,
      cause: { name: error.name, status: error.status, error: oauthError },
    })
  }
  if (error instanceof client.ClientError) {
    const status = (error as { status?: unknown }).status
    const failedServer = error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && typeof status === 'number' && status >= 500
    return new ServerAuthError(
      failedServer ? ServerErrorCode.ServerError : ServerErrorCode.InvalidResponse,
      // openid-client's messages describe the check that failed and never quote the values checked.
      `The ${step} failed: ${error.message}`,
      { cause: { name: error.name, code: error.code } },
    )
  }
  if (isNetworkFailure(error)) {
    const code = ((error as Error).cause as { code?: unknown } | undefined)?.code
    return new ServerAuthError(ServerErrorCode.NetworkError, `The provider could not be reached for the ${step}`, {
      cause: { name: (error as Error).name, ...(typeof code === 'string' ? { code } : {}) },
    })
  }
  return new ServerAuthError(ServerErrorCode.ServerError, `The ${step} failed unexpectedly`, {
    cause: { name: error instanceof Error ? error.name : typeof error },
  })
}

/** fetch's TypeError('fetch failed') and aborted or timed-out requests. */
function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return (
    (error.name === 'TypeError' && error.message === 'fetch failed') ||
    error.name === 'AbortError' ||
    error.name === 'TimeoutError'
  )
}
