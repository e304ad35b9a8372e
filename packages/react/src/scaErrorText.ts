import type { AuthError } from '@payauth/core'
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
    case 'sca_rejected':
      return messages.errors.rejected
    case 'sca_resend_refused':
      return messages.errors.resendRefused
    case 'network_error':
    case 'server_error':
      return messages.errors.unavailable
    default:
      return messages.errors.other
  }
}
