// payauth's own code writes codes as literals ('invalid_config'), which TypeScript checks against
// the `AuthErrorCode` type: this object then stays out of an app's bundle unless the app imports
// it (0.35 kB of min+gzip in the typical app).
/**
 * Stable codes of every failure payauth reports. Switch on these, never on a message.
 * The values are part of the public API: they never change meaning.
 */
export const AuthErrorCode = {
  /** The client was created with options that cannot work (missing client id, bad URL, a feature not opted into). */
  InvalidConfig: 'invalid_config',
  /** A URL is plain `http:` on a host other than loopback; tokens would travel in clear text. */
  InsecureUrl: 'insecure_url',
  /** The issuer's discovery document could not be fetched or is not valid for this issuer. */
  DiscoveryFailed: 'discovery_failed',
  /** The network failed (offline, DNS, CORS refused, connection reset). Nothing was lost. */
  NetworkError: 'network_error',
  /** `handleCallback` was given a URL that carries no authorization response. */
  NotACallback: 'not_a_callback',
  /** The callback's `state` matches no sign-in started in this browser: forged or tampered. */
  StateMismatch: 'state_mismatch',
  /** The callback's `state` belongs to a sign-in that was started too long ago (over 10 minutes). */
  StateExpired: 'state_expired',
  /** The callback's `state` belongs to a sign-in that has already completed: a replayed URL. */
  StateUsed: 'state_used',
  /** The authorization response came from another issuer, or lacks `iss` (RFC 9207 mix-up defence). */
  IssuerMismatch: 'issuer_mismatch',
  /** A sign-in's intent is missing, malformed, or refused by the server (`INTENT_NOT_FOUND`...). */
  IntentRejected: 'intent_rejected',
  /** The authorization server answered the redirect with an OAuth error (`access_denied`...). */
  AuthorizationError: 'authorization_error',
  /** The token endpoint answered with an OAuth error (`invalid_grant`...). */
  TokenError: 'token_error',
  /**
   * The server failed or asked to wait (a 5xx, 408 or 429 without an OAuth error); the session is
   * kept and renewal retried, not sooner than `retryAfter`.
   */
  ServerError: 'server_error',
  /** A server answered with something that is not a valid OAuth response. */
  InvalidResponse: 'invalid_response',
  /** The ID token failed validation (issuer, audience, nonce, expiry, signature algorithm). */
  IdTokenInvalid: 'id_token_invalid',
  /** There is no usable session; the user has to sign in. */
  LoginRequired: 'login_required',
  /** A `returnTo` points outside the app's own origin. */
  InvalidReturnTo: 'invalid_return_to',
  /** The token store failed to read or write. */
  StorageError: 'storage_error',
  /** The caller aborted the call through its `AbortSignal`. */
  Aborted: 'aborted',
  /** A `WWW-Authenticate: SCA` challenge whose details are missing or malformed. */
  InvalidScaChallenge: 'invalid_sca_challenge',
  /** The operation needs strong customer authentication and no `sca` feature is configured. */
  ScaUnavailable: 'sca_unavailable',
  /** One verification attempt was rejected (wrong PIN or code); more attempts may remain. */
  ScaRejected: 'sca_rejected',
  /** Verification failed for good (attempts used up, or the verifier said FAILED). */
  ScaFailed: 'sca_failed',
  /** The SCA challenge expired before it was verified. */
  ScaExpired: 'sca_expired',
  /** The user cancelled the SCA challenge, or the session ended while it waited. */
  ScaCancelled: 'sca_cancelled',
  /** Resending the one-time code is not possible now (limit reached, or too soon). */
  ScaResendRefused: 'sca_resend_refused',
  /** The resource asks for a stronger or fresher sign-in, or more scope (RFC 9470). */
  StepUpRequired: 'step_up_required',
  /** A step-up sign-in came back without the `acr` it asked for: the server ignored the request. */
  StepUpNotMet: 'step_up_not_met',
  /** `auth.fetch` was asked to send the token to an origin the app did not allow (`resourceOrigins`). */
  UntrustedOrigin: 'untrusted_origin',
  /** The browser blocked the sign-in popup (`loginWithPopup` falls back to a redirect unless told not to). */
  PopupBlocked: 'popup_blocked',
  /** The user closed the sign-in popup (or native auth session) before signing in, or it timed out. */
  PopupClosed: 'popup_closed',
  /** A record in the token store is malformed (tampered, or from another version); it was dropped. */
  InvalidStoredRecord: 'invalid_stored_record',
} as const

