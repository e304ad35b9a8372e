'use client'
import type { AuthClient, PendingScaChallenge } from '@payauth/core'
import { useSyncExternalStore } from 'react'
import { useAuthClient } from './authContext.ts'

/** What `useScaChallenge()` returns: the challenge to show and the commands that answer it. */
export interface UseScaChallengeResult {
  /** The SCA challenge to show now, or undefined. */
  readonly challenge: PendingScaChallenge | undefined
  /** Verifies the challenge with what the user entered (`auth.verifyChallenge`). */
  readonly verify: AuthClient['verifyChallenge']
  /** Sends a one-time code over a channel, or sends it again (`auth.resendChallenge`). */
  readonly resend: AuthClient['resendChallenge']
  /** Gives up the challenge; its call rejects with `sca_cancelled` (`auth.cancelChallenge`). */
  readonly cancel: AuthClient['cancelChallenge']
}

function scaChallengeOf(client: AuthClient): PendingScaChallenge | undefined {
  const snapshot = client.getSnapshot()
  return snapshot.status === 'signedIn' && snapshot.challenge?.kind === 'sca' ? snapshot.challenge : undefined
}

/**
 * The pending PSD2 SCA challenge and its actions, for apps that draw their own dialog (see
 * `scaErrorText` for its errors in the user's language).
 *
 * @example
 * const { challenge, verify, cancel } = useScaChallenge()
 * if (!challenge) return null
 * return <PinSheet attemptsLeft={challenge.attemptsLeft} onPin={(value) => verify({ method: 'PIN', value })} onClose={cancel} />
 */
export function useScaChallenge(): UseScaChallengeResult {
  const client = useAuthClient()
  const read = () => scaChallengeOf(client)
  const challenge = useSyncExternalStore(client.subscribe, read, read)
  return {
    challenge,
    verify: client.verifyChallenge,
    resend: client.resendChallenge,
    cancel: client.cancelChallenge,
  }
}
