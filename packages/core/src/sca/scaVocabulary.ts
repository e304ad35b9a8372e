import type { ScaAuthenticationMode, ScaChannel, ScaMethod } from '../challenge.ts'

export const scaAuthenticationModes: readonly ScaAuthenticationMode[] = ['OUTSOURCED', 'EMBEDDED', 'HYBRID']
export const scaMethods: readonly ScaMethod[] = ['PASSWORD', 'PIN', 'PASSKEYS', 'OTP', 'BIOMETRIC']
export const scaChannels: readonly ScaChannel[] = ['SMS', 'EMAIL', 'AUTHENTICATOR', 'PUSH_NOTIFICATION', 'REDIRECT']