export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode]

/**
 * Marks payauth's errors across copies of the package: `@payauth/react` and the adapters take
 * core as a peer, and an install that ends up with two copies must still recognise either's errors.
 */
const authErrorBrand = Symbol.for('payauth.AuthError')

/** Every error payauth throws or records in a snapshot. `cause` is always set. */
export class AuthError extends Error {
  /** `AuthError`; each subclass sets its own (`OAuthResponseError`, `ScaError`...). */
  override readonly name: string = 'AuthError'
  /** What failed, one of {@link AuthErrorCode}: switch on it, never on `message`. */
  readonly code: AuthErrorCode
  /**
   * What the failure came from, for logs: the underlying error, or a summary of the request that
   * failed. Errors of the protocol library are reduced to their name, code and message, so the
   * response bodies and parameters they hold (tokens, codes) never reach it.
   */
  override readonly cause: unknown
  /**
   * Seconds the server asked to wait before trying again (`Retry-After`, at most a day), when it
   * said; a failed renewal then waits at least that long before the next. Undefined otherwise.
   */
  readonly retryAfter: number | undefined

  constructor(code: AuthErrorCode, message: string, options: { cause: unknown; retryAfter?: number | undefined }) {
    super(message, { cause: options.cause })
    this.code = code
    this.cause = options.cause
    this.retryAfter = options.retryAfter
    Object.defineProperty(this, authErrorBrand, { value: true })
  }
}

/** Fields of an OAuth 2.0 error response (RFC 6749 §4.1.2.1, §5.2). */
export interface OAuthErrorFields {
  /** The wire `error` value, e.g. `access_denied` or `invalid_grant`. */
  readonly error: string
  /** The server's `error_description`, text written for developers; undefined when it sent none. */
  readonly errorDescription?: string | undefined
  /** The server's `error_uri`, a page about the error; undefined when it sent none. */
  readonly errorUri?: string | undefined
  /** HTTP status, when the error came in an HTTP response rather than a redirect. */
  readonly status?: number | undefined
}

/**
 * An OAuth error response: `authorization_error` when the authorization server answered the
 * redirect with one, `token_error` when the token endpoint did (or a backend refused the session),
 * `intent_rejected` for an {@link oauth20!IntentError | IntentError}. `error: 'invalid_grant'` is the one answer
 * that ends a session.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export class OAuthResponseError extends AuthError implements OAuthErrorFields {
  /** `OAuthResponseError` (`IntentError` for that subclass). */
  override readonly name: string = 'OAuthResponseError'
  readonly error: string
  readonly errorDescription: string | undefined
  readonly errorUri: string | undefined
  readonly status: number | undefined

  constructor(
    code: AuthErrorCode,
    fields: OAuthErrorFields,
    options: { cause: unknown; retryAfter?: number | undefined },
  ) {
    super(code, `${code}: ${fields.error}${fields.errorDescription ? ` (${fields.errorDescription})` : ''}`, options)
    this.error = fields.error
    this.errorDescription = fields.errorDescription
    this.errorUri = fields.errorUri
    this.status = fields.status
  }
}

/**
 * Whether `value` is an {@link AuthError} (any subclass), for `catch` blocks, where errors are
 * `unknown`. Unlike `instanceof`, it also knows the errors of another copy of `@payauth/core` in
 * the same app (two versions installed side by side).
 */
export function isAuthError(value: unknown): value is AuthError {
  return value instanceof AuthError || (value instanceof Error && authErrorBrand in value)
}

/** `new AuthError(...)` for throw sites; the short form keeps the many throw sites readable. */
export function authError(code: AuthErrorCode, message: string, cause: unknown): AuthError {
  return new AuthError(code, message, { cause })
}
