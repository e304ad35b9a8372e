/** How the user proves who they are, in the words of Paysafe's SCA API. */
export type ScaMethod = 'PASSWORD' | 'PIN' | 'PASSKEYS' | 'OTP' | 'BIOMETRIC'
/** Where a one-time code or prompt reaches the user. */
export type ScaChannel = 'SMS' | 'EMAIL' | 'AUTHENTICATOR' | 'PUSH_NOTIFICATION'

/** Every {@link ScaMethod}, to check what a browser sent. */
export const scaMethods: readonly ScaMethod[] = ['PASSWORD', 'PIN', 'PASSKEYS', 'OTP', 'BIOMETRIC']
/** Every {@link ScaChannel} an attempt can name (REDIRECT is handled by Paysafe, not reported). */
export const scaChannels: readonly ScaChannel[] = ['SMS', 'EMAIL', 'AUTHENTICATOR', 'PUSH_NOTIFICATION']
