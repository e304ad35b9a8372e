import * as oauth from 'oauth4webapi'
import { AuthError, AuthErrorCode as Code, OAuthResponseError } from './errors.ts'

/**
 * Turns whatever a step threw into an `AuthError`. `fallback` is the code when the error is not
 * more specific (a malformed response during discovery is a discovery failure).
 */
export function toAuthError(error: unknown, fallback: Code, message: string): AuthError {
  if (error instanceof AuthError) return error
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AuthError(Code.Aborted, `${message}: aborted`, { cause: error })
  }
  if (error instanceof oauth.ResponseBodyError) {
    return new OAuthResponseError(
      Code.TokenError,
      {
        error: error.error,
        errorDescription: error.error_description,
        errorUri: stringOrUndefined(error.cause.error_uri),
        status: error.status,
      },
      { cause: error },
    )
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new OAuthResponseError(
      Code.AuthorizationError,
      {
        error: error.error,
        errorDescription: error.error_description,
        errorUri: error.cause.get('error_uri') ?? undefined,
      },
      { cause: error },
    )
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    const code =
      fallback === Code.DiscoveryFailed
        ? fallback
        : isIdTokenFailure(error)
          ? Code.IdTokenInvalid
          : Code.InvalidResponse
    return new AuthError(code, `${message}: ${error.message}`, { cause: error })
  }
  return new AuthError(fallback, `${message}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  })
}

const idTokenCodes = new Set<string>([oauth.JWT_TIMESTAMP_CHECK, oauth.JWT_CLAIM_COMPARISON, oauth.KEY_SELECTION])

function isIdTokenFailure(error: oauth.OperationProcessingError | oauth.UnsupportedOperationError): boolean {
  return (error.code !== undefined && idTokenCodes.has(error.code)) || /id_token|ID Token|JWT/i.test(error.message)
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
