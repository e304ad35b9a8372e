import type { ScaAttempt, ScaChannel, ScaDetails } from '../challenge.ts'
import { authError } from '../errors.ts'
import type { FetchLike } from '../oauth/httpOptions.ts'
import { requireSecureUrl } from '../oauth/secureUrl.ts'
import { ScaError } from './scaError.ts'
import { isScaId } from './scaVocabulary.ts'

/**
 * The outcome names of the wallet's attempt reports: `VERIFIED` lets the held call go on,
 * `REJECTED` lets the user try again, `FAILED` ends the challenge.
 */
export type ScaOutcome = 'VERIFIED' | 'REJECTED' | 'FAILED'

/** What a verifier says of one attempt. */
export interface ScaAttemptResult {
  /** The verdict; `REJECTED` with `attemptsLeft: 0` ends the challenge as `FAILED` does. */
  readonly outcome: ScaOutcome
  /** Attempts the user has left after this one, when the verifier knows; undefined otherwise. */
  readonly attemptsLeft?: number
}

/** What a verifier says once it sent a one-time code. */
export interface ScaResendResult {
  /** Further codes that may be requested; undefined when the verifier does not say. */
  readonly resendsLeft?: number
  /** Seconds before another code may be requested; 30 when the verifier does not say. */
  readonly retryAfterSeconds?: number
}

/** The user's current access token, for verifiers that check who is verifying. */
export interface ScaVerifierContext {
  /** The session's access token, renewed first if it was stale. */
  readonly accessToken: string
}

/**
 * Checks what the user entered. In Paysafe's OUTSOURCED mode this is the partner's backend: it
 * verifies the PIN or one-time code itself and reports the attempt to the wallet server-to-server.
 */
export interface ScaVerifier {
  /**
   * Checks `attempt` against `challenge` (whose `expiresAt` is on this device's clock). An error it
   * throws is shown as the challenge's `error`, and the user may try again: it does not end the
   * challenge.
   */
  verify(challenge: ScaDetails, attempt: ScaAttempt, context: ScaVerifierContext): Promise<ScaAttemptResult>
  /**
   * Sends, or sends again, a one-time code over `channel`. Without it, `resendChallenge` rejects
   * with `sca_resend_refused`.
   */
  resend?(challenge: ScaDetails, channel: ScaChannel, context: ScaVerifierContext): Promise<ScaResendResult>
}

/** Options of `partnerScaVerifier()`. */
export interface PartnerScaVerifierOptions {
  /**
   * Base URL of your backend's SCA endpoints: `{baseUrl}/sca/events/{eventId}/attempts` and
   * `/challenges`. https, or http on loopback: the PIN and the access token travel there.
   */
  readonly baseUrl: string
  /** The HTTP client for those requests; the global `fetch` by default. */
  readonly fetch?: FetchLike
}

/**
 * A verifier that posts to the partner backend's SCA endpoints with the user's access token:
 * `POST {baseUrl}/sca/events/{eventId}/attempts` `{walletOperationId, method, channel, value}` →
 * `{outcome, attemptsLeft}`, and `POST {baseUrl}/sca/events/{eventId}/challenges` `{channel}` →
 * `{resendsLeft, retryAfterSeconds}`; 429 means the limit is reached. `paysafeScaRoute` of
 * `@payauth/server` serves both. Another status, or an answer of another shape, is an
 * `invalid_response`.
 * @example
 * ```ts
 * import { partnerScaVerifier, paysafeSca } from '@payauth/core/sca'
 *
 * // Your backend serves `/partner/sca/events/...` (paysafeScaRoute({ basePath: '/partner/sca', ... })).
 * const verifier = partnerScaVerifier({ baseUrl: new URL('/partner', location.origin).href })
 * const auth = createAuthClient({ ...options, sca: paysafeSca({ verifier }) })
 * ```
 */
export function partnerScaVerifier(options: PartnerScaVerifierOptions): ScaVerifier {
  // The PIN and the access token travel here: https, or plain http on loopback only.
  const base = requireSecureUrl(options.baseUrl, 'SCA verifier baseUrl').href.replace(/\/+$/, '')
  const send = async (path: string, body: unknown, context: ScaVerifierContext): Promise<Response> => {
    const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init))
    try {
      return await fetchImpl(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${context.accessToken}` },
        body: JSON.stringify(body),
      })
    } catch (error) {
      throw authError('network_error', 'The SCA verifier could not be reached', error)
    }
  }
  return {
    async verify(challenge, attempt, context) {
      checkIds(challenge)
      const response = await send(
        `/sca/events/${encodeURIComponent(challenge.eventId)}/attempts`,
        { walletOperationId: challenge.walletOperationId, ...attempt },
        context,
      )
      if (response.status === 429) return { outcome: 'FAILED', attemptsLeft: 0 }
      const result = await readJson(response)
      if (!response.ok || !['VERIFIED', 'REJECTED', 'FAILED'].includes(String(result.outcome))) {
        throw authError('invalid_response', `The SCA verifier answered ${response.status}`, {
          status: response.status,
          body: result,
        })
      }
      return {
        outcome: result.outcome as ScaOutcome,
        ...(typeof result.attemptsLeft === 'number' ? { attemptsLeft: result.attemptsLeft } : {}),
      }
    },
    async resend(challenge, channel, context) {
      checkIds(challenge)
      const response = await send(
        `/sca/events/${encodeURIComponent(challenge.eventId)}/challenges`,
        { channel },
        context,
      )
      const result = await readJson(response)
      if (response.status === 429) {
        throw new ScaError('sca_resend_refused', 'No more codes can be sent for this operation now', challenge, {
          cause: { status: 429, body: result },
        })
      }
      if (!response.ok) {
        throw authError('invalid_response', `The SCA verifier answered ${response.status}`, {
          status: response.status,
          body: result,
        })
      }
      return {
        ...(typeof result.resendsLeft === 'number' ? { resendsLeft: result.resendsLeft } : {}),
        ...(typeof result.retryAfterSeconds === 'number' ? { retryAfterSeconds: result.retryAfterSeconds } : {}),
      }
    },
  }
}

/** Ids become path segments: refused before any request unless they are plain identifiers. */
function checkIds(challenge: ScaDetails): void {
  if (!isScaId(challenge.eventId) || !isScaId(challenge.walletOperationId)) {
    throw new ScaError('invalid_sca_challenge', 'The SCA event or operation id is not an identifier', challenge, {
      cause: { eventIdLength: String(challenge.eventId).length },
    })
  }
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    const value: unknown = await response.json()
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
