import { createHash, randomInt, randomUUID } from 'node:crypto'

export type ScaEventStatus = 'PENDING' | 'VERIFIED' | 'FAILED' | 'USED'

export interface ScaEvent {
  readonly eventId: string
  readonly walletOperationId: string
  readonly subject: string
  /** What the operation was, so a verification cannot be spent on another one. */
  readonly fingerprint: string
  readonly createdAt: number
  readonly expiresAt: number
  status: ScaEventStatus
  attempts: number
  challengesSent: number
  otp: string | undefined
}

/** Paysafe's caps: attempts per event, one-time codes per event. */
export const allowableAttempts = 3
export const allowableChallenges = 3

/** SCA events of the wallet, in memory. */
export function scaEventStore() {
  const events = new Map<string, ScaEvent>()
  return {
    create(subject: string, operation: string, windowSeconds: number): ScaEvent {
      const now = Date.now()
      const event: ScaEvent = {
        eventId: randomUUID(),
        walletOperationId: randomUUID(),
        subject,
        fingerprint: fingerprint(operation),
        createdAt: now,
        expiresAt: now + windowSeconds * 1000,
        status: 'PENDING',
        attempts: 0,
        challengesSent: 0,
        otp: undefined,
      }
      events.set(event.eventId, event)
      return event
    },
    find(eventId: string): ScaEvent | undefined {
      return events.get(eventId)
    },
    newOtp(event: ScaEvent): string {
      event.otp = String(randomInt(0, 1_000_000)).padStart(6, '0')
      event.challengesSent++
      return event.otp
    },
  }
}

export type ScaEventStore = ReturnType<typeof scaEventStore>

export function fingerprint(operation: string): string {
  return createHash('sha256').update(operation).digest('base64url')
}
