import { type AuthError, AuthErrorCode, OAuthResponseError } from '@payauth/core'
import { IntentError } from '@payauth/core/oauth20'

/**
 * What to tell a person, by the error's stable code. `server` names what the client talks to (the
 * sign-in server, the bank, the app's backend), so an outage is put where it is.
 */
export function describeAuthError(error: AuthError, server = 'the sign-in server'): string {
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
      // A failed request looks the same whether this device or the server is off the network.
      return navigator.onLine
        ? `${capitalized(server)} could not be reached. It may be down for a moment: please try again shortly. (network_error)`
        : 'This device is offline. Connect to the internet and try again. (network_error)'
    case AuthErrorCode.DiscoveryFailed:
      return `${capitalized(server)} did not answer as expected, so the sign-in could not start. Please try again later. (discovery_failed)`
    case AuthErrorCode.ServerError:
      return `${capitalized(server)} had a problem. Please try again shortly. (server_error)`
    case AuthErrorCode.PopupClosed:
      return 'The sign-in window was closed before the sign-in finished. Nobody was signed in; try again whenever you like.'
    case AuthErrorCode.PopupBlocked:
      return 'The browser blocked the sign-in window. Allow pop-ups for this site, or use the other sign-in button.'
    default:
      return `${error.message} (${error.code})`
  }
}

/** Errors that are no one's fault and need no alarm: the user changed their mind. */
export function isCalmError(error: AuthError): boolean {
  return error.code === AuthErrorCode.PopupClosed
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
