import type { AuthError, StepUpRequirement } from '../errors.ts'
import type { ScaDetails } from './scaDetails.ts'

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

/** A resource asked for a stronger sign-in; `stepUp()` starts it. */
export interface PendingStepUp extends StepUpRequirement {
  readonly kind: 'stepUp'
}

export type PendingChallenge = PendingScaChallenge | PendingStepUp
