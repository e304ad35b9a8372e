import { AuthError, AuthErrorCode, OAuthResponseError } from '../errors.ts'

/** Failures that say nothing about the tokens: keep the session and try again later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof OAuthResponseError) {
    return (error.status ?? 0) >= 500 || error.error === 'temporarily_unavailable' || error.error === 'server_error'
  }
  return (
    error instanceof AuthError &&
    (error.code === AuthErrorCode.NetworkError || error.code === AuthErrorCode.ServerError)
  )
}
