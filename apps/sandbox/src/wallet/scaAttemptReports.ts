import type { IncomingMessage, ServerResponse } from 'node:http'
import { bearerToken } from '../http/bearerToken.ts'
import { readJsonObject } from '../http/readJsonObject.ts'
import { sendJson } from '../http/sendJson.ts'
import { recordScaAttempt, type ScaAttemptStatus } from './recordScaAttempt.ts'
import { allowableAttempts, type ScaEventStore } from './scaEvents.ts'

export const scaAttemptReportsPath = '/wallet/sca/events/'

/** Who a partner's Paysafe access token speaks for; undefined when it is not a valid token. */
export type PartnerTokenVerifier = (token: string) => Promise<{ user: string | undefined } | undefined>

const methods = ['PASSWORD', 'PIN', 'PASSKEYS', 'OTP', 'BIOMETRIC']
const channels = ['SMS', 'EMAIL', 'AUTHENTICATOR', 'PUSH_NOTIFICATION']
const statuses: readonly ScaAttemptStatus[] = ['VERIFIED', 'REJECTED', 'FAILED']
/** The wallet's event ids are UUIDs; anything else (`..`, encoded slashes, …) is refused unread. */
const attemptsPath = /^\/wallet\/sca\/events\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/attempts$/

/**
 * The wallet's side of OUTSOURCED SCA, Paysafe's "Submit an Outsourced SCA Attempt":
 * `POST /wallet/sca/events/{eventId}/attempts` `{walletOperationId, verification: {method, channel?},
 * status}` → 201 with `currentAttempts` and `allowableAttempts`; 429 past the cap. The partner's
 * backend calls it server-to-server with a Paysafe token issued for the user (token exchange), so
 * a partner can only settle the events of the user it speaks for.
 */
export function scaAttemptReports(events: ScaEventStore, verifyPartnerToken: PartnerTokenVerifier) {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The raw path, not a normalised URL: `..` and encoded separators must not reach an event id.
    const eventId = attemptsPath.exec((req.url ?? '').split('?')[0] ?? '')?.[1]
    if (!eventId) return sendJson(res, 400, { error: 'invalid_request', error_description: 'Malformed eventId' })
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' })
    const token = bearerToken(req)
    const partner = token ? await verifyPartnerToken(token) : undefined
    if (!partner) {
      return sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' })
    }
    if (!partner.user) {
      return sendJson(res, 403, {
        error: 'customer_token_required',
        error_description: 'Report attempts with a token issued for the customer (token exchange)',
      })
    }
    const report = parseReport(await readJsonObject(req))
    if (!report) return sendJson(res, 400, { error: 'invalid_request', error_description: 'Malformed attempt report' })
    const event = events.find(eventId)
    // Another user's event is "not found": a partner learns nothing about events it cannot settle.
    if (!event || event.subject !== partner.user) return sendJson(res, 404, { error: 'unknown_event' })
    if (event.walletOperationId !== report.walletOperationId) {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'walletOperationId does not match' })
    }
    if (event.expiresAt <= Date.now()) return sendJson(res, 400, { error: 'sca_event_expired' })
    const recorded = recordScaAttempt(event, report.status)
    if (recorded === 'limit') return sendJson(res, 429, { error: 'too_many_attempts', allowableAttempts })
    sendJson(res, 201, {
      id: crypto.randomUUID(),
      eventId,
      walletOperationId: event.walletOperationId,
      authenticationMode: 'OUTSOURCED',
      verification: report.verification,
      status: report.status,
      currentAttempts: event.attempts,
      allowableAttempts,
      creationTime: new Date().toISOString(),
    })
  }
  return { handle }
}

interface AttemptReport {
  readonly walletOperationId: string
  readonly verification: { readonly method: string; readonly channel?: string }
  readonly status: ScaAttemptStatus
}

function parseReport(body: Record<string, unknown> | undefined): AttemptReport | undefined {
  const verification = body?.verification as { method?: unknown; channel?: unknown } | undefined
  if (typeof body?.walletOperationId !== 'string' || typeof verification !== 'object' || verification === null) {
    return undefined
  }
  const { method, channel } = verification
  const status = statuses.find((candidate) => candidate === body.status)
  if (typeof method !== 'string' || !methods.includes(method) || !status) return undefined
  if (channel !== undefined && (typeof channel !== 'string' || !channels.includes(channel))) return undefined
  return {
    walletOperationId: body.walletOperationId,
    verification: channel === undefined ? { method } : { method, channel },
    status,
  }
}
