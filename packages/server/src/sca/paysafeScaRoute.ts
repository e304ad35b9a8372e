import type { FetchLike, ServerLogger } from '../sources/tokenSourceOptions.ts'
import { jsonResponse } from './jsonResponse.ts'
import type { UserVerifier, VerifiedUser } from './jwksUserVerifier.ts'
import { reportScaAttempt, type ScaReportOutcome } from './reportScaAttempt.ts'
import { type ScaChannel, type ScaMethod, scaChannels, scaMethods } from './scaMethods.ts'

/** The user behind the request, and the bearer token they sent (for a token exchange). */
export interface ScaUser extends VerifiedUser {
  readonly accessToken: string
}

/** What the user entered for one attempt, for your {@link PaysafeScaRouteOptions.checkCredential}. */
export interface CredentialCheck {
  readonly subject: string
  readonly eventId: string
  readonly walletOperationId: string
  readonly method: ScaMethod
  readonly channel: ScaChannel | undefined
  /** The PIN, code or password. Compare in constant time; never log it. */
  readonly value: string
}

/** A request for a (new) one-time code, for your {@link PaysafeScaRouteOptions.sendOneTimeCode}. */
export interface OneTimeCodeRequest {
  readonly subject: string
  readonly eventId: string
  readonly channel: ScaChannel
}

/** `sent: false` when no more codes may be sent now: the browser is told 429. */
export type OneTimeCodeResult =
  | { readonly sent: true; readonly resendsLeft?: number; readonly retryAfterSeconds?: number }
  | { readonly sent: false }

/** Options of {@link paysafeScaRoute}. */
export interface PaysafeScaRouteOptions {
  /** Paysafe's wallet API; attempts are reported to `{walletBaseUrl}/sca/events/{eventId}/attempts`. */
  readonly walletBaseUrl: string
  /** Who the bearer token belongs to: your own check, or `jwksUserVerifier(...)`. */
  readonly verifyUser: UserVerifier
  /** Whether what the user entered is right: your PIN store, the code you sent... */
  readonly checkCredential: (check: CredentialCheck) => Promise<boolean>
  /**
   * A Paysafe token issued for this user, to report with, so the wallet settles only that user's
   * events: typically `(user) => paysafe.exchange({ subjectToken: user.accessToken }).then((t) => t.getAccessToken())`.
   */
  readonly walletAccessToken: (user: ScaUser) => Promise<string>
  /** Sends a one-time code in OUTSOURCED mode; without it `/challenges` answers 404. */
  readonly sendOneTimeCode?: (request: OneTimeCodeRequest) => Promise<OneTimeCodeResult>
  /** Where the route is mounted. Default: `/sca`, serving `/sca/events/{eventId}/attempts` and `/challenges`. */
  readonly basePath?: string
  readonly fetch?: FetchLike
  /** Timeout of the report to the wallet. Default: 10 000 ms. */
  readonly timeoutMs?: number
  readonly logger?: ServerLogger
}

const maxBodyBytes = 16 * 1024
const eventIdPattern = /^[A-Za-z0-9-]{1,64}$/

/**
 * The partner's side of Paysafe's OUTSOURCED SCA, as a web-standard handler for the browser's
 * `partnerScaVerifier`: `POST {basePath}/events/{eventId}/attempts` `{walletOperationId, method,
 * channel?, value}` → `{outcome, attemptsLeft}` (429 past the cap), and `POST .../challenges`
 * `{channel}` → `{resendsLeft, retryAfterSeconds}`. It authenticates the user's bearer token,
 * checks what they entered with your `checkCredential`, and reports the attempt to the wallet
 * server-to-server (VERIFIED or REJECTED) with a Paysafe token issued for that user.
 */
