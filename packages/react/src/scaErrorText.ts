import { type AuthError, AuthErrorCode } from '@payauth/core'
import type { ScaMessages } from './scaMessages/scaMessageTypes.ts'

/**
 * What to tell the user about a failed SCA attempt or resend, by its `AuthErrorCode`: the core's
 * messages are English and written for developers. For apps that draw their own SCA UI.
 *
 * @example
 * const { challenge } = useScaChallenge()
 * {challenge?.error && <p role="alert">{scaErrorText(scaMessagesDe, challenge.error)}</p>}
 */
export function scaErrorText(messages: ScaMessages, error: AuthError): string {
  switch (error.code) {
    case AuthErrorCode.ScaRejected:
      return messages.errors.rejected
    case AuthErrorCode.ScaResendRefused:
      return messages.errors.resendRefused
    case AuthErrorCode.NetworkError:
    case AuthErrorCode.ServerError:
      return messages.errors.unavailable
    default:
      return messages.errors.other
  }
}
