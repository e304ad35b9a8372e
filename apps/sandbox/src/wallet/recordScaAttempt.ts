import { allowableAttempts, type ScaEvent } from './scaEvents.ts'

/** How an attempt ended, in the words of Paysafe's attempt reports. */
export type ScaAttemptStatus = 'VERIFIED' | 'REJECTED' | 'FAILED'

/**
 * Counts one attempt on a pending event and moves the event on: VERIFIED verifies it, FAILED ends
 * it, REJECTED ends it only when it was the last allowed attempt. `limit` when the event takes no
 * more attempts (capped, failed or already verified): Paysafe answers 429 then.
 */
export function recordScaAttempt(event: ScaEvent, status: ScaAttemptStatus): { attemptsLeft: number } | 'limit' {
  if (event.status !== 'PENDING' || event.attempts >= allowableAttempts) return 'limit'
  event.attempts++
  const attemptsLeft = allowableAttempts - event.attempts
  if (status === 'VERIFIED') event.status = 'VERIFIED'
  else if (status === 'FAILED' || attemptsLeft === 0) event.status = 'FAILED'
  return { attemptsLeft }
}
