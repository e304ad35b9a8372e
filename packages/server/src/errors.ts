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
  /** A user's tokens can no longer be renewed (no refresh token, or it expired): the user must sign in again. */
  SessionExpired: 'session_expired',
} as const

/** One of the {@link ServerErrorCode} values. */
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
