import * as oauth from 'oauth4webapi'
import { AuthError, type AuthErrorCode as Code, isAuthError, OAuthResponseError } from './errors.ts'
import { retryAfterSeconds } from './oauth/serverError.ts'

/**
 * Turns whatever a step threw into an `AuthError`. `fallback` is the code when the error is not
 * more specific (a malformed response during discovery is a discovery failure).
 *
 * oauth4webapi's errors hold what they were given: a rejected token response's whole body
 * (tokens included), an authorization response's parameters (the code). An `AuthError` keeps only
 * what the library error was, never what it held, so no token reaches a snapshot or a log.
 */
export function toAuthError(error: unknown, fallback: Code, message: string): AuthError {
  // Also another copy's (an adapter on its own copy of core): its code must survive.
  if (isAuthError(error)) return error
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AuthError('aborted', `${message}: aborted`, { cause: error })
  }
  if (error instanceof oauth.ResponseBodyError) {
    return new OAuthResponseError(
      'token_error',
      {
        error: error.error,
        errorDescription: error.error_description,
        errorUri: stringOrUndefined(error.cause.error_uri),
        status: error.status,
      },
      { cause: summary(error), retryAfter: retryAfterSeconds(error.response) },
    )
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new OAuthResponseError(
      'authorization_error',
      {
        error: error.error,
        errorDescription: error.error_description,
        errorUri: error.cause.get('error_uri') ?? undefined,
      },
      { cause: summary(error) },
    )
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    const code =
      fallback === 'discovery_failed' ? fallback : isIdTokenFailure(error) ? 'id_token_invalid' : 'invalid_response'
    return new AuthError(code, `${message}: ${error.message}`, { cause: summary(error) })
  }
  return new AuthError(fallback, `${message}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  })
}

/** What a library error was, without the response body or parameters it carries. */
function summary(error: Error & { readonly code?: string | undefined }) {
  return { name: error.name, code: error.code, message: error.message }
}

const idTokenCodes = new Set<string>([oauth.JWT_TIMESTAMP_CHECK, oauth.JWT_CLAIM_COMPARISON, oauth.KEY_SELECTION])

/** Case-sensitive: oauth4webapi writes `JWT` and `ID Token` so, and a JARM message's `validateJwtAuthResponse` is no ID token's. */
function isIdTokenFailure(error: oauth.OperationProcessingError | oauth.UnsupportedOperationError): boolean {
  return (error.code !== undefined && idTokenCodes.has(error.code)) || /id_token|ID Token|JWT/.test(error.message)
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
