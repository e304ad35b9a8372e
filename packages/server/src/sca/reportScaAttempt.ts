import type { FetchLike } from '../sources/tokenSourceOptions.ts'
import type { ScaChannel, ScaMethod } from './scaMethods.ts'

/** One attempt, as Paysafe's "Submit an Outsourced SCA Attempt" takes it. */
export interface ScaAttemptReport {
  readonly eventId: string
  readonly walletOperationId: string
  readonly method: ScaMethod
  readonly channel: ScaChannel | undefined
  readonly status: 'VERIFIED' | 'REJECTED' | 'FAILED'
}

/** What the wallet made of a report. */
export type ScaReportOutcome =
  | { readonly kind: 'recorded'; readonly currentAttempts: number; readonly allowableAttempts: number }
  /** 429: the event takes no more attempts. */
  | { readonly kind: 'limit' }
  /** 404: no such event for this user. */
  | { readonly kind: 'unknownEvent' }
  /** 400: the wallet refused the report (an expired event, another operation's id...). */
  | { readonly kind: 'refused'; readonly error: string | undefined }
  /** No usable answer: the wallet is down, or refused the partner's own token. */
  | { readonly kind: 'failed'; readonly reason: string }

/** What {@link reportScaAttempt} needs. */
export interface ReportScaAttemptDeps {
  /** Paysafe's wallet API; the report goes to `{walletBaseUrl}/sca/events/{eventId}/attempts`. */
  readonly walletBaseUrl: string
  readonly fetch: FetchLike
  readonly timeoutMs: number
}

/**
 * Reports an attempt server-to-server with a Paysafe token issued for the user. Sent once, never
 * retried: the wallet counts every report it receives against the event's attempts.
 */
export async function reportScaAttempt(
  deps: ReportScaAttemptDeps,
  walletAccessToken: string,
  report: ScaAttemptReport,
): Promise<ScaReportOutcome> {
  const url = `${deps.walletBaseUrl.replace(/\/+$/, '')}/sca/events/${encodeURIComponent(report.eventId)}/attempts`
  let response: Response
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${walletAccessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        walletOperationId: report.walletOperationId,
        verification: report.channel ? { method: report.method, channel: report.channel } : { method: report.method },
        status: report.status,
      }),
      signal: AbortSignal.timeout(deps.timeoutMs),
    })
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.name : 'network error' }
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (response.status === 201 || response.status === 200) {
    const { currentAttempts, allowableAttempts } = body
    return typeof currentAttempts === 'number' && typeof allowableAttempts === 'number'
      ? { kind: 'recorded', currentAttempts, allowableAttempts }
      : { kind: 'failed', reason: 'the wallet answered without attempt counts' }
  }
  if (response.status === 429) return { kind: 'limit' }
  if (response.status === 404) return { kind: 'unknownEvent' }
  if (response.status === 400)
    return { kind: 'refused', error: typeof body.error === 'string' ? body.error : undefined }
  return { kind: 'failed', reason: `the wallet answered ${response.status}` }
}
