/** How the partner and the wallet share the work of strong customer authentication. */
export type ScaAuthenticationMode = 'OUTSOURCED' | 'EMBEDDED' | 'HYBRID'
export type ScaMethod = 'PASSWORD' | 'PIN' | 'PASSKEYS' | 'OTP' | 'BIOMETRIC'
export type ScaChannel = 'SMS' | 'EMAIL' | 'AUTHENTICATOR' | 'PUSH_NOTIFICATION' | 'REDIRECT'

export const scaAuthenticationModes: readonly ScaAuthenticationMode[] = ['OUTSOURCED', 'EMBEDDED', 'HYBRID']
export const scaMethods: readonly ScaMethod[] = ['PASSWORD', 'PIN', 'PASSKEYS', 'OTP', 'BIOMETRIC']
export const scaChannels: readonly ScaChannel[] = ['SMS', 'EMAIL', 'AUTHENTICATOR', 'PUSH_NOTIFICATION', 'REDIRECT']

/** One way the user may verify; `target` is already masked by the server (`jo***@example.com`). */
export interface ScaVerification {
  readonly method: ScaMethod
  readonly channel?: ScaChannel
  readonly target?: string
}

/**
 * A PSD2 strong-customer-authentication challenge as a Paysafe-style wallet API sends it, in
 * payauth's shape: times as epoch milliseconds.
 */
export interface ScaDetails {
  readonly eventId: string
  readonly walletOperationId: string
  readonly authenticationMode: ScaAuthenticationMode
  /** Empty means any method agreed with the wallet. */
  readonly availableVerifications: readonly ScaVerification[]
  readonly createdAt: number
  readonly expiresAt: number
  /** The challenge's `realm`, e.g. `Authentication`. */
  readonly realm: string | undefined
}
