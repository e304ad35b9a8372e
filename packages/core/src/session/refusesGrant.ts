import { OAuthResponseError } from '../errors.ts'

/**
 * Whether the server refused the grant itself (`invalid_grant`: the refresh token is revoked,
 * reused or expired): the one failure that ends a session. Anything else (an outage, `429
 * slow_down`, a DPoP proof refused for clock skew, a misconfiguration) says nothing about the
 * tokens: the session stays, its still-valid token keeps being handed out, and renewal is retried.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function refusesGrant(error: unknown): error is OAuthResponseError {
  return error instanceof OAuthResponseError && error.error === 'invalid_grant'
}
