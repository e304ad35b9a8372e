import type { IncomingMessage, ServerResponse } from 'node:http'
import type Provider from 'oidc-provider'
import { allowCors } from '../http/cors.ts'
import { readBody } from '../http/readBody.ts'
import { sendJson } from '../http/sendJson.ts'
import { findDemoUser, maskedPhone } from '../pace/demoUsers.ts'
import { recordScaAttempt } from './recordScaAttempt.ts'
import { type PartnerTokenVerifier, scaAttemptReports, scaAttemptReportsPath } from './scaAttemptReports.ts'
import { allowableAttempts, allowableChallenges, fingerprint, type ScaEventStore } from './scaEvents.ts'
import type { SmsOutbox } from './smsOutbox.ts'

export interface WalletOptions {
  readonly appOrigins: ReadonlySet<string>
  /** Seconds an SCA challenge stays open; a test may shorten it with `X-Sandbox-SCA-Window`. */
  readonly scaWindow: number
  /** Seconds before the partner sends another one-time code. */
  readonly resendCooldown: number
  /** Verifies the Paysafe tokens partners report OUTSOURCED SCA attempts with. */
  readonly partnerTokens: PartnerTokenVerifier
}

/**
 * A Paysafe-like wallet API on the PACE realm's access tokens, and the partner backend that
 * verifies SCA in OUTSOURCED mode:
 * - `POST /wallet/transfers`, `GET /wallet/cards/{id}/details`: SCA with `WWW-Authenticate: SCA`,
 *   repeated with `SCA-Authorization`;
 * - `GET /wallet/statements`: needs a `strong` sign-in (RFC 9470);
 * - `POST /partner/sca/events/{eventId}/attempts` and `/challenges`: PIN or SMS code, capped;
 * - `POST /wallet/sca/events/{eventId}/attempts`: a real partner's server-to-server attempt report;
 * - `GET /sandbox/sms-outbox`: the codes "sent" by SMS.
 */
