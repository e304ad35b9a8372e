import { type AuthError, AuthErrorCode, OAuthResponseError } from '@payauth/core'
import { IntentError } from '@payauth/core/oauth20'

/** What to tell a person, by the error's stable code. */
export function describeAuthError(error: AuthError): string {
  if (error instanceof IntentError) {
    return `The bank refused the intent (${error.error})${error.errorDescription ? `: ${error.errorDescription}` : ''}.`
  }
  if (error instanceof OAuthResponseError && error.error === 'access_denied') {
    return `You declined the sign-in (access_denied)${error.errorDescription ? `: ${error.errorDescription}` : ''}.`
  }
  switch (error.code) {
    case AuthErrorCode.StateMismatch:
      return 'This sign-in link was not started in this browser, or it was altered. Nobody was signed in. (state_mismatch)'
    case AuthErrorCode.StateUsed:
      return 'This sign-in link has already been used. Nobody was signed in again. (state_used)'
    case AuthErrorCode.StateExpired:
      return 'This sign-in took too long. Please sign in again. (state_expired)'
    case AuthErrorCode.IssuerMismatch:
      return 'The answer came from an unexpected server and was refused. (issuer_mismatch)'
    case AuthErrorCode.NetworkError:
      return 'The network is unavailable. Check your connection and try again. (network_error)'
    default:
      return `${error.message} (${error.code})`
  }
}
