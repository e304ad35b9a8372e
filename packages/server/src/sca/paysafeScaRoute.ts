import type { FetchLike, ServerLogger } from '../sources/tokenSourceOptions.ts'
import { jsonResponse } from './jsonResponse.ts'
import type { UserVerifier, VerifiedUser } from './jwksUserVerifier.ts'
import { reportScaAttempt, type ScaReportOutcome } from './reportScaAttempt.ts'
import { type ScaChannel, type ScaMethod, scaChannels, scaMethods } from './scaMethods.ts'

/** The user behind the request, and the bearer token they sent (for a token exchange). */
export interface ScaUser extends VerifiedUser {
  /** The bearer token the browser sent and `verifyUser` accepted: the subject token of a token exchange (RFC 8693). */
  readonly accessToken: string
}

/** What the user entered for one attempt, for your {@link PaysafeScaRouteOptions.checkCredential}. */
export interface CredentialCheck {
  /** The verified user's `sub`: check what was entered against this user's credential. */
  readonly subject: string
  /** The Paysafe SCA event, from the URL: 1 to 64 letters, digits or `-`. */
  readonly eventId: string
  /** The wallet operation the event protects, as the browser sent it (same pattern as `eventId`). */
  readonly walletOperationId: string
  /** How the user verifies (`PIN`, `OTP`...), one of {@link ScaMethod}. */
  readonly method: ScaMethod
  /** Where a one-time code was sent (`SMS`...); undefined when the browser named no channel (a PIN, a password). */
  readonly channel: ScaChannel | undefined
  /** The PIN, code or password. Compare in constant time; never log it. */
  readonly value: string
}

/** A request for a (new) one-time code, for your {@link PaysafeScaRouteOptions.sendOneTimeCode}. */
export interface OneTimeCodeRequest {
  /** The verified user's `sub`: send the code to this user's registered address or device. */
  readonly subject: string
  /** The Paysafe SCA event the code is for: 1 to 64 letters, digits or `-`. */
  readonly eventId: string
  /** Where to send the code, as the browser asked; one of {@link ScaChannel}. */
  readonly channel: ScaChannel
}

/** `sent: false` when no more codes may be sent now: the browser is told 429. */
export type OneTimeCodeResult =
  | {
      /** `true`: a code is on its way; the browser gets 200 with the counts below that are defined. */
      readonly sent: true
      /** How many more codes may be sent for this event; left out of the answer when undefined. */
      readonly resendsLeft?: number
      /** Seconds before the next code may be asked for; left out of the answer when undefined. */
      readonly retryAfterSeconds?: number
    }
  | {
      /** `false`: no code may be sent now; the browser gets 429 `too_many_challenges`. */
      readonly sent: false
    }

/** Options of {@link paysafeScaRoute}. */
export interface PaysafeScaRouteOptions {
  /** Paysafe's wallet API; attempts are reported to `{walletBaseUrl}/sca/events/{eventId}/attempts`. */
  readonly walletBaseUrl: string
  /** Who the bearer token belongs to: your own check, or `jwksUserVerifier(...)`. */
  readonly verifyUser: UserVerifier
  /**
   * Whether what the user entered is right: your PIN store, the code you sent... The answer is
   * reported to the wallet as VERIFIED or REJECTED; if it rejects, so does the handler.
   */
  readonly checkCredential: (check: CredentialCheck) => Promise<boolean>
  /**
   * A Paysafe token issued for this user, to report with, so the wallet settles only that user's
   * events: typically `(user) => paysafe.exchange({ subjectToken: user.accessToken }).then((t) => t.getAccessToken())`.
   * If it rejects, the browser gets 502 `wallet_unavailable` and nothing is reported.
   */
  readonly walletAccessToken: (user: ScaUser) => Promise<string>
  /**
   * Sends a one-time code in OUTSOURCED mode; without it `/challenges` answers 404 (after the bearer
   * token check). If it rejects, so does the handler.
   */
  readonly sendOneTimeCode?: (request: OneTimeCodeRequest) => Promise<OneTimeCodeResult>
  /** Where the route is mounted. Default: `/sca`, serving `/sca/events/{eventId}/attempts` and `/challenges`. */
  readonly basePath?: string
  /** For the report to the wallet; default the global `fetch`. */
  readonly fetch?: FetchLike
  /** Timeout of the report to the wallet. Default: 10 000 ms. */
  readonly timeoutMs?: number
  /**
   * Where failures to verify a token or to reach the wallet are reported, by error name and code
   * only (never a token or a credential); default `console`.
   */
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
 * server-to-server (VERIFIED or REJECTED) with a Paysafe token issued for that user. Once per
 * attempt, never retried: the wallet counts each report. Errors are JSON `{ error, error_description? }`:
 * 400 `invalid_request`, 401 with a `WWW-Authenticate: Bearer` challenge (RFC 6750), 404, 405, 429
 * past the wallet's or your limit, 502 `wallet_unavailable`, and 503 when `verifyUser` throws.
 *
 * @example
 * ```ts
 * const paysafe = paysafeTokenSource({ baseUrl, brandIdentity: 'liberty', clientId, clientSecret })
 * const sca = paysafeScaRoute({
 *   walletBaseUrl: 'https://api.paysafe.com/digitalwallets/v1',
 *   verifyUser: jwksUserVerifier({ jwksUri, issuer, audience: 'https://partner.example.com' }),
 *   checkCredential: async ({ subject, method, value }) => method === 'PIN' && pins.matches(subject, value),
 *   walletAccessToken: async (user) => (await paysafe.exchange({ subjectToken: user.accessToken })).getAccessToken(),
 * })
 * app.all('/sca/*', (c) => sca(c.req.raw)) // Hono; any runtime with Request and Response
 * ```
 *
 * @see https://docs.paysafe.com/api/embedded-wallets/business/1.0.0/wallet/submit-sca-authentication-event-attempt
 * @see https://docs.paysafe.com/docs/embedded-wallets/1.0.0/strong-customer-authentication
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3 the bearer challenge
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
