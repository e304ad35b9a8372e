/**
 * How the user proves who they are, in the words of Paysafe's SCA API.
 *
 * @see https://docs.paysafe.com/api/embedded-wallets/business/1.0.0/wallet/submit-sca-authentication-event-attempt
 */
export type ScaMethod = 'PASSWORD' | 'PIN' | 'PASSKEYS' | 'OTP' | 'BIOMETRIC'
/** Where a one-time code or prompt reaches the user, in the words of Paysafe's SCA API (`REDIRECT` is Paysafe's own, never reported). */
export type ScaChannel = 'SMS' | 'EMAIL' | 'AUTHENTICATOR' | 'PUSH_NOTIFICATION'

/** Every {@link ScaMethod}, to check what a browser sent. */
export const scaMethods: readonly ScaMethod[] = ['PASSWORD', 'PIN', 'PASSKEYS', 'OTP', 'BIOMETRIC']
/** Every {@link ScaChannel} an attempt can name (REDIRECT is handled by Paysafe, not reported). */
export const scaChannels: readonly ScaChannel[] = ['SMS', 'EMAIL', 'AUTHENTICATOR', 'PUSH_NOTIFICATION']
