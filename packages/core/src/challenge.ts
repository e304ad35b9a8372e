import type { AuthError } from './errors.ts'

/** How the partner and the wallet share the work of strong customer authentication. */
export type ScaAuthenticationMode = 'OUTSOURCED' | 'EMBEDDED' | 'HYBRID'
export type ScaMethod = 'PASSWORD' | 'PIN' | 'PASSKEYS' | 'OTP' | 'BIOMETRIC'
export type ScaChannel = 'SMS' | 'EMAIL' | 'AUTHENTICATOR' | 'PUSH_NOTIFICATION' | 'REDIRECT'

/** One way the user may verify; `target` is already masked by the server (`jo***@example.com`). */
export interface ScaVerification {
  readonly method: ScaMethod
  readonly channel?: ScaChannel
  readonly target?: string
}

/** What the user entered for an SCA challenge: a PIN, a one-time code, a password... */
export interface ScaAttempt {
  readonly method: ScaMethod
  readonly channel?: ScaChannel
  readonly value: string
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

/**
 * The SCA challenge the user is asked to complete now, as the snapshot shows it. `expiresAt` is on
 * this device's clock: the server's window, counted from when the challenge arrived.
 */
export interface PendingScaChallenge extends ScaDetails {
  readonly kind: 'sca'
  /** Attempts left, once the verifier has said. */
  readonly attemptsLeft: number | undefined
  /** Codes that may still be requested, once the verifier has said. */
  readonly resendsLeft: number | undefined
  /** Epoch milliseconds before which no new code may be requested. */
  readonly resendAvailableAt: number | undefined
  /** Whether a code was sent over a channel, so the UI can offer "resend" rather than "send". */
  readonly codeSent: boolean
  /** Why the last attempt or resend did not succeed; the challenge stays open. */
  readonly error: AuthError | undefined
  /** A verification or resend is under way. */
  readonly busy: boolean
  /** How many more challenges wait behind this one. */
  readonly queued: number
}

/** What a resource asks for before it answers (RFC 9470 step-up, or missing scope). */
export interface StepUpRequirement {
  /** `insufficient_user_authentication` or `insufficient_scope`. */
  readonly reason: 'insufficient_user_authentication' | 'insufficient_scope'
  /** Authentication context classes that would do, most preferred first. */
  readonly acrValues: readonly string[] | undefined
  /** The sign-in must be at most this many seconds old. */
  readonly maxAge: number | undefined
  /** Scopes the resource needs. */
  readonly scope: readonly string[] | undefined
  readonly description: string | undefined
}

/** A resource asked for a stronger sign-in; `stepUp()` starts it. */
export interface PendingStepUp extends StepUpRequirement {
  readonly kind: 'stepUp'
}

export type PendingChallenge = PendingScaChallenge | PendingStepUp
