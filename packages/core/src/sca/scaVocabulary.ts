import type { ScaAuthenticationMode, ScaChannel, ScaMethod } from '../challenge.ts'

export const scaAuthenticationModes: readonly ScaAuthenticationMode[] = ['OUTSOURCED', 'EMBEDDED', 'HYBRID']
export const scaMethods: readonly ScaMethod[] = ['PASSWORD', 'PIN', 'PASSKEYS', 'OTP', 'BIOMETRIC']
export const scaChannels: readonly ScaChannel[] = ['SMS', 'EMAIL', 'AUTHENTICATOR', 'PUSH_NOTIFICATION', 'REDIRECT']

/**
 * An SCA event or operation id: it becomes a path segment of the verifier's URL, so only URL-safe
 * characters, never `.` or `..` alone, and at most 128 of them (Paysafe's are UUIDs).
 */
export function isScaId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-][A-Za-z0-9._~-]{0,127}$/.test(value)
}
