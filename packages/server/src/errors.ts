/**
 * Stable codes of every failure @payauth/server reports. Switch on these, never on a message.
 * No error ever carries a client secret, a token or a cookie key: not in its message, its `cause`,
 * nor its JSON. The BFF answers each code with the HTTP status given below, as JSON
 * `{ error: <code>, message, oauthError? }`; only `GET callback` redirects to the app instead, with
 * `?payauthError=<code>`.
 */
export const ServerErrorCode = {
  /**
   * The options cannot work (a missing secret, a URL that is not https, a session key that is not
   * 256 bits...). Thrown by the factory that received them, or by a call that needs a setting that
   * is off (`passwordGrant()` without `legacyPasswordGrant`). HTTP 500.
   */
  InvalidConfig: 'invalid_config',
  /**
   * The provider could not be reached (DNS, connection refused or reset, timeout); token sources
   * report it only after their retries. HTTP 502.
   */
  NetworkError: 'network_error',
  /**
   * The provider failed (5xx, or 408/429 after a token source's retries), the session store failed
   * (Redis unreachable, a refresh lock held too long), or something failed unexpectedly. A token
   * source keeps handing out a cached token that is still valid meanwhile. HTTP 502.
   */
  ServerError: 'server_error',
  /**
   * The provider refused a token request (4xx), usually with an OAuth error such as
   * `invalid_client` or `invalid_grant` (RFC 6749 §5.2). HTTP 502.
   */
  TokenError: 'token_error',
  /**
   * The provider's answer failed a check: not a valid token response, an ID token or RFC 9207 `iss`
   * that does not match, or no intent where one was to be created. HTTP 502.
   */
  InvalidResponse: 'invalid_response',
  /** A request to the BFF lacked the CSRF header, or came from an origin that is not the app's. HTTP 403. */
  CsrfRejected: 'csrf_rejected',
  /** The request carries no session (none, tampered, expired, or revoked on the server). HTTP 401. */
  NotSignedIn: 'not_signed_in',
  /**
   * The session can no longer be renewed: the provider refused its refresh token (the BFF then
   * ends the session) or granted none. Paysafe user tokens report it once their refresh token is
   * missing or expired. HTTP 401.
   */
  SessionExpired: 'session_expired',
  /** The session would not fit in the three cookies the BFF may use; it is refused, never truncated. HTTP 500. */
  SessionTooLarge: 'session_too_large',
  /** The authorization response matches no sign-in started in this browser (state, login cookie). */
  LoginStateMismatch: 'login_state_mismatch',
  /** The provider answered the authorization request with an error (`access_denied`, an intent error...). */
  AuthorizationFailed: 'authorization_failed',
  /**
   * A sign-in that asked for `acr_values` (an RFC 9470 step-up, through `loginParameters`) came back
   * with an ID token whose `acr` is none of them: the provider ignored the request. No session starts.
   */
  StepUpNotMet: 'step_up_not_met',
  /**
   * The request to the BFF is malformed: a `returnTo` outside the app, a bad intent, a body over the
   * Node adapter's `maxBodyBytes`, `GET login` on an intent-based provider... HTTP 400.
   */
  InvalidRequest: 'invalid_request',
  /**
   * No BFF route at this path, or the route is off: `access-token` in proxy mode, `intents` for a
   * provider without intents. HTTP 404.
   */
  NotFound: 'not_found',
  /** The route exists but not for this HTTP method. HTTP 405. */
  MethodNotAllowed: 'method_not_allowed',
  /** The proxy was asked for an upstream that is not configured, or a path that leaves it. HTTP 404. */
  UpstreamNotAllowed: 'upstream_not_allowed',
} as const

/** One of the stable codes listed in {@link ServerErrorCode}, e.g. `'token_error'`. */
export type ServerErrorCode = (typeof ServerErrorCode)[keyof typeof ServerErrorCode]

/**
 * The error the BFF, the session stores and the token sources throw, and whose code the BFF
 * answers with. `cause` is always set and never holds a secret. (`paysafeScaRoute` answers HTTP
 * errors instead of throwing these, and `jwksUserVerifier` lets a failed key fetch through as is.)
 */
export class ServerAuthError extends Error {
  /** `ServerAuthError`; subclasses set their own (`ServerOAuthError`, `ProviderTokenError`). */
  override readonly name: string = 'ServerAuthError'
  /** The stable code to switch on: one of {@link ServerErrorCode}. */
  readonly code: ServerErrorCode
  /**
   * What lay underneath, for logs: mostly a small object in payauth's words (an HTTP status, an
   * error name, the setting at fault). Never a secret, a token or the provider's raw response.
   */
  override readonly cause: unknown

  /** Used by @payauth/server itself; `options.cause` must hold no secret. */
  constructor(code: ServerErrorCode, message: string, options: { cause: unknown }) {
    super(message, options)
    this.code = code
    this.cause = options.cause
  }
}

/**
 * A refusal the provider expressed as an OAuth error (RFC 6749 §5.2, §4.1.2.1): the token endpoint's
 * `invalid_grant`, or an authorization response's `access_denied` or `INTENT_HAS_EXPIRED`. Only the
 * error code and its description are kept; never the request or response that carried them.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 token endpoint errors
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1 authorization errors
 */
export class ServerOAuthError extends ServerAuthError {
  /** `ServerOAuthError`. */
  override readonly name: string = 'ServerOAuthError'
  /** The provider's `error` value, as sent (`invalid_grant`, `INTENT_HAS_EXPIRED`...). */
  readonly error: string
  /** The provider's `error_description`; undefined when it sent none. */
  readonly errorDescription: string | undefined

  /** Used by @payauth/server itself; `options.cause` must hold no secret. */
  constructor(
    code: ServerErrorCode,
    message: string,
    options: { cause: unknown; error: string; errorDescription?: string | undefined },
  ) {
    super(code, message, options)
    this.error = options.error
    this.errorDescription = options.errorDescription
  }
}
