import type { PendingScaChallenge, ScaAttempt, ScaChannel, ScaDetails } from '../challenge.ts'
import { authError } from '../errors.ts'
import { toAuthError } from '../toAuthError.ts'
import { scaAuthorization } from './scaAuthorization.ts'
import { ScaError } from './scaError.ts'
import type { ScaVerifier } from './scaVerifier.ts'

export interface ScaQueueOptions {
  readonly verifier: ScaVerifier
  readonly now: () => number
  readonly accessToken: () => Promise<string>
  /** Called whenever the current challenge's view changes. */
  readonly onChange: () => void
}

interface Entry {
  readonly details: ScaDetails
  view: Omit<PendingScaChallenge, 'queued'>
  /** The work under way on this challenge (a verification or resend), so a double click joins it. */
  inFlight: Promise<void> | undefined
  readonly resolve: (header: string) => void
  readonly reject: (error: unknown) => void
  timer: ReturnType<typeof setTimeout> | undefined
}

/** Without a server hint, a new code may be requested this long after the last one. */
const defaultResendCooldownMs = 30_000

/**
 * Challenges waiting for the user, one shown at a time. `enqueue` resolves with the
 * `SCA-Authorization` header once the challenge is verified, and rejects with a typed error when
 * it fails for good, expires or is cancelled.
 */
export function scaQueue(options: ScaQueueOptions) {
  const entries: Entry[] = []

  function current(): PendingScaChallenge | undefined {
    const first = entries[0]
    return first ? { ...first.view, queued: entries.length - 1 } : undefined
  }

  function update(entry: Entry, changes: Partial<Entry['view']>): void {
    entry.view = { ...entry.view, ...changes }
    if (entry === entries[0]) options.onChange()
  }

  function settle(entry: Entry, outcome: { header: string } | { error: unknown }): void {
    const index = entries.indexOf(entry)
    if (index === -1) return
    entries.splice(index, 1)
    clearTimeout(entry.timer)
    if ('header' in outcome) entry.resolve(outcome.header)
    else entry.reject(outcome.error)
    options.onChange()
  }

  function fail(entry: Entry, code: ScaFailureCode, message: string, cause: unknown): void {
    settle(entry, { error: new ScaError(code, message, entry.details, { cause }) })
  }

  /** `signal` aborts the wait as it would abort a fetch: the challenge goes, the caller gets its reason. */
  function enqueue(serverDetails: ScaDetails, signal?: AbortSignal): Promise<string> {
    // The window is the server's, the clock this device's: a device clock minutes off must not
    // expire the challenge early or late, so the deadline counts from now.
    const details: ScaDetails = {
      ...serverDetails,
      expiresAt: options.now() + (serverDetails.expiresAt - serverDetails.createdAt),
    }
    return new Promise<string>((resolve, reject) => {
      const entry: Entry = {
        details,
        inFlight: undefined,
        view: {
          kind: 'sca',
          ...details,
          attemptsLeft: undefined,
          resendsLeft: undefined,
          resendAvailableAt: undefined,
          codeSent: false,
          error: undefined,
          busy: false,
        },
        resolve,
        reject,
        timer: undefined,
      }
      if (details.expiresAt <= options.now()) {
        reject(new ScaError('sca_expired', 'The SCA challenge had already expired', details, { cause: details }))
        return
      }
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      signal?.addEventListener('abort', () => settle(entry, { error: signal.reason }), { once: true })
      const delay = Math.min(2 ** 31 - 1, details.expiresAt - options.now())
      entry.timer = setTimeout(() => fail(entry, 'sca_expired', 'The SCA challenge expired', details), delay)
      entries.push(entry)
      // The first is shown; a later one changes the count of those waiting.
      options.onChange()
    })
  }

  /** Runs `task` on the current challenge, marked busy, with its failures recorded on it. */
  async function withCurrent(task: (entry: Entry, verifier: ScaVerifier, accessToken: string) => Promise<void>) {
    const entry = entries[0]
    if (!entry) {
      throw authError('invalid_config', 'There is no SCA challenge to act on', { pending: 0 })
    }
    if (entry.details.expiresAt <= options.now()) {
      const error = new ScaError('sca_expired', 'The SCA challenge expired', entry.details, {
        cause: entry.details,
      })
      settle(entry, { error })
      throw error
    }
    if (entry.inFlight) return entry.inFlight
    const verifier = options.verifier
    update(entry, { busy: true, error: undefined })
    entry.inFlight = (async () => {
      try {
        await task(entry, verifier, await options.accessToken())
      } catch (error) {
        const failure = toAuthError(error, 'invalid_response', 'The SCA verifier failed')
        update(entry, { busy: false, error: failure })
        throw failure
      } finally {
        entry.inFlight = undefined
      }
    })()
    return entry.inFlight
  }

  function verify(attempt: ScaAttempt): Promise<void> {
    return withCurrent(async (entry, verifier, accessToken) => {
      const result = await verifier.verify(entry.details, attempt, { accessToken })
      if (result.outcome === 'VERIFIED') {
        settle(entry, { header: scaAuthorization(entry.details) })
        return
      }
      if (result.outcome === 'FAILED' || result.attemptsLeft === 0) {
        fail(entry, 'sca_failed', 'Verification failed; start the operation again', result)
        return
      }
      update(entry, {
        busy: false,
        attemptsLeft: result.attemptsLeft,
        error: new ScaError('sca_rejected', 'That was not right; try again', entry.details, {
          cause: result,
        }),
      })
    })
  }

  function resend(channel: ScaChannel): Promise<void> {
    return withCurrent(async (entry, verifier, accessToken) => {
      if (!verifier.resend) {
        throw new ScaError('sca_resend_refused', 'This verifier cannot send codes', entry.details, {
          cause: { channel },
        })
      }
      const availableAt = entry.view.resendAvailableAt
      if (availableAt !== undefined && availableAt > options.now()) {
        throw new ScaError('sca_resend_refused', 'Wait before asking for another code', entry.details, {
          cause: { resendAvailableAt: availableAt },
        })
      }
      const result = await verifier.resend(entry.details, channel, { accessToken })
      update(entry, {
        busy: false,
        codeSent: true,
        resendsLeft: result.resendsLeft,
        resendAvailableAt:
          options.now() +
          (result.retryAfterSeconds !== undefined ? result.retryAfterSeconds * 1000 : defaultResendCooldownMs),
      })
    })
  }

  function cancel(): void {
    const entry = entries[0]
    if (entry) fail(entry, 'sca_cancelled', 'The user cancelled the verification', { cancelled: true })
  }

  /** Ends every challenge, e.g. on sign-out: the operations behind them cannot complete. */
  function cancelAll(): void {
    for (const entry of [...entries]) fail(entry, 'sca_cancelled', 'The session ended', { signedOut: true })
  }

  return { enqueue, current, verify, resend, cancel, cancelAll }
}

type ScaFailureCode = 'sca_failed' | 'sca_expired' | 'sca_cancelled'

export type ScaQueue = ReturnType<typeof scaQueue>