export function walletApi(provider: Provider, events: ScaEventStore, outbox: SmsOutbox, options: WalletOptions) {
  const attemptReports = scaAttemptReports(events, options.partnerTokens)

  async function subjectOf(req: IncomingMessage): Promise<{ subject: string; acr: unknown } | undefined> {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const token = bearer ? await provider.AccessToken.find(bearer) : undefined
    if (!token || token.isExpired || token.jkt) return undefined
    return { subject: token.accountId, acr: (token.extra as { acr?: unknown } | undefined)?.acr }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { pathname } = new URL(req.url ?? '/', 'http://sandbox')
    const isWallet =
      pathname.startsWith('/wallet/') || pathname.startsWith('/partner/') || pathname === '/sandbox/sms-outbox'
    if (!isWallet) return false
    if (allowCors(req, res, options.appOrigins)) return true
    if (pathname === '/sandbox/sms-outbox') {
      sendJson(res, 200, outbox.list())
      return true
    }
    if ((req.url ?? '').startsWith(scaAttemptReportsPath)) {
      await attemptReports.handle(req, res)
      return true
    }
    const caller = await subjectOf(req)
    if (!caller) {
      sendJson(
        res,
        401,
        { error: 'invalid_token' },
        { 'www-authenticate': 'Bearer realm="wallet", error="invalid_token"' },
      )
      return true
    }
    const attempts = /^\/partner\/sca\/events\/([\w-]+)\/(attempts|challenges)$/.exec(pathname)
    if (attempts && req.method === 'POST') {
      await partner(req, res, caller.subject, attempts[1] ?? '', attempts[2] as 'attempts' | 'challenges')
      return true
    }
    if (pathname === '/wallet/statements' && req.method === 'GET') {
      if (caller.acr !== 'strong') {
        sendJson(
          res,
          401,
          { error: 'insufficient_user_authentication' },
          {
            'www-authenticate':
              'Bearer realm="wallet", error="insufficient_user_authentication", error_description="Statements need a stronger sign-in", acr_values="strong"',
          },
        )
        return true
      }
      sendJson(res, 200, { statements: [{ month: '2026-10', balance: '1204.17 EUR' }] })
      return true
    }
    const card = /^\/wallet\/cards\/([\w-]+)\/details$/.exec(pathname)?.[1]
    if (pathname === '/wallet/transfers' && req.method === 'POST') {
      const body = await readBody(req)
      await withSca(req, res, caller.subject, `transfer:${body}`, () => {
        const { amount, to } = JSON.parse(body || '{}') as { amount?: string; to?: string }
        sendJson(res, 201, { transferId: crypto.randomUUID(), amount, to, status: 'COMPLETED' })
      })
      return true
    }
    if (card && req.method === 'GET') {
      await withSca(req, res, caller.subject, `reveal:${card}`, () => {
        sendJson(res, 200, { cardId: card, pan: '5555 4444 3333 1111', expiry: '12/29', cvv: '737' })
      })
      return true
    }
    sendJson(res, 404, { error: 'not_found' })
    return true
  }

  /** Performs `operation` if the request carries a verified SCA for exactly it; challenges otherwise. */
  async function withSca(
    req: IncomingMessage,
    res: ServerResponse,
    subject: string,
    operation: string,
    perform: () => void,
  ): Promise<void> {
    const presented = readScaAuthorization(req.headers['sca-authorization'])
    if (presented) {
      const event = events.find(presented.eventId)
      const valid =
        event &&
        event.walletOperationId === presented.walletOperationId &&
        event.subject === subject &&
        event.fingerprint === fingerprint(operation) &&
        event.status === 'VERIFIED' &&
        event.expiresAt > Date.now()
      if (valid) {
        event.status = 'USED'
        perform()
        return
      }
    }
    const requested = Number(req.headers['x-sandbox-sca-window'])
    const window = Number.isFinite(requested) && requested > 0 ? requested : options.scaWindow
    const event = events.create(subject, operation, window)
    const user = findDemoUser(subject)
    const details = {
      scaDetails: {
        eventId: event.eventId,
        walletOperationId: event.walletOperationId,
        authenticationMode: 'OUTSOURCED',
        availableVerifications: [
          { method: 'PIN' },
          { method: 'OTP', channel: 'SMS', target: user ? maskedPhone(user) : undefined },
        ],
        creationTime: new Date(event.createdAt).toISOString(),
        expirationTime: new Date(event.expiresAt).toISOString(),
      },
    }
    const encoded = Buffer.from(JSON.stringify(details)).toString('base64')
    // Space-separated, exactly as Paysafe's documentation shows it.
    sendJson(
      res,
      401,
      { error: 'sca_required' },
      { 'www-authenticate': `SCA realm="Authentication" auth-param1="${encoded}"` },
    )
  }

  async function partner(
    req: IncomingMessage,
    res: ServerResponse,
    subject: string,
    eventId: string,
    action: 'attempts' | 'challenges',
  ): Promise<void> {
    const event = events.find(eventId)
    if (!event || event.subject !== subject) return sendJson(res, 404, { error: 'unknown_event' })
    const body = JSON.parse((await readBody(req)) || '{}') as { method?: string; value?: string; channel?: string }
    const user = findDemoUser(subject)
    if (!user) return sendJson(res, 404, { error: 'unknown_user' })
    if (event.expiresAt <= Date.now())
      return sendJson(res, 200, { outcome: 'FAILED', attemptsLeft: 0, reason: 'expired' })
    if (action === 'challenges') {
      if (event.challengesSent >= allowableChallenges) {
        return sendJson(res, 429, { error: 'too_many_challenges', allowableChallenges })
      }
      const code = events.newOtp(event)
      outbox.send({ to: user.phone, text: `Your payauth sandbox code is ${code}`, code, eventId })
      return sendJson(res, 200, {
        resendsLeft: allowableChallenges - event.challengesSent,
        retryAfterSeconds: options.resendCooldown,
      })
    }
    const correct =
      body.method === 'PIN'
        ? body.value === user.pin
        : body.method === 'OTP' && event.otp !== undefined && body.value === event.otp
    // The partner "reports the attempt" to the wallet: one process here, so it updates the event.
    const recorded = recordScaAttempt(event, correct ? 'VERIFIED' : 'REJECTED')
    if (recorded === 'limit') return sendJson(res, 429, { error: 'too_many_attempts', allowableAttempts })
    if (correct) return sendJson(res, 200, { outcome: 'VERIFIED' })
    const { attemptsLeft } = recorded
    sendJson(res, 200, { outcome: attemptsLeft === 0 ? 'FAILED' : 'REJECTED', attemptsLeft })
  }

  return { handle }
}

function readScaAuthorization(
  header: string | string[] | undefined,
): { eventId: string; walletOperationId: string } | undefined {
  if (typeof header !== 'string') return undefined
  try {
    const { scaDetails } = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {
      scaDetails?: { eventId?: unknown; walletOperationId?: unknown }
    }
    return typeof scaDetails?.eventId === 'string' && typeof scaDetails.walletOperationId === 'string'
      ? { eventId: scaDetails.eventId, walletOperationId: scaDetails.walletOperationId }
      : undefined
  } catch {
    return undefined
  }
}
