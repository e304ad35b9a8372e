import { type AuthError, AuthErrorCode } from '@payauth/core'
import { describeAuthError } from '../describeAuthError.ts'

/** What a wallet operation's failure means for the user; the code stays in brackets for support. */
export function describeWalletError(error: AuthError): string {
  switch (error.code) {
    case AuthErrorCode.ScaCancelled:
      return 'You cancelled the confirmation, so nothing was done. (sca_cancelled)'
    case AuthErrorCode.ScaFailed:
      return 'The confirmation failed too many times, so nothing was done. (sca_failed)'
    case AuthErrorCode.ScaExpired:
      return 'The confirmation timed out, so nothing was done. Please start again. (sca_expired)'
    default:
      return describeAuthError(error, 'the wallet')
  }
}
