import type { AuthError } from '@payauth/core'
import { describeAuthError, isCalmError } from './describeAuthError.ts'

/**
 * An error of a payauth client, said plainly: an alert when something went wrong, a quiet status
 * line when the user simply stopped (closed the sign-in window).
 */
export function AuthErrorMessage({ error, server }: { readonly error: AuthError; readonly server?: string }) {
  return isCalmError(error) ? (
    <p className="notice" role="status" data-testid="auth-notice">
      {describeAuthError(error, server)}
    </p>
  ) : (
    <p className="error" role="alert">
      {describeAuthError(error, server)}
    </p>
  )
}