export function paysafeScaRoute(options: PaysafeScaRouteOptions): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '/sca').replace(/\/+$/, '')
  const logger = options.logger ?? console
  const reportDeps = {
    walletBaseUrl: options.walletBaseUrl,
    fetch: options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 10_000,
  }

  return async (request) => {
    const { pathname } = new URL(request.url)
    if (!pathname.startsWith(`${basePath}/events/`)) return jsonResponse(404, { error: 'not_found' })
    const [eventId = '', action, ...rest] = pathname.slice(`${basePath}/events/`.length).split('/')
    if (rest.length > 0 || (action !== 'attempts' && action !== 'challenges')) {
      return jsonResponse(404, { error: 'not_found' })
    }
    // Checked before use: the id goes into the wallet's URL.
    if (!eventIdPattern.test(eventId)) return invalidRequest('Malformed eventId')
    if (request.method !== 'POST') return jsonResponse(405, { error: 'method_not_allowed' }, { allow: 'POST' })
    const accessToken = /^Bearer ([\w\-.~+/]+=*)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
    if (!accessToken) return unauthorized()
    let user: VerifiedUser | undefined
    try {
      user = await options.verifyUser(accessToken)
    } catch (error) {
      logger.warn(`payauth: the SCA route could not verify a bearer token (${describe(error)})`)
      return jsonResponse(503, { error: 'temporarily_unavailable' })
    }
    if (!user) return unauthorized('invalid_token')
    const body = await readJsonObject(request)
    if (!body) return invalidRequest('The body must be a JSON object')
    return action === 'attempts' ? attempt({ ...user, accessToken }, eventId, body) : challenge(user, eventId, body)
  }

  async function attempt(user: ScaUser, eventId: string, body: Record<string, unknown>): Promise<Response> {
    const { walletOperationId, method, channel, value } = body
    if (typeof walletOperationId !== 'string' || !eventIdPattern.test(walletOperationId)) {
      return invalidRequest('walletOperationId is missing or malformed')
    }
    if (!isOneOf(scaMethods, method)) return invalidRequest('method is not an SCA method')
    if (channel !== undefined && !isOneOf(scaChannels, channel)) return invalidRequest('channel is not an SCA channel')
    if (typeof value !== 'string' || value.length === 0 || value.length > 256) return invalidRequest('value is missing')
    const verified = await options.checkCredential({
      subject: user.subject,
      eventId,
      walletOperationId,
      method,
      channel,
      value,
    })
    let walletToken: string
    try {
      walletToken = await options.walletAccessToken(user)
    } catch (error) {
      logger.warn(`payauth: no Paysafe token to report an SCA attempt with (${describe(error)})`)
      return jsonResponse(502, { error: 'wallet_unavailable' })
    }
    const report = { eventId, walletOperationId, method, channel, status: verified ? 'VERIFIED' : 'REJECTED' } as const
    return attemptResponse(verified, await reportScaAttempt(reportDeps, walletToken, report))
  }

  function attemptResponse(verified: boolean, outcome: ScaReportOutcome): Response {
    switch (outcome.kind) {
      case 'recorded': {
        const attemptsLeft = Math.max(0, outcome.allowableAttempts - outcome.currentAttempts)
        const result = verified ? 'VERIFIED' : attemptsLeft === 0 ? 'FAILED' : 'REJECTED'
        return jsonResponse(200, { outcome: result, attemptsLeft })
      }
      case 'limit':
        return jsonResponse(429, { error: 'too_many_attempts' })
      case 'unknownEvent':
        return jsonResponse(404, { error: 'unknown_event' })
      case 'refused':
        // An expired challenge is over, not malformed: the browser shows it as failed.
        return outcome.error === 'sca_event_expired'
          ? jsonResponse(200, { outcome: 'FAILED', attemptsLeft: 0, reason: 'expired' })
          : invalidRequest(outcome.error ?? 'The wallet refused the attempt')
      case 'failed':
        logger.warn(`payauth: reporting an SCA attempt to the wallet failed (${outcome.reason})`)
        return jsonResponse(502, { error: 'wallet_unavailable' })
    }
  }

  async function challenge(user: VerifiedUser, eventId: string, body: Record<string, unknown>): Promise<Response> {
    if (!options.sendOneTimeCode) return jsonResponse(404, { error: 'not_found' })
    if (!isOneOf(scaChannels, body.channel)) return invalidRequest('channel is not an SCA channel')
    const result = await options.sendOneTimeCode({ subject: user.subject, eventId, channel: body.channel })
    if (!result.sent) return jsonResponse(429, { error: 'too_many_challenges' })
    return jsonResponse(200, {
      ...(result.resendsLeft !== undefined ? { resendsLeft: result.resendsLeft } : {}),
      ...(result.retryAfterSeconds !== undefined ? { retryAfterSeconds: result.retryAfterSeconds } : {}),
    })
  }
}

function unauthorized(error?: string): Response {
  const challenge = error ? `Bearer error="${error}"` : 'Bearer'
  return jsonResponse(401, { error: error ?? 'unauthorized' }, { 'www-authenticate': challenge })
}

function invalidRequest(description: string): Response {
  return jsonResponse(400, { error: 'invalid_request', error_description: description })
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
}

/** An error's name and code for a log line: never its message, which might quote a token. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error'
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? `${error.name} ${code}` : error.name
}

async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return undefined
  try {
    const text = await request.text()
    if (text.length > maxBodyBytes) return undefined
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
