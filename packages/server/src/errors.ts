/**
 * Stable codes of every failure @payauth/server reports. Switch on these, never on a message.
 * No error ever carries a client secret, a token or a cookie key: not in its message, its `cause`,
 * nor its JSON.
 */
export const ServerErrorCode = {
  /** The server part was set up with options that cannot work (missing secret, bad URL...). */
  InvalidConfig: 'invalid_config',
  /** The provider could not be reached (DNS, connection refused or reset, timeout). */
  NetworkError: 'network_error',
  /** The provider failed (5xx, or 429/408 after retries); a cached token keeps being handed out meanwhile. */
  ServerError: 'server_error',
  /** The provider refused the request with an OAuth error (`invalid_client`, `invalid_grant`...). */
  TokenError: 'token_error',
  /** The provider answered with something that is not a valid token response. */
  InvalidResponse: 'invalid_response',
  /** A request to the BFF lacked the CSRF header, or came from an origin that is not the app's. */
  CsrfRejected: 'csrf_rejected',
  /** The request carries no session (none, tampered, expired, or revoked on the server). */
  NotSignedIn: 'not_signed_in',
  /** The session can no longer be renewed (the provider refused its refresh token); it was ended. */
  SessionExpired: 'session_expired',
  /** The session would not fit in the cookies a browser keeps; it is refused, never truncated. */
  SessionTooLarge: 'session_too_large',
  /** The authorization response matches no sign-in started in this browser (state, cookie). */
  LoginStateMismatch: 'login_state_mismatch',
  /** The provider answered the authorization request with an error (`access_denied`, an intent error...). */
  AuthorizationFailed: 'authorization_failed',
  /** The request to the BFF is malformed (a `returnTo` outside the app, a bad intent...). */
  InvalidRequest: 'invalid_request',
  /** No BFF route at this path, or the route is off in this mode. */
  NotFound: 'not_found',
  /** The route exists but not for this HTTP method. */
  MethodNotAllowed: 'method_not_allowed',
  /** The proxy was asked for an upstream that is not configured, or a path that leaves it. */
  UpstreamNotAllowed: 'upstream_not_allowed',
} as const

/** One of the stable codes listed in `ServerErrorCode`. */
export type ServerErrorCode = (typeof ServerErrorCode)[keyof typeof ServerErrorCode]

/** Every error @payauth/server throws. `cause` is always set and never holds a secret. */
export class ServerAuthError extends Error {
  override readonly name: string = 'ServerAuthError'
  readonly code: ServerErrorCode
  override readonly cause: unknown

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
 */
export class ServerOAuthError extends ServerAuthError {
  override readonly name: string = 'ServerOAuthError'
  /** The provider's `error` value, as sent (`invalid_grant`, `INTENT_HAS_EXPIRED`...). */
  readonly error: string
  /** The provider's `error_description`, when it sent one. */
  readonly errorDescription: string | undefined

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
