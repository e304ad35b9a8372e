import * as oauth from 'oauth4webapi'
import { AuthError, type AuthErrorCode, AuthErrorCode as Code, oauthResponseError } from '../errors.ts'

/**
 * Turns whatever a protocol step threw into an `AuthError`. `fallback` names what failed when the
 * error is not more specific (a malformed response during discovery is a discovery failure).
 */
export function toAuthError(error: unknown, fallback: AuthErrorCode, message: string): AuthError {
  if (error instanceof AuthError) return error
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AuthError(Code.Aborted, `${message}: aborted by the caller`, { cause: error })
  }
  if (error instanceof oauth.ResponseBodyError) {
    return oauthResponseError(
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
    return oauthResponseError(
      Code.AuthorizationError,
      {
        error: error.error,
        errorDescription: error.error_description,
        errorUri: error.cause.get('error_uri') ?? undefined,
      },
      { cause: error },
    )
  }
  if (error instanceof oauth.OperationProcessingError && isIdTokenFailure(error)) {
    return new AuthError(Code.IdTokenInvalid, `The ID token is not valid: ${error.message}`, { cause: error })
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    return new AuthError(
      fallback === Code.DiscoveryFailed ? fallback : Code.InvalidResponse,
      `${message}: ${error.message}`,
      {
        cause: error,
      },
    )
  }
  return new AuthError(fallback, `${message}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  })
}

const idTokenCodes = new Set<string>([oauth.JWT_TIMESTAMP_CHECK, oauth.JWT_CLAIM_COMPARISON, oauth.KEY_SELECTION])

function isIdTokenFailure(error: oauth.OperationProcessingError): boolean {
  return (error.code !== undefined && idTokenCodes.has(error.code)) || /id_token|ID Token|JWT/i.test(error.message)
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
