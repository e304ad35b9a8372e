/**
 * Stable codes of every failure payauth reports. Switch on these, never on a message.
 * The values are part of the public API: they never change meaning.
 */
export const AuthErrorCode = {
  /** The client was created with options that cannot work (missing client id, bad URL...). */
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
  /** The callback's `state` belongs to a sign-in that was started too long ago. */
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
  /** The server failed (a 5xx without an OAuth error); the session is kept and retried. */
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
  /** The operation needs strong customer authentication and no `scaVerifier` is configured. */
  ScaUnavailable: 'sca_unavailable',
  /** One verification attempt was rejected (wrong PIN or code); more attempts may remain. */
  ScaRejected: 'sca_rejected',
  /** Verification failed for good (attempts used up, or the verifier said FAILED). */
  ScaFailed: 'sca_failed',
  /** The SCA challenge expired before it was verified. */
  ScaExpired: 'sca_expired',
  /** The user cancelled the SCA challenge or step-up. */
  ScaCancelled: 'sca_cancelled',
  /** Resending the one-time code is not possible now (limit reached, or too soon). */
  ScaResendRefused: 'sca_resend_refused',
  /** The resource asks for a stronger or fresher sign-in, or more scope (RFC 9470). */
  StepUpRequired: 'step_up_required',
} as const

export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode]

/** Every error payauth throws or records in a snapshot. `cause` is always set. */
export class AuthError extends Error {
  override readonly name: string = 'AuthError'
  readonly code: AuthErrorCode
  override readonly cause: unknown

  constructor(code: AuthErrorCode, message: string, options: { cause: unknown }) {
    super(message, options)
    this.code = code
    this.cause = options.cause
  }
}

/** Fields of an OAuth 2.0 error response (RFC 6749 §4.1.2.1, §5.2). */
export interface OAuthErrorFields {
  /** The wire `error` value, e.g. `access_denied` or `invalid_grant`. */
  readonly error: string
  readonly errorDescription?: string | undefined
  readonly errorUri?: string | undefined
  /** HTTP status, when the error came in an HTTP response rather than a redirect. */
  readonly status?: number | undefined
}

/** An OAuth error response from the authorization or token endpoint. */
export class OAuthResponseError extends AuthError implements OAuthErrorFields {
  override readonly name: string = 'OAuthResponseError'
  readonly error: string
  readonly errorDescription: string | undefined
  readonly errorUri: string | undefined
  readonly status: number | undefined

  constructor(
    code:
      | typeof AuthErrorCode.AuthorizationError
      | typeof AuthErrorCode.TokenError
      | typeof AuthErrorCode.IntentRejected,
    fields: OAuthErrorFields,
    options: { cause: unknown },
  ) {
    const where = code === AuthErrorCode.TokenError ? 'token endpoint' : 'authorization server'
    super(
      code,
      `The ${where} answered ${fields.error}${fields.errorDescription ? `: ${fields.errorDescription}` : ''}`,
      options,
    )
    this.error = fields.error
    this.errorDescription = fields.errorDescription
    this.errorUri = fields.errorUri
    this.status = fields.status
  }
}

export function isAuthError(value: unknown): value is AuthError {
  return value instanceof AuthError
}

/** The intent errors an intent-based authorization server documents. */
export const intentErrors = [
  'INTENT_NOT_FOUND',
  'ITYPE_MISSING_OR_INVALID',
  'INTENT_ID_MISSING',
  'INTENT_HAS_BEEN_USED_BEFORE',
  'INTENT_HAS_EXPIRED',
  'INTENT_USED_OR_EXPIRED',
  'BACK_BUTTON_NOT_ALLOWED',
] as const

export type IntentErrorName = (typeof intentErrors)[number]

export function isIntentErrorName(value: string): value is IntentErrorName {
  return (intentErrors as readonly string[]).includes(value)
}

/** The server refused the intent a sign-in named; `error` says why, e.g. `INTENT_HAS_EXPIRED`. */
export class IntentError extends OAuthResponseError {
  override readonly name: string = 'IntentError'
  override readonly error: IntentErrorName

  constructor(fields: OAuthErrorFields & { readonly error: IntentErrorName }, options: { cause: unknown }) {
    super(AuthErrorCode.IntentRejected, fields, options)
    this.error = fields.error
  }
}

/** An OAuth error response as the right class: an intent refusal, or a plain OAuth error. */
export function oauthResponseError(
  code: typeof AuthErrorCode.AuthorizationError | typeof AuthErrorCode.TokenError,
  fields: OAuthErrorFields,
  options: { cause: unknown },
): OAuthResponseError {
  const { error } = fields
  return isIntentErrorName(error)
    ? new IntentError({ ...fields, error }, options)
    : new OAuthResponseError(code, fields, options)
}

/** An SCA failure that ended an operation; says which wallet operation it was. */
export class ScaError extends AuthError {
  override readonly name: string = 'ScaError'
  readonly eventId: string
  readonly walletOperationId: string

  constructor(
    code:
      | typeof AuthErrorCode.ScaRejected
      | typeof AuthErrorCode.ScaFailed
      | typeof AuthErrorCode.ScaExpired
      | typeof AuthErrorCode.ScaCancelled
      | typeof AuthErrorCode.ScaUnavailable
      | typeof AuthErrorCode.ScaResendRefused,
    message: string,
    details: { readonly eventId: string; readonly walletOperationId: string },
    options: { cause: unknown },
  ) {
    super(code, message, options)
    this.eventId = details.eventId
    this.walletOperationId = details.walletOperationId
  }
}

/** What a resource asks for before it answers (RFC 9470 step-up, or missing scope). */
export interface StepUpRequirement {
  /** `insufficient_user_authentication` or `insufficient_scope`. */
  readonly reason: 'insufficient_user_authentication' | 'insufficient_scope'
  /** Authentication context classes that would do, most preferred first. */
  readonly acrValues: readonly string[] | undefined
  /** The sign-in must be at most this many seconds old. */
  readonly maxAge: number | undefined
  /** Scopes the resource needs. */
  readonly scope: readonly string[] | undefined
  readonly description: string | undefined
}

/** The call was refused until the user signs in more strongly; `stepUp()` does that. */
export class StepUpRequiredError extends AuthError implements StepUpRequirement {
  override readonly name: string = 'StepUpRequiredError'
  readonly reason: StepUpRequirement['reason']
  readonly acrValues: readonly string[] | undefined
  readonly maxAge: number | undefined
  readonly scope: readonly string[] | undefined
  readonly description: string | undefined

  constructor(requirement: StepUpRequirement, options: { cause: unknown }) {
    const needs = [
      requirement.acrValues ? `acr ${requirement.acrValues.join(' or ')}` : undefined,
      requirement.maxAge !== undefined ? `a sign-in at most ${requirement.maxAge} s old` : undefined,
      requirement.scope ? `scope ${requirement.scope.join(' ')}` : undefined,
    ].filter(Boolean)
    super(AuthErrorCode.StepUpRequired, `The resource requires ${needs.join(', ') || 'a stronger sign-in'}`, options)
    this.reason = requirement.reason
    this.acrValues = requirement.acrValues
    this.maxAge = requirement.maxAge
    this.scope = requirement.scope
    this.description = requirement.description
  }
}
